#include "clickhouserowmapper.h"

#include "common/jsonwriter.h"
#include "resourcecolumns.h"
#include "rowbinarywriter.h"

#include <QLocale>
#include <QUuid>
#include <QVarLengthArray>

#include <charconv>
#include <cmath>
#include <limits>

namespace {
constexpr quint64 nanosPerSecond = 1000000000ull;

QByteArray newId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

/// The id's lowercase hex written into `buffer`, or empty when the id is absent.
template<int Size>
QByteArrayView hexOf(const BinaryId<Size>& id, char (&buffer)[2 * Size])
{
    if (!id.isPresent())
        return {};
    id.appendHex(buffer);
    return QByteArrayView(buffer, 2 * Size);
}

template<typename Writer>
void writeString(Writer& json, const char* key, QByteArrayView value)
{
    json.key(key);
    json.string(value);
}

template<typename Writer>
void writeUnsigned(Writer& json, const char* key, quint64 value)
{
    json.key(key);
    json.unsignedInteger(value);
}

/// A DateTime column (seconds in a UInt32) from nanoseconds: a time past 2106 is stored as the
/// latest second the column holds, not wrapped around to 1970.
template<typename Writer>
void writeSeconds(Writer& json, const char* key, quint64 nanos)
{
    json.key(key);
    json.unsignedInteger(std::min<quint64>(nanos / nanosPerSecond, std::numeric_limits<quint32>::max()));
}

/// A Float64 column: JSON has no NaN or infinity, and 18.16 reads none of their spellings in
/// JSONEachRow; null stands for them (the column default, 0), which is the best a Float64 can hold.
template<typename Writer>
void writeFloat(Writer& json, const char* key, double value)
{
    json.key(key);
    if (std::isfinite(value))
        json.number(value);
    else
        json.null();
}

/// A Map column in the modern dialect; in the legacy one, its Nested parts `<column>.key` and
/// `<column>.value` (named by the caller: no name is built per row).
template<typename Writer, typename Entries, typename Write>
void writeMap(Writer& json, ClickHouseRowMapper::Dialect dialect, const char* column, const char* keyColumn,
    const char* valueColumn, const Entries& entries, Write writeValue)
{
    if (dialect == ClickHouseRowMapper::Dialect::Modern) {
        json.key(column);
        json.beginObject();
        for (const auto& [key, value] : entries) {
            json.key(key);
            writeValue(value);
        }
        json.endObject();
        return;
    }
    json.key(keyColumn);
    json.beginArray();
    for (const auto& entry : entries)
        json.string(entry.first);
    json.endArray();
    json.key(valueColumn);
    json.beginArray();
    for (const auto& entry : entries)
        writeValue(entry.second);
    json.endArray();
}

template<typename Writer>
void writeAttributes(
    Writer& json, ClickHouseRowMapper::Dialect dialect, const Attributes& attributes, const ResourcePtr& resource)
{
    // Views into the record's own strings; only values that are not strings are converted (into
    // `converted`, reserved so that its elements do not move).
    QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 32> entries;
    QVarLengthArray<QByteArray, 32> converted;
    converted.reserve(attributes.size() + 1);
    auto text = [&converted](const AttributeValue& value) {
        if (value.type() == AttributeValue::Type::String)
            return QByteArrayView(value.stringUtf8());
        converted.append(value.toDisplayUtf8());
        return QByteArrayView(converted.last());
    };
    // The upstream schema has no column for resource attributes; a replay's id is kept with the
    // record's attributes, where a verification (and a user) can find the replay's rows.
    if (resource) {
        if (const AttributeValue* replay = findAttribute(resource->attributes, "workbench.replay.id"))
            entries.append({ QByteArrayView("workbench.replay.id"), text(*replay) });
    }
    for (const KeyValue& entry : attributes) {
        // A Map keeps one value per key; so does the Nested form, for the same lookups.
        const QByteArrayView key(entry.key);
        bool replaced = false;
        for (auto& existing : entries) {
            if (existing.first.size() == key.size() && existing.first == key) {
                existing.second = text(entry.value);
                replaced = true;
                break;
            }
        }
        if (!replaced)
            entries.append({ key, text(entry.value) });
    }
    writeMap(json, dialect, "attributes", "attributes.key", "attributes.value", entries,
        [&json](QByteArrayView value) { json.string(value); });
}

quint32 clampToUInt32(quint64 value)
{
    return value > std::numeric_limits<quint32>::max() ? std::numeric_limits<quint32>::max()
                                                       : static_cast<quint32>(value);
}
} // namespace

