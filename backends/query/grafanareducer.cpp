#include "grafanareducer.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QList<double> notNull(const QList<double>& values)
{
    QList<double> result;
    result.reserve(values.size());
    for (const double value : values) {
        if (!std::isnan(value))
            result.append(value);
    }
    return result;
}
} // namespace

namespace GrafanaReducer {

bool isKnown(const QString& calc)
{
    static const QSet<QString> known { u"lastNotNull"_s, u"last"_s, u"firstNotNull"_s, u"first"_s, u"mean"_s, u"sum"_s,
        u"max"_s, u"min"_s, u"count"_s, u"range"_s, u"delta"_s, u"diff"_s, u"median"_s, u"distinctCount"_s,
        u"allIsNull"_s, u"allIsZero"_s, u"changeCount"_s };
    return known.contains(calc);
}

std::optional<double> reduce(const QList<double>& values, const QString& calc)
{
    const QList<double> present = notNull(values);
    if (calc == u"last"_s)
        return values.isEmpty() || std::isnan(values.last()) ? std::nullopt : std::optional(values.last());
    if (calc == u"first"_s)
        return values.isEmpty() || std::isnan(values.first()) ? std::nullopt : std::optional(values.first());
    if (calc == u"count"_s)
        return double(values.size());
    if (calc == u"allIsNull"_s)
        return present.isEmpty() ? 1.0 : 0.0;
    if (calc == u"allIsZero"_s)
        return std::all_of(present.begin(), present.end(), [](double v) { return v == 0; }) ? 1.0 : 0.0;
    if (calc == u"distinctCount"_s)
        return double(QSet<double>(present.begin(), present.end()).size());
    if (present.isEmpty())
        return std::nullopt;
    if (calc == u"lastNotNull"_s)
        return present.last();
    if (calc == u"firstNotNull"_s)
        return present.first();
    if (calc == u"sum"_s || calc == u"mean"_s) {
        double sum = 0;
        for (const double value : present)
            sum += value;
        return calc == u"sum"_s ? sum : sum / double(present.size());
    }
    if (calc == u"max"_s)
        return *std::max_element(present.begin(), present.end());
    if (calc == u"min"_s)
        return *std::min_element(present.begin(), present.end());
    if (calc == u"range"_s)
        return *std::max_element(present.begin(), present.end()) - *std::min_element(present.begin(), present.end());
    if (calc == u"diff"_s)
        return present.last() - present.first();
    if (calc == u"delta"_s) { // the sum of increases, a counter's resets skipped (Grafana's)
        double delta = 0;
        for (qsizetype i = 1; i < present.size(); ++i)
            delta += present[i] >= present[i - 1] ? present[i] - present[i - 1] : present[i];
        return delta;
    }
    if (calc == u"changeCount"_s) {
        double changes = 0;
        for (qsizetype i = 1; i < present.size(); ++i)
            changes += present[i] != present[i - 1] ? 1 : 0;
        return changes;
    }
    if (calc == u"median"_s) {
        QList<double> sorted = present;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype middle = sorted.size() / 2;
        return sorted.size() % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
    return std::nullopt;
}

} // namespace GrafanaReducer
