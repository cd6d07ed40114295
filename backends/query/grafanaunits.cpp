#include "grafanaunits.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QString fixed(double value, std::optional<int> decimals)
{
    const int places = decimals.value_or(GrafanaUnits::decimalsFor(value));
    QString text = QString::number(value, 'f', qBound(0, places, 20));
    if (text == u"-0"_s)
        text = u"0"_s;
    return text;
}

/// `value` divided by `factor` until it is under it, with the suffix of that step.
QString scaled(double value, double factor, const QStringList& suffixes, std::optional<int> decimals)
{
    qsizetype step = 0;
    double size = value;
    while (std::abs(size) >= factor && step + 1 < suffixes.size()) {
        size /= factor;
        ++step;
    }
    // A scaled value gets the decimals its own size calls for (Grafana: 1.23 K, not 1 K).
    return fixed(size, decimals) + suffixes.at(step);
}

QString milliseconds(double ms, std::optional<int> decimals)
{
    const double size = std::abs(ms);
    if (size < 1000)
        return fixed(ms, decimals) + u" ms"_s;
    if (size < 60'000)
        return fixed(ms / 1000, decimals) + u" s"_s;
    if (size < 3'600'000)
        return fixed(ms / 60'000, decimals) + u" min"_s;
    if (size < 86'400'000)
        return fixed(ms / 3'600'000, decimals) + u" hour"_s;
    if (size < 31'536'000'000.0)
        return fixed(ms / 86'400'000, decimals) + u" day"_s;
    return fixed(ms / 31'536'000'000.0, decimals) + u" year"_s;
}

QString seconds(double s, std::optional<int> decimals)
{
    const double size = std::abs(s);
    if (size == 0)
        return fixed(s, decimals) + u" s"_s;
    if (size < 1e-6)
        return fixed(s * 1e9, decimals) + u" ns"_s;
    if (size < 1e-3)
        return fixed(s * 1e6, decimals) + u" µs"_s;
    if (size < 1)
        return fixed(s * 1e3, decimals) + u" ms"_s;
    if (size < 60)
        return fixed(s, decimals) + u" s"_s;
    if (size < 3600)
        return fixed(s / 60, decimals) + u" min"_s;
    if (size < 86400)
        return fixed(s / 3600, decimals) + u" hour"_s;
    if (size < 604800)
        return fixed(s / 86400, decimals) + u" day"_s;
    if (size < 31536000)
        return fixed(s / 604800, decimals) + u" week"_s;
    return fixed(s / 31536000, decimals) + u" year"_s;
}
} // namespace

namespace GrafanaUnits {

int decimalsFor(double value)
{
    if (!std::isfinite(value) || value == 0 || std::fmod(value, 1.0) == 0)
        return 0;
    const int magnitude = int(std::floor(std::log10(std::abs(value))));
    int decimals = -magnitude + 1;
    const double normalised = std::abs(value) / std::pow(10.0, -decimals);
    if (normalised > 2.25)
        ++decimals;
    return qMax(0, decimals);
}

QString format(double value, const QString& unit, std::optional<int> decimals)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"∞"_s : u"-∞"_s;
    static const QStringList shortSuffixes { u""_s, u" K"_s, u" Mil"_s, u" Bil"_s, u" Tri"_s, u" Quadr"_s, u" Quint"_s,
        u" Sext"_s, u" Sept"_s };
    if (unit.isEmpty() || unit == u"short"_s)
        return scaled(value, 1000, shortSuffixes, decimals);
    if (unit == u"none"_s)
        return fixed(value, decimals);
    if (unit == u"percent"_s)
        return fixed(value, decimals) + u'%';
    if (unit == u"percentunit"_s)
        return fixed(value * 100, decimals) + u'%';
    if (unit == u"ms"_s)
        return milliseconds(value, decimals);
    if (unit == u"s"_s)
        return seconds(value, decimals);
    if (unit == u"bytes"_s) {
        static const QStringList iec { u" B"_s, u" KiB"_s, u" MiB"_s, u" GiB"_s, u" TiB"_s, u" PiB"_s, u" EiB"_s };
        return scaled(value, 1024, iec, decimals);
    }
    if (unit == u"decbytes"_s) {
        static const QStringList si { u" B"_s, u" kB"_s, u" MB"_s, u" GB"_s, u" TB"_s, u" PB"_s, u" EB"_s };
        return scaled(value, 1000, si, decimals);
    }
    if (unit == u"reqps"_s)
        return scaled(value, 1000, { u""_s, u"K"_s, u"M"_s, u"B"_s, u"T"_s }, decimals) + u" req/s"_s;
    if (unit.startsWith(u"suffix:"_s))
        return fixed(value, decimals) + unit.mid(7);
    return fixed(value, decimals) + u' ' + unit;
}

} // namespace GrafanaUnits
