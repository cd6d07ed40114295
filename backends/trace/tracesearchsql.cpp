#include "tracesearchsql.h"

#include "clickhouse/clickhouseclient.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
QString table(const QString& database, const char* name)
{
    static const QRegularExpression plain(uR"(^[A-Za-z_][A-Za-z0-9_]*$)"_s);
    const QString prefix = database.isEmpty() ? QString()
        : plain.match(database).hasMatch()    ? database + u'.'
                                              : ClickHouseClient::quoteIdentifier(database) + u'.';
    return prefix + QLatin1StringView(name);
}

QString quote(const QString& text)
{
    return ClickHouseClient::quoteString(text);
}

/// A span's start in nanoseconds; rows of writers that leave timestamp_ns at its default of 0
/// fall back to the second.
const QString startNs = u"if(timestamp_ns = 0, toUInt64(timestamp) * 1000000000, timestamp_ns)"_s;
} // namespace

QString TraceSearchSql::attributeCondition(const QString& attribute, Dialect dialect)
{
    const qsizetype equals = attribute.indexOf(u'=');
    const QString key = (equals < 0 ? attribute : attribute.left(equals)).trimmed();
    if (equals < 0) {
        return dialect == Dialect::Modern ? u"mapContains(attributes, %1)"_s.arg(quote(key))
                                          : u"has(attributes.key, %1)"_s.arg(quote(key));
    }
    const QString value = attribute.mid(equals + 1).trimmed();
    // A Map gives '' for a missing key: without mapContains, "key=" would find spans without it.
    return dialect == Dialect::Modern
        ? u"(mapContains(attributes, %1) AND attributes[%1] = %2)"_s.arg(quote(key), quote(value))
        : u"(has(attributes.key, %1) AND attributes.value[indexOf(attributes.key, %1)] = %2)"_s.arg(
            quote(key), quote(value));
}

QString TraceSearchSql::search(const TraceSearchCriteria& criteria, const QString& database, Dialect dialect)
{
    const QString traces = table(database, "traces");
    const QString range = u"timestamp >= toDateTime(%1) AND timestamp <= toDateTime(%2)"_s.arg(criteria.fromMs / 1000)
                              .arg((criteria.toMs + 999) / 1000);
    QStringList spanFilters;
    if (!criteria.service.isEmpty())
        spanFilters << u"service_name = "_s + quote(criteria.service);
    if (!criteria.operation.isEmpty())
        spanFilters << u"span_name = "_s + quote(criteria.operation);
    if (!criteria.attribute.trimmed().isEmpty())
        spanFilters << attributeCondition(criteria.attribute, dialect);

    QString where = range;
    if (!criteria.traceId.trimmed().isEmpty())
        where += u"\n      AND trace_id = "_s + quote(criteria.traceId.trimmed());
    if (!spanFilters.isEmpty()) {
        where += u"\n      AND trace_id IN (SELECT trace_id FROM %1\n        WHERE %2 AND %3)"_s.arg(
            traces, range, spanFilters.join(u" AND "_s));
    }

    QStringList having;
    if (criteria.minDurationMs >= 0)
        having << u"duration_ns >= %1"_s.arg(criteria.minDurationMs * 1000000);
    if (criteria.maxDurationMs >= 0)
        having << u"duration_ns <= %1"_s.arg(criteria.maxDurationMs * 1000000);
    if (criteria.status == TraceSearchCriteria::Status::WithErrors)
        having << u"errors > 0"_s;
    else if (criteria.status == TraceSearchCriteria::Status::WithoutErrors)
        having << u"errors = 0"_s;

    // Root spans rank before all others by 2^62 ns (146 years) added to every child's start.
    const QString rootRank = u"start_ns + if(parent_span_id = '', 0, 4611686018427387904)"_s;
    QString sql = u"SELECT\n"
                  "    trace_id,\n"
                  "    argMin(span_name, %1) AS root_name,\n"
                  "    argMin(service_name, %1) AS root_service,\n"
                  "    arrayStringConcat(arraySort(groupUniqArray(service_name)), ', ') AS services,\n"
                  "    count() AS spans,\n"
                  "    countIf(status_code = 'ERROR') AS errors,\n"
                  "    min(start_ns) AS trace_start_ns,\n"
                  "    max(start_ns + toUInt64(duration_ms) * 1000000) - min(start_ns) AS duration_ns\n"
                  "FROM (\n"
                  "    SELECT trace_id, span_name, service_name, parent_span_id, status_code, duration_ms,\n"
                  "        %2 AS start_ns\n"
                  "    FROM %3\n"
                  "    WHERE %4)\n"
                  "GROUP BY trace_id\n"_s.arg(rootRank, startNs, traces, where);
    if (!having.isEmpty())
        sql += u"HAVING "_s + having.join(u" AND "_s) + u'\n';
    sql += u"ORDER BY trace_start_ns DESC\nLIMIT %1"_s.arg(qMax(1, criteria.limit));
    return sql;
}

QString TraceSearchSql::spans(const QByteArray& traceId, const QString& database)
{
    return u"SELECT * FROM %1 WHERE trace_id = %2 ORDER BY %3 LIMIT %4"_s
        .arg(table(database, "traces"), quote(QString::fromUtf8(traceId)), startNs)
        .arg(spanLimit + 1);
}

QString TraceSearchSql::logs(const QByteArray& traceId, const QString& database)
{
    return u"SELECT * FROM %1 WHERE trace_id = %2 ORDER BY %3 LIMIT %4"_s
        .arg(table(database, "logs"), quote(QString::fromUtf8(traceId)), startNs)
        .arg(logLimit + 1);
}

QString TraceSearchSql::services(const QString& database)
{
    return u"SELECT DISTINCT service_name FROM %1 WHERE timestamp >= now() - INTERVAL 30 DAY "
           "ORDER BY service_name LIMIT 1000"_s.arg(table(database, "traces"));
}
