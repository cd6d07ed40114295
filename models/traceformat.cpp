#include "traceformat.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace TraceFormat {
QString duration(quint64 nanoseconds)
{
    const QLocale locale;
    const double ns = double(nanoseconds);
    auto significant = [&locale](double value, const QString& unit) -> QString {
        const int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
        return locale.toString(value, 'f', decimals) + u' ' + unit;
    };
    if (nanoseconds < 1000)
        return locale.toString(nanoseconds) + u" ns"_s;
    if (nanoseconds < 1'000'000)
        return significant(ns / 1e3, u"µs"_s);
    if (nanoseconds < 1'000'000'000)
        return significant(ns / 1e6, u"ms"_s);
    if (nanoseconds < 60'000'000'000ull)
        return significant(ns / 1e9, u"s"_s);
    const quint64 seconds = nanoseconds / 1'000'000'000ull;
    return u"%1 min %2 s"_s.arg(locale.toString(seconds / 60)).arg(seconds % 60);
}

QString time(quint64 unixNanoseconds)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(unixNanoseconds / 1'000'000ull));
    return QLocale().toString(at, u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}
} // namespace TraceFormat