const char* ClickHouseRowMapper::spanKindText(Otlp::SpanKind kind)
{
    switch (kind) {
    case Otlp::SpanKind::Internal:
        return "INTERNAL";
    case Otlp::SpanKind::Server:
        return "SERVER";
    case Otlp::SpanKind::Client:
        return "CLIENT";
    case Otlp::SpanKind::Producer:
        return "PRODUCER";
    case Otlp::SpanKind::Consumer:
        return "CONSUMER";
    case Otlp::SpanKind::Unspecified:
        break;
    }
    return "UNSPECIFIED";
}

const char* ClickHouseRowMapper::statusText(Otlp::StatusCode code)
{
    return code == Otlp::StatusCode::Error ? "ERROR" : "OK";
}

QByteArray ClickHouseRowMapper::severityText(qint32 severityNumber)
{
    if (severityNumber <= 0 || severityNumber > 24)
        return QByteArrayLiteral("UNSPECIFIED");
    static const char* const names[] = { "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL" };
    return QByteArray(names[(severityNumber - 1) / 4]);
}

template<typename Writer>
QByteArray ClickHouseRowMapper::writeTraceRow(Writer& json, const SpanRecord& span) const
{
    // Ids as hex on the stack, and the key in one allocation: four allocations per row showed.
    char spanHex[2 * SpanId::byteSize];
    const QByteArrayView id = hexOf(span.spanId, spanHex);
    char start[24];
    const char* startEnd = std::to_chars(start, start + sizeof start, span.startTimeUnixNano).ptr;
    // span_id alone is not enough: replaying a capture twice stores the same span twice, legitimately.
    QByteArray key;
    key.reserve(id.size() + 1 + (startEnd - start));
    key.append(id).append('/').append(start, startEnd - start);
    char traceHex[2 * TraceId::byteSize];
    char parentHex[2 * SpanId::byteSize];
    json.beginObject();
    writeString(json, "trace_id", hexOf(span.traceId, traceHex));
    writeString(json, "span_id", id);
    writeString(json, "parent_span_id", hexOf(span.parentSpanId, parentHex));
    writeSeconds(json, "timestamp", span.startTimeUnixNano);
    writeUnsigned(json, "timestamp_ns", span.startTimeUnixNano);
    const quint64 durationNanos =
        span.endTimeUnixNano > span.startTimeUnixNano ? span.endTimeUnixNano - span.startTimeUnixNano : 0;
    writeUnsigned(json, "duration_ms", clampToUInt32(durationNanos / 1000000ull));
    writeString(json, "span_name", span.name.isEmpty() ? QByteArrayView("unknown") : QByteArrayView(span.name));
    writeString(json, "span_kind", spanKindText(span.kind));
    writeString(json, "status_code", statusText(span.statusCode));
    writeString(json, "status_message", span.statusMessage);
    ResourceColumns::of(span.resource, span.scope).write(json, span.resource, span.attributes);
    writeAttributes(json, m_dialect, span.attributes, span.resource);
    json.endObject();
    return key;
}

