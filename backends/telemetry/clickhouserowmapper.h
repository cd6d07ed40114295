#pragma once

#include "logrecord.h"
#include "metricpoint.h"
#include "spanrecord.h"

#include <QByteArray>
#include <QList>

class RowBinaryWriter;

/// Turns records into JSONEachRow rows of the upstream `traces`, `metrics` and `logs` tables,
/// column for column as the upstream ClickHouse backend writes them (reference/upstream.md,
/// section 5), with its defects fixed: user_id/session_id come from the resource, an error is
/// stored as ERROR, integer metric values fill value_int and value_double, duration_ms is real,
/// histogram columns are filled. Every row carries all columns, because old servers do not apply
/// DEFAULT expressions to omitted JSONEachRow fields.
class ClickHouseRowMapper final
{
public:
    enum class Dialect
    {
        Modern, ///< Map columns as JSON objects
        Legacy, ///< Map columns as Nested: "attributes.key":[...], "attributes.value":[...]
    };

    explicit ClickHouseRowMapper(Dialect dialect = Dialect::Legacy)
        : m_dialect(dialect)
    { }

    Dialect dialect() const { return m_dialect; }

    /// Appends one row (one line, with its newline) to `out`. Returns the row's key, which is how a
    /// batch is found again after an insert whose outcome is unknown: "<span_id>/<timestamp_ns>"
    /// for traces (see keyExpression()), the generated metric_id or log_id for the others.
    QByteArray appendTraceRow(QByteArray& out, const SpanRecord& span) const;
    QByteArray appendMetricRow(QByteArray& out, const MetricPoint& point) const;
    QByteArray appendLogRow(QByteArray& out, const LogRecord& log) const;
    /// The same rows in RowBinary, for the columns of the writer's layout (see columns()).
    QByteArray appendBinaryTraceRow(RowBinaryWriter& out, const SpanRecord& span) const;
    QByteArray appendBinaryMetricRow(RowBinaryWriter& out, const MetricPoint& point) const;
    QByteArray appendBinaryLogRow(RowBinaryWriter& out, const LogRecord& log) const;

    enum class Table
    {
        Traces,
        Metrics,
        Logs,
    };
    /// The columns every row of `table` has, in the order they are written.
    QList<QByteArray> columns(Table table) const;

    /// The SQL that gives a stored row's key, and the column its id part is in, per table kind.
    static const char* traceKeyExpression() { return "concat(span_id, '/', toString(timestamp_ns))"; }
    static const char* traceIdColumn() { return "span_id"; }
    static const char* metricIdColumn() { return "metric_id"; }
    static const char* logIdColumn() { return "log_id"; }

    /// "INTERNAL", "SERVER", ...: span kinds as the upstream column stores them.
    static const char* spanKindText(Otlp::SpanKind kind);
    /// "OK" or "ERROR": UNSET counts as OK, as upstream (dashboards count status_code != 'OK').
    static const char* statusText(Otlp::StatusCode code);
    /// Severity text for a record that has none: the range's name ("WARN" for 13-16).
    static QByteArray severityText(qint32 severityNumber);

private:
    // One description of each table's columns, written through JsonWriter or RowBinaryWriter.
    template<typename Writer>
    QByteArray writeTraceRow(Writer& json, const SpanRecord& span) const;
    template<typename Writer>
    QByteArray writeMetricRow(Writer& json, const MetricPoint& point) const;
    template<typename Writer>
    QByteArray writeLogRow(Writer& json, const LogRecord& log) const;

    Dialect m_dialect;
};
