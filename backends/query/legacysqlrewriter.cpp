#include "legacysqlrewriter.h"

#include "sql/sqlcallarguments.h"
#include "sql/sqlscanner.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace LegacySqlRewriter {
namespace {
/// The equivalent of toStartOfInterval(time, INTERVAL count unit[, zone]), or an empty string.
QString equivalent(const QString& time, qint64 count, QString unit, const QString& zone)
{
    unit = unit.toLower();
    if (unit.endsWith(u's'))
        unit.chop(1);
    const QString zoneArgument = zone.isEmpty() ? QString() : u", "_s + zone;
    const QString dateTime = u"toDateTime(%1%2)"_s.arg(time, zoneArgument);
    qint64 seconds = 0;
    if (unit == u"second"_s)
        seconds = count;
    else if (unit == u"minute"_s)
        seconds = count * 60;
    else if (unit == u"hour"_s)
        seconds = count * 3600;
    if (seconds > 0) {
        // Epoch-aligned buckets, as toStartOfInterval makes them for these units.
        return u"toDateTime(intDiv(toUInt32(%1), %2) * %2%3)"_s.arg(dateTime).arg(seconds).arg(zoneArgument);
    }
    if (count == 1) {
        if (unit == u"day"_s)
            return u"toDate(%1)"_s.arg(dateTime);
        if (unit == u"week"_s)
            return u"toMonday(%1)"_s.arg(dateTime);
        if (unit == u"month"_s)
            return u"toStartOfMonth(%1)"_s.arg(dateTime);
        if (unit == u"quarter"_s)
            return u"toStartOfQuarter(%1)"_s.arg(dateTime);
        if (unit == u"year"_s)
            return u"toStartOfYear(%1)"_s.arg(dateTime);
    }
    // Multiples count from the epoch, as toStartOfInterval does.
    if (unit == u"day"_s)
        return u"toDate(intDiv(toUInt32(toDate(%1)), %2) * %2)"_s.arg(dateTime).arg(count);
    if (unit == u"week"_s)
        return u"addWeeks(toDate('1970-01-05'), intDiv(toRelativeWeekNum(%1) - "
               u"toRelativeWeekNum(toDate('1970-01-05')), "
               "%2) * %2)"_s.arg(dateTime)
                   .arg(count);
    const qint64 months = unit == u"month"_s ? count
        : unit == u"quarter"_s               ? count * 3
        : unit == u"year"_s                  ? count * 12
                                             : 0;
    if (months > 0)
        return u"addMonths(toDate('1970-01-01'), intDiv(toRelativeMonthNum(%1) - "
               u"toRelativeMonthNum(toDate('1970-01-01')), "
               "%2) * %2)"_s.arg(dateTime)
                   .arg(months);
    return {};
}
} // namespace

Result rewriteToStartOfInterval(const QString& sql)
{
    static const QString function = u"toStartOfInterval"_s;
    static const QRegularExpression interval(
        uR"(^INTERVAL\s+'?(\d+)'?\s+(SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|QUARTER|YEAR)S?$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    Result result;
    result.sql = sql;
    bool changed = true;
    // One call per pass: a rewrite changes the offsets, and calls may nest.
    while (changed) {
        changed = false;
        for (const SqlScanner::Region& region : SqlScanner::regions(result.sql)) {
            if (region.kind != SqlScanner::Kind::Code)
                continue;
            for (qsizetype at = result.sql.indexOf(function, region.begin); at >= 0 && at < region.end;
                 at = result.sql.indexOf(function, at + 1)) {
                const bool wordStart = at == 0
                    || !(result.sql.at(at - 1).isLetterOrNumber() || result.sql.at(at - 1) == u'_'
                        || result.sql.at(at - 1) == u'.');
                qsizetype open = at + function.size();
                while (open < result.sql.size() && result.sql.at(open).isSpace())
                    ++open;
                if (!wordStart || open >= result.sql.size() || result.sql.at(open) != u'(')
                    continue;
                const SqlCallArguments call = SqlCallArguments::read(result.sql, open);
                if (call.end < 0 || call.arguments.size() < 2 || call.arguments.size() > 3)
                    continue;
                const QRegularExpressionMatch match = interval.match(call.arguments.at(1).toString().simplified());
                if (!match.hasMatch())
                    continue;
                const QString replacement = equivalent(call.arguments.at(0).toString(), match.captured(1).toLongLong(),
                    match.captured(2), call.arguments.size() == 3 ? call.arguments.at(2).toString() : QString());
                if (replacement.isEmpty() || match.captured(1).toLongLong() <= 0)
                    continue;
                result.sql.replace(at, call.end - at, replacement);
                ++result.rewrittenCalls;
                changed = true;
                break;
            }
            if (changed)
                break;
        }
    }
    return result;
}

} // namespace LegacySqlRewriter