template<typename Writer>
QByteArray ClickHouseRowMapper::writeMetricRow(Writer& json, const MetricPoint& point) const
{
    const QByteArray id = newId();
    json.beginObject();
    writeString(json, "metric_id", id);
    writeString(json, "metric_name", point.name);
    static const char* const types[] = { "GAUGE", "SUM", "HISTOGRAM", "EXPONENTIAL_HISTOGRAM", "SUMMARY" };
    writeString(json, "metric_type", types[static_cast<int>(point.type)]);
    writeString(json, "metric_unit", point.unit);
    writeString(json, "metric_description", point.description);
    const quint64 time = point.timeUnixNano;
    writeSeconds(json, "timestamp", time);
    writeUnsigned(json, "timestamp_ns", time);
    writeSeconds(json, "time_window_start", point.startTimeUnixNano != 0 ? point.startTimeUnixNano : time);
    writeSeconds(json, "time_window_end", time);

    // One number for the dashboards: the value, or a histogram's mean, or a summary's mean.
    qint64 valueInt = 0;
    double valueDouble = 0;
    const bool distribution = point.type == MetricPoint::Type::Histogram
        || point.type == MetricPoint::Type::ExponentialHistogram || point.type == MetricPoint::Type::Summary;
    if (point.valueKind == NumberKind::Int) {
        valueInt = point.asInt;
        valueDouble = static_cast<double>(point.asInt); // upstream left value_double at 0
    } else if (point.valueKind == NumberKind::Double) {
        valueDouble = point.asDouble;
    } else if (distribution && point.count > 0) {
        valueDouble = point.sum.value_or(0.0) / static_cast<double>(point.count);
    }
    json.key("value_int");
    json.integer(valueInt);
    writeFloat(json, "value_double", valueDouble);
    writeUnsigned(json, "is_monotonic", point.isMonotonic ? 1 : 0);
    static const char* const temporalities[] = { "UNSPECIFIED", "DELTA", "CUMULATIVE" };
    const auto temporality = static_cast<qint32>(point.temporality);
    writeString(json, "aggregation_temporality",
        temporality >= 0 && temporality <= 2 ? temporalities[temporality] : "UNSPECIFIED");

    const bool histogram =
        point.type == MetricPoint::Type::Histogram || point.type == MetricPoint::Type::ExponentialHistogram;
    writeUnsigned(json, "histogram_count", histogram ? point.count : 0);
    writeFloat(json, "histogram_sum", histogram ? point.sum.value_or(0.0) : 0.0);
    writeFloat(json, "histogram_min", histogram ? point.min.value_or(0.0) : 0.0);
    writeFloat(json, "histogram_max", histogram ? point.max.value_or(0.0) : 0.0);
    json.key("histogram_bucket_counts");
    json.beginArray();
    for (quint64 count : point.bucketCounts)
        json.unsignedInteger(count);
    json.endArray();
    json.key("histogram_explicit_bounds");
    json.beginArray();
    for (double bound : point.explicitBounds)
        std::isfinite(bound) ? json.number(bound) : json.null();
    json.endArray();
    const bool summary = point.type == MetricPoint::Type::Summary;
    writeUnsigned(json, "summary_count", summary ? point.count : 0);
    writeFloat(json, "summary_sum", summary ? point.sum.value_or(0.0) : 0.0);
    QList<std::pair<QByteArray, double>> quantiles;
    for (const QuantileValue& quantile : point.quantileValues)
        quantiles.append(
            { QByteArray::number(quantile.quantile, 'g', QLocale::FloatingPointShortest), quantile.value });
    writeMap(json, m_dialect, "quantile_values", "quantile_values.key", "quantile_values.value", quantiles,
        [&json](double value) { std::isfinite(value) ? json.number(value) : json.null(); });

    ResourceColumns::of(point.resource, point.scope).write(json, point.resource, point.attributes);
    writeString(json, "service_namespace", ResourceColumns::lookup(point.resource, {}, "service.namespace"));
    writeString(json, "service_instance_id", ResourceColumns::lookup(point.resource, {}, "service.instance.id"));
    writeString(json, "schema_url", point.resource ? QByteArrayView(point.resource->schemaUrl) : QByteArrayView());
    writeAttributes(json, m_dialect, point.attributes, point.resource);
    json.endObject();
    return id;
}

