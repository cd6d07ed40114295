#pragma once

#include "clickhouse/clickhousecolumn.h"

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QTimeZone>

class QueryResultModel;

/// Turns a query result into what a chart draws, the way Grafana reads a table: the first
/// Date/DateTime column is time, numeric columns are values, string columns are labels.
/// Long rows (time, label, value) are pivoted into one series per label, as Grafana's
/// time-series format does; wide rows (time, a, b) give one series per value column.
namespace ResultChartData {

enum class Kind
{
    TimeSeries,
    Bar,
    Pie,
    Stat,
    Table,
};

struct Shape
{
    int timeColumn = -1;
    QList<int> valueColumns;
    QList<int> labelColumns;
};

struct Series
{
    QString name;
    QList<QPointF> points; ///< time series: x in ms since the epoch, sorted by x
};

struct Categories
{
    QStringList labels; ///< one per row (the label columns joined), or the row number
    QList<Series> values; ///< one per value column; points' x is the category index
};

Shape analyse(const QList<ClickHouseColumn>& columns);
/// What Grafana would most likely show: a stat for one row of numbers, a time series when
/// there is time, bars for labelled numbers, else the table.
Kind choose(const Shape& shape, qsizetype rows);
QString kindName(Kind kind);

/// `zone` is the server's: ClickHouse writes DateTime values in it.
QList<Series> timeSeries(const QueryResultModel& model, const Shape& shape, const QTimeZone& zone);
Categories categories(const QueryResultModel& model, const Shape& shape, qsizetype maxRows);

/// "2026-01-02 03:04:05[.678]" or "2026-01-02" in `zone`, as ms since the epoch; false if not that.
bool parseDateTime(QStringView text, const QTimeZone& zone, qint64* msSinceEpoch);
/// The same, as if the zone were UTC (the wall-clock reading in milliseconds).
bool parseLocalDateTime(QStringView text, qint64* localMs);
/// The same from UTF-8 text (as a result block keeps it).
bool parseLocalDateTime(QByteArrayView text, qint64* localMs);

} // namespace ResultChartData
