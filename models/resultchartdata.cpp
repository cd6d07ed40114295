#include "resultchartdata.h"

#include "queryresultmodel.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ResultChartData {
namespace {
char16_t unit(QStringView text, qsizetype at)
{
    return text.at(at).unicode();
}

char16_t unit(QByteArrayView text, qsizetype at)
{
    return char16_t(static_cast<unsigned char>(text.at(at)));
}

template<typename Text>
bool digits(Text text, qsizetype at, qsizetype count, int* value)
{
    int result = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = unit(text, i);
        if (c < u'0' || c > u'9')
            return false;
        result = result * 10 + (c - u'0');
    }
    *value = result;
    return true;
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

/// Each series in time order (results usually are, and then nothing moves).
void sortByTime(QList<Series>& series)
{
    const auto earlier = [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); };
    for (Series& one : series) {
        if (!std::is_sorted(one.points.cbegin(), one.points.cend(), earlier))
            std::stable_sort(one.points.begin(), one.points.end(), earlier);
    }
}

/// The zone's offset from UTC at a wall-clock time, in milliseconds (exact but for the hour a
/// clock change repeats, as anywhere).
qint64 offsetMsAt(const QTimeZone& zone, qint64 localMs)
{
    return zone.isValid() ? qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(localMs, QTimeZone::utc()))) * 1000
                          : 0;
}

QString label(const QueryResultModel& model, int row, const QList<int>& columns)
{
    QStringList parts;
    for (int column : columns)
        parts.append(QueryResultModel::text(model.value(row, column)));
    return parts.join(u" / "_s);
}

template<typename Text>
bool parseLocalDateTimeIn(Text text, qint64* localMs)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (text.size() < 10 || unit(text, 4) != u'-' || unit(text, 7) != u'-' || !digits(text, 0, 4, &year)
        || !digits(text, 5, 2, &month) || !digits(text, 8, 2, &day))
        return false;
    if (text.size() >= 19) {
        if (unit(text, 10) != u' ' && unit(text, 10) != u'T')
            return false;
        if (!digits(text, 11, 2, &hour) || !digits(text, 14, 2, &minute) || !digits(text, 17, 2, &second))
            return false;
        if (text.size() >= 23 && unit(text, 19) == u'.' && !digits(text, 20, 3, &millisecond))
            return false;
    } else if (text.size() != 10) {
        return false;
    }
    *localMs = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 * 1000 + second * 1000 + millisecond;
    return true;
}
} // namespace

bool parseLocalDateTime(QStringView text, qint64* localMs)
{
    return parseLocalDateTimeIn(text, localMs);
}

bool parseLocalDateTime(QByteArrayView text, qint64* localMs)
{
    return parseLocalDateTimeIn(text, localMs);
}

bool parseDateTime(QStringView text, const QTimeZone& zone, qint64* msSinceEpoch)
{
    qint64 local = 0;
    if (!parseLocalDateTime(text, &local))
        return false;
    *msSinceEpoch = local - offsetMsAt(zone, local);
    return true;
}

Shape analyse(const QList<ClickHouseColumn>& columns)
{
    Shape shape;
    for (int i = 0; i < columns.size(); ++i) {
        const QStringView type = ClickHouseColumn::baseType(columns.at(i).type);
        if (shape.timeColumn < 0 && QueryResultModel::isTimeType(type))
            shape.timeColumn = i;
        else if (QueryResultModel::isNumericType(type))
            shape.valueColumns.append(i);
        else if (type == u"String" || type.startsWith(u"FixedString") || type.startsWith(u"Enum"))
            shape.labelColumns.append(i);
    }
    return shape;
}

Kind choose(const Shape& shape, qsizetype rows)
{
    if (shape.valueColumns.isEmpty())
        return Kind::Table;
    if (shape.timeColumn >= 0 && rows > 1)
        return Kind::TimeSeries;
    if (rows == 1 && shape.labelColumns.isEmpty())
        return Kind::Stat;
    if (rows >= 1 && rows <= 1000)
        return Kind::Bar;
    return Kind::Table;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::TimeSeries:
        return u"Time series"_s;
    case Kind::Bar:
        return u"Bar"_s;
    case Kind::Pie:
        return u"Pie"_s;
    case Kind::Stat:
        return u"Stat"_s;
    case Kind::Table:
        break;
    }
    return u"Table"_s;
}