template<typename Writer>
QByteArray ClickHouseRowMapper::writeLogRow(Writer& json, const LogRecord& log) const
{
    const QByteArray id = newId();
    json.beginObject();
    writeString(json, "log_id", id);
    QByteArray traceId = log.traceId.toHex();
    QByteArray spanId = log.spanId.toHex();
    // The upstream SDK put trace and span ids in attributes when it had no context.
    if (traceId.isEmpty())
        traceId = ResourceColumns::lookup({}, log.attributes, "trace_id");
    if (spanId.isEmpty())
        spanId = ResourceColumns::lookup({}, log.attributes, "span_id");
    writeString(json, "trace_id", traceId);
    writeString(json, "span_id", spanId);
    const quint64 time = log.timeUnixNano != 0 ? log.timeUnixNano : log.observedTimeUnixNano;
    const quint64 observed = log.observedTimeUnixNano != 0 ? log.observedTimeUnixNano : time;
    writeSeconds(json, "timestamp", time);
    writeUnsigned(json, "timestamp_ns", time);
    writeSeconds(json, "observed_timestamp", observed);
    writeUnsigned(json, "observed_timestamp_ns", observed);
    writeString(
        json, "severity_text", log.severityText.isEmpty() ? severityText(log.severityNumber) : log.severityText);
    writeUnsigned(json, "severity_number", static_cast<quint64>(qBound(0, log.severityNumber, 255)));
    const char* bodyType = "STRING";
    switch (log.body.type()) {
    case AttributeValue::Type::Empty:
        bodyType = "EMPTY";
        break;
    case AttributeValue::Type::Bytes:
        bodyType = "BYTES";
        break;
    case AttributeValue::Type::Array:
    case AttributeValue::Type::KeyValueList:
        bodyType = "JSON";
        break;
    default:
        break;
    }
    writeString(json, "body", log.body.toDisplayUtf8());
    writeString(json, "body_type", bodyType);
    ResourceColumns::of(log.resource, log.scope).write(json, log.resource, log.attributes);
    writeString(json, "service_namespace", ResourceColumns::lookup(log.resource, {}, "service.namespace"));
    writeString(json, "service_instance_id", ResourceColumns::lookup(log.resource, {}, "service.instance.id"));
    writeString(json, "schema_url", log.resource ? QByteArrayView(log.resource->schemaUrl) : QByteArrayView());
    const QByteArray exceptionType = ResourceColumns::lookup({}, log.attributes, "exception.type");
    writeString(json, "exception_type", exceptionType);
    writeString(json, "exception_message", ResourceColumns::lookup({}, log.attributes, "exception.message"));
    writeString(json, "exception_stacktrace", ResourceColumns::lookup({}, log.attributes, "exception.stacktrace"));
    writeUnsigned(json, "is_exception", exceptionType.isEmpty() ? 0 : 1);
    writeString(json, "source_file", ResourceColumns::lookup({}, log.attributes, "code.filepath"));
    writeUnsigned(json, "source_line", ResourceColumns::lookup({}, log.attributes, "code.lineno").toUInt());
    writeString(json, "source_function", ResourceColumns::lookup({}, log.attributes, "code.function"));
    writeUnsigned(json, "flags", log.flags);
    writeAttributes(json, m_dialect, log.attributes, log.resource);
    json.endObject();
    return id;
}

namespace {
/// Takes the calls of JsonWriter and keeps only the names of a row's columns.
class ColumnNames final
{
public:
    QList<QByteArray> names;

    void beginObject() { ++m_depth; }
    void endObject() { --m_depth; }
    void beginArray() { ++m_depth; }
    void endArray() { --m_depth; }
    void key(QByteArrayView utf8)
    {
        if (m_depth == 1)
            names.append(utf8.toByteArray());
    }
    void string(QByteArrayView) { }
    void null() { }
    void integer(qint64) { }
    void unsignedInteger(quint64) { }
    void number(double) { }

private:
    int m_depth = 0;
};
} // namespace

QByteArray ClickHouseRowMapper::appendTraceRow(QByteArray& out, const SpanRecord& span) const
{
    JsonWriter json(out);
    const QByteArray key = writeTraceRow(json, span);
    out.append('\n');
    return key;
}

QByteArray ClickHouseRowMapper::appendMetricRow(QByteArray& out, const MetricPoint& point) const
{
    JsonWriter json(out);
    const QByteArray key = writeMetricRow(json, point);
    out.append('\n');
    return key;
}

QByteArray ClickHouseRowMapper::appendLogRow(QByteArray& out, const LogRecord& log) const
{
    JsonWriter json(out);
    const QByteArray key = writeLogRow(json, log);
    out.append('\n');
    return key;
}

QByteArray ClickHouseRowMapper::appendBinaryTraceRow(RowBinaryWriter& out, const SpanRecord& span) const
{
    return writeTraceRow(out, span);
}

QByteArray ClickHouseRowMapper::appendBinaryMetricRow(RowBinaryWriter& out, const MetricPoint& point) const
{
    return writeMetricRow(out, point);
}

QByteArray ClickHouseRowMapper::appendBinaryLogRow(RowBinaryWriter& out, const LogRecord& log) const
{
    return writeLogRow(out, log);
}

QList<QByteArray> ClickHouseRowMapper::columns(Table table) const
{
    // The rows name their columns as they write them: one description for both formats.
    ColumnNames collector;
    switch (table) {
    case Table::Traces:
        writeTraceRow(collector, SpanRecord());
        break;
    case Table::Metrics:
        writeMetricRow(collector, MetricPoint());
        break;
    case Table::Logs:
        writeLogRow(collector, LogRecord());
        break;
    }
    return collector.names;
}
