#include "resultchartdata.h"

#include "queryresultmodel.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ResultChartData {
namespace {
bool digits(QStringView text, qsizetype at, qsizetype count, int* value)
{
    int result = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = text.at(i).unicode();
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

double number(const QVariant& value, bool* ok)
{
    if (value.typeId() == QMetaType::QString)
        return value.toString().toDouble(ok);
    return value.toDouble(ok);
}

QString label(const QueryResultModel& model, int row, const QList<int>& columns)
{
    QStringList parts;
    for (int column : columns)
        parts.append(QueryResultModel::text(model.value(row, column)));
    return parts.join(u" / "_s);
}
} // namespace

bool parseDateTime(QStringView text, const QTimeZone& zone, qint64* msSinceEpoch)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (text.size() < 10 || text.at(4) != u'-' || text.at(7) != u'-' || !digits(text, 0, 4, &year)
        || !digits(text, 5, 2, &month) || !digits(text, 8, 2, &day))
        return false;
    if (text.size() >= 19) {
        if (text.at(10) != u' ' && text.at(10) != u'T')
            return false;
        if (!digits(text, 11, 2, &hour) || !digits(text, 14, 2, &minute) || !digits(text, 17, 2, &second))
            return false;
        if (text.size() >= 23 && text.at(19) == u'.' && !digits(text, 20, 3, &millisecond))
            return false;
    } else if (text.size() != 10) {
        return false;
    }
    const qint64 local =
        ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 * 1000 + second * 1000 + millisecond;
    // The zone's offset at that moment (found from the local time: exact but for the hour a
    // clock change repeats, as anywhere).
    const int offset = zone.isValid() ? zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(local, QTimeZone::utc())) : 0;
    *msSinceEpoch = local - qint64(offset) * 1000;
    return true;
}

Shape analyse(const QList<ClickHouseColumn>& columns)
{
    Shape shape;
    for (int i = 0; i < columns.size(); ++i) {
        const QStringView type = QueryResultModel::baseType(columns.at(i).type);
        if (shape.timeColumn < 0 && (type.startsWith(u"DateTime") || type == u"Date" || type == u"Date32"))
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
    if (shape.timeColumn < 0 || shape.valueColumns.isEmpty())
        return series;
    QHash<QString, qsizetype> byName;
    const int rows = model.rowCount();
    const bool fixedOffset = !zone.isValid() || zone == QTimeZone::utc() || !zone.hasTransitions();
    const QTimeZone utc = QTimeZone::utc();
    const int offsetMs = fixedOffset && zone.isValid() ? zone.offsetFromUtc(QDateTime::currentDateTimeUtc()) * 1000 : 0;
    const bool pivot = !shape.labelColumns.isEmpty();
    // Most results have one series (or a few): remember the last one used instead of hashing.
    qsizetype last = -1;
    for (int row = 0; row < rows; ++row) {
        const QVariant time = model.value(row, shape.timeColumn);
        qint64 x = 0;
        if (!parseDateTime(time.toString(), fixedOffset ? utc : zone, &x))
            continue;
        x -= offsetMs;
        const QString prefix = pivot ? label(model, row, shape.labelColumns) : QString();
        for (int column : shape.valueColumns) {
            bool ok = false;
            const double y = number(model.value(row, column), &ok);
            if (!ok)
                continue; // NULL: a gap, as Grafana draws it
            QString name;
            if (!pivot)
                name = model.columns().at(column).name;
            else if (shape.valueColumns.size() == 1)
                name = prefix;
            else
                name = prefix + u' ' + model.columns().at(column).name;
            if (last < 0 || series.at(last).name != name) {
                auto found = byName.constFind(name);
                if (found == byName.constEnd()) {
                    found = byName.insert(name, series.size());
                    series.append({ name, {} });
                }
                last = found.value();
            }
            series[last].points.append(QPointF(double(x), y));
        }
    }
    for (Series& one : series) {
        if (!std::is_sorted(one.points.cbegin(), one.points.cend(),
                [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }))
            std::stable_sort(
                one.points.begin(), one.points.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    }
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
            const double y = number(model.value(row, shape.valueColumns.at(i)), &ok);
            result.values[i].points.append(QPointF(row, ok ? y : 0.0));
        }
    }
    return result;
}

} // namespace ResultChartData