QList<Series> timeSeries(const QueryResultModel& model, const Shape& shape, const QTimeZone& zone)
{
    QList<Series> series;
    // Times and values come from the model's number columns (contiguous memory, already parsed),
    // only labels from the rows themselves.
    const ChunkedList<double>* times = model.numbers(shape.timeColumn);
    QList<const ChunkedList<double>*> values;
    for (int column : shape.valueColumns)
        values.append(model.numbers(column));
    if (!times || values.isEmpty() || values.contains(nullptr))
        return series;
    // The zone's offset, looked up once per local hour (a million rows span few hours, and a
    // lookup costs far more than the rest of a point).
    QHash<qint64, qint64> offsetMsByHour;
    auto toUtc = [&zone, &offsetMsByHour](qint64 local) {
        auto found = offsetMsByHour.constFind(local / 3600000);
        if (found == offsetMsByHour.constEnd())
            found = offsetMsByHour.insert(local / 3600000, offsetMsAt(zone, local));
        return local - found.value();
    };
    QHash<QString, qsizetype> byName;
    auto seriesNamed = [&series, &byName](const QString& name) {
        auto found = byName.constFind(name);
        if (found == byName.constEnd()) {
            found = byName.insert(name, series.size());
            series.append({ name, {} });
        }
        return found.value();
    };
    // Which series each value column feeds: wide rows always the same; long rows (pivot) by the
    // row's label, looked up again only when it changes from one row to the next.
    const bool pivot = !shape.labelColumns.isEmpty();
    const qsizetype rows = qMin<qsizetype>(model.rowCount(), times->size());
    QList<qsizetype> target(shape.valueColumns.size(), -1);
    if (!pivot) {
        for (qsizetype i = 0; i < shape.valueColumns.size(); ++i) {
            target[i] = seriesNamed(model.columns().at(shape.valueColumns.at(i)).name);
            series[target[i]].points.reserve(rows); // one point per row: no growing by copying
        }
    }
    QString lastLabel;
    for (qsizetype row = 0; row < rows; ++row) {
        const double local = times->at(row);
        if (std::isnan(local))
            continue;
        const double x = double(toUtc(qint64(local)));
        if (pivot) {
            const QString rowLabel = label(model, int(row), shape.labelColumns);
            if (target.first() < 0 || rowLabel != lastLabel) {
                for (qsizetype i = 0; i < shape.valueColumns.size(); ++i) {
                    target[i] = seriesNamed(shape.valueColumns.size() == 1
                            ? rowLabel
                            : rowLabel + u' ' + model.columns().at(shape.valueColumns.at(i)).name);
                }
                lastLabel = rowLabel;
            }
        }
        for (qsizetype i = 0; i < values.size(); ++i) {
            const double y = values.at(i)->at(row);
            if (!std::isnan(y)) // NULL: a gap, as Grafana draws it
                series[target[i]].points.append(QPointF(x, y));
        }
    }
    sortByTime(series);
    return series;
}

Categories categories(const QueryResultModel& model, const Shape& shape, qsizetype maxRows)
{
    Categories result;
    const int rows = int(qMin<qsizetype>(model.rowCount(), maxRows));
    for (int column : shape.valueColumns)
        result.values.append({ model.columns().at(column).name, {} });
    for (int row = 0; row < rows; ++row) {
        result.labels.append(
            shape.labelColumns.isEmpty() ? QString::number(row + 1) : label(model, row, shape.labelColumns));
        for (qsizetype i = 0; i < shape.valueColumns.size(); ++i) {
            bool ok = false;
            const double y = QueryResultModel::toNumber(model.value(row, shape.valueColumns.at(i)), &ok);
            result.values[i].points.append(QPointF(row, ok ? y : 0.0));
        }
    }
    return result;
}

} // namespace ResultChartData
