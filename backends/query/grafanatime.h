#pragma once

#include <QString>
#include <QTimeZone>

/// Grafana's time expressions, as dashboards (`"time": {"from": "now-6h", "to": "now"}`), URLs and
/// `automagik-workbench query --from/--to` write them:
///  - relative: `now`, then any number of `+N unit`, `-N unit` and `/unit` (round to the start
///    of the unit for a range's start, to its end for a range's end: `now/d` to `now/d` is
///    today), units `s m h d w M y` (N may be left out: `now-d` is `now-1d`); weeks start on
///    Monday; days, months and years are calendar ones in the display time zone;
///  - absolute: milliseconds since the epoch (Grafana's URLs), ISO 8601 with or without a zone
///    (`2026-11-30T10:00:00Z`), `yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd HH:mm` and `yyyy-MM-dd`
///    (in the display time zone).
namespace GrafanaTime {

struct Parsed
{
    qint64 ms = 0; ///< milliseconds since the epoch
    QString error; ///< empty when the text is a time

    bool ok() const { return error.isEmpty(); }
};

/// `roundUp` is for the end of a range (rounding goes to the end of the unit).
Parsed parse(const QString& text, qint64 nowMs, const QTimeZone& zone, bool roundUp);

struct Range
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString error; ///< which end is wrong and why, or that the range is empty

    bool ok() const { return error.isEmpty(); }
};

Range parseRange(const QString& from, const QString& to, qint64 nowMs, const QTimeZone& zone);

} // namespace GrafanaTime
