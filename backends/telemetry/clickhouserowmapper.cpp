#include "clickhouserowmapper.h"

#include "common/jsonwriter.h"

#include <QLocale>
#include <QUuid>

#include <cmath>
#include <limits>

namespace {
constexpr quint64 nanosPerSecond = 1000000000ull;

const QByteArray& resourceString(const ResourcePtr& resource, QByteArrayView key)
{
    static const QByteArray empty;
    if (!resource)
        return empty;
    const AttributeValue* value = findAttribute(resource->attributes, key);
    return value && value->type() == AttributeValue::Type::String ? value->stringUtf8() : empty;
}

/// A resource attribute, else a record attribute, else the fallback.
QByteArray lookup(
    const ResourcePtr& resource, const Attributes& attributes, QByteArrayView key, QByteArrayView fallback = {})
{
    const QByteArray& fromResource = resourceString(resource, key);
    if (!fromResource.isEmpty())
        return fromResource;
    if (const AttributeValue* value = findAttribute(attributes, key); value && !value->isEmpty())
        return value->toDisplayUtf8();
    return fallback.toByteArray();
}

QByteArray newId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

/// The columns derived from the resource, the same in all three tables.
struct ResourceColumns
{
    QByteArray serviceName;
    QByteArray projectName;
    QByteArray projectVersion;
    QByteArray environment;
    QByteArray hostname;
    QByteArray userId;
    QByteArray sessionId;
    QByteArray osType;
    QByteArray osVersion;
    QByteArray runtimeName;
    QByteArray runtimeVersion;
    QByteArray cloudProvider;
    QByteArray cloudRegion;
    QByteArray cloudZone;
    QByteArray libraryName;
    QByteArray libraryVersion;

    ResourceColumns(const ResourcePtr& resource, const ScopePtr& scope, const Attributes& attributes)
    {
        serviceName = lookup(resource, {}, "service.name", "unknown");
        projectName = lookup(resource, {}, "project.name");
        projectVersion = lookup(resource, {}, "project.version");
        environment = lookup(resource, {}, "deployment.environment");
        if (environment.isEmpty())
            environment = lookup(resource, {}, "deployment.environment.name", "production");
        hostname = lookup(resource, {}, "host.name");
        // Upstream read these from the span attributes while the SDKs put them in the resource.
        userId = lookup(resource, attributes, "user.id");
        sessionId = lookup(resource, attributes, "session.id");
        osType = lookup(resource, {}, "os.type");
        if (osType.isEmpty())
            osType = lookup(resource, attributes, "system.os");
        osVersion = lookup(resource, {}, "os.version");
        if (osVersion.isEmpty())
            osVersion = lookup(resource, attributes, "system.os_version");
        runtimeName = lookup(resource, {}, "process.runtime.name");
        runtimeVersion = lookup(resource, {}, "process.runtime.version");
        cloudProvider = lookup(resource, {}, "cloud.provider");
        cloudRegion = lookup(resource, {}, "cloud.region");
        cloudZone = lookup(resource, {}, "cloud.availability_zone");
        libraryName =
            lookup(resource, {}, "telemetry.sdk.name", scope ? QByteArrayView(scope->name) : QByteArrayView());
        libraryVersion =
            lookup(resource, {}, "telemetry.sdk.version", scope ? QByteArrayView(scope->version) : QByteArrayView());
    }

    void write(JsonWriter& json) const
    {
        auto field = [&json](const char* name, const QByteArray& value) {
            json.key(name);
            json.string(value);
        };
        field("project_name", projectName);
        field("project_version", projectVersion);
        field("service_name", serviceName);
        field("environment", environment);
        field("hostname", hostname);
        field("user_id", userId);
        field("session_id", sessionId);
        field("os_type", osType);
        field("os_version", osVersion);
        field("runtime_name", runtimeName);
        field("runtime_version", runtimeVersion);
        field("cloud_provider", cloudProvider);
        field("cloud_region", cloudRegion);
        field("cloud_availability_zone", cloudZone);
        field("instrumentation_library_name", libraryName);
        field("instrumentation_library_version", libraryVersion);
    }
};

void writeString(JsonWriter& json, const char* key, QByteArrayView value)
{
    json.key(key);
    json.string(value);
}

void writeUnsigned(JsonWriter& json, const char* key, quint64 value)
{
    json.key(key);
    json.unsignedInteger(value);
}

/// A Float64 column: JSON has no NaN or infinity, and 18.16 reads none of their spellings in
/// JSONEachRow; null stands for them (the column default, 0), which is the best a Float64 can hold.
void writeFloat(JsonWriter& json, const char* key, double value)
{
    json.key(key);
    if (std::isfinite(value))
        json.number(value);
    else
        json.null();
}

template<typename Value, typename Write>
void writeMap(JsonWriter& json, ClickHouseRowMapper::Dialect dialect, const char* column,
    const QList<std::pair<QByteArray, Value>>& entries, Write writeValue)
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
    json.key(QByteArray(QByteArray(column) + ".key"));
    json.beginArray();
    for (const auto& entry : entries)
        json.string(entry.first);
    json.endArray();
    json.key(QByteArray(QByteArray(column) + ".value"));
    json.beginArray();
    for (const auto& entry : entries)
        writeValue(entry.second);
    json.endArray();
}

void writeAttributes(
    JsonWriter& json, ClickHouseRowMapper::Dialect dialect, const Attributes& attributes, const ResourcePtr& resource)
{
    QList<std::pair<QByteArray, QByteArray>> entries;
    entries.reserve(attributes.size() + 1);
    // The upstream schema has no column for resource attributes; a replay's id is kept with the
    // record's attributes, where a verification (and a user) can find the replay's rows.
    if (resource) {
        if (const AttributeValue* replay = findAttribute(resource->attributes, "workbench.replay.id"))
            entries.append({ QByteArrayLiteral("workbench.replay.id"), replay->toDisplayUtf8() });
    }
    for (const KeyValue& entry : attributes) {
        // A Map keeps one value per key; so does the Nested form, for the same lookups.
        bool replaced = false;
        for (auto& existing : entries) {
            if (existing.first == entry.key) {
                existing.second = entry.value.toDisplayUtf8();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            entries.append({ entry.key, entry.value.toDisplayUtf8() });
    }
    writeMap(json, dialect, "attributes", entries, [&json](const QByteArray& value) { json.string(value); });
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

QByteArray ClickHouseRowMapper::appendTraceRow(QByteArray& out, const SpanRecord& span) const
{
    const QByteArray id = span.spanId.toHex();
    // span_id alone is not enough: replaying a capture twice stores the same span twice, legitimately.
    const QByteArray key = id + '/' + QByteArray::number(span.startTimeUnixNano);
    JsonWriter json(out);
    json.beginObject();
    writeString(json, "trace_id", span.traceId.toHex());
    writeString(json, "span_id", id);
    writeString(json, "parent_span_id", span.parentSpanId.toHex());
    writeUnsigned(json, "timestamp", span.startTimeUnixNano / nanosPerSecond);
    writeUnsigned(json, "timestamp_ns", span.startTimeUnixNano);
    const quint64 durationNanos =
        span.endTimeUnixNano > span.startTimeUnixNano ? span.endTimeUnixNano - span.startTimeUnixNano : 0;
    writeUnsigned(json, "duration_ms", clampToUInt32(durationNanos / 1000000ull));
    writeString(json, "span_name", span.name.isEmpty() ? QByteArrayView("unknown") : QByteArrayView(span.name));
    writeString(json, "span_kind", spanKindText(span.kind));
    writeString(json, "status_code", statusText(span.statusCode));
    writeString(json, "status_message", span.statusMessage);
    ResourceColumns(span.resource, span.scope, span.attributes).write(json);
    writeAttributes(json, m_dialect, span.attributes, span.resource);
    json.endObject();
    out.append('\n');
    return key;
}

QByteArray ClickHouseRowMapper::appendMetricRow(QByteArray& out, const MetricPoint& point) const
{
    const QByteArray id = newId();
    JsonWriter json(out);
    json.beginObject();
    writeString(json, "metric_id", id);
    writeString(json, "metric_name", point.name);
    static const char* const types[] = { "GAUGE", "SUM", "HISTOGRAM", "EXPONENTIAL_HISTOGRAM", "SUMMARY" };
    writeString(json, "metric_type", types[static_cast<int>(point.type)]);
    writeString(json, "metric_unit", point.unit);
    writeString(json, "metric_description", point.description);
    const quint64 time = point.timeUnixNano;
    writeUnsigned(json, "timestamp", time / nanosPerSecond);
    writeUnsigned(json, "timestamp_ns", time);
    writeUnsigned(
        json, "time_window_start", (point.startTimeUnixNano != 0 ? point.startTimeUnixNano : time) / nanosPerSecond);
    writeUnsigned(json, "time_window_end", time / nanosPerSecond);

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
    writeMap(json, m_dialect, "quantile_values", quantiles,
        [&json](double value) { std::isfinite(value) ? json.number(value) : json.null(); });

    ResourceColumns(point.resource, point.scope, point.attributes).write(json);
    writeString(json, "service_namespace", lookup(point.resource, {}, "service.namespace"));
    writeString(json, "service_instance_id", lookup(point.resource, {}, "service.instance.id"));
    writeString(json, "schema_url", point.resource ? QByteArrayView(point.resource->schemaUrl) : QByteArrayView());
    writeAttributes(json, m_dialect, point.attributes, point.resource);
    json.endObject();
    out.append('\n');
    return id;
}

QByteArray ClickHouseRowMapper::appendLogRow(QByteArray& out, const LogRecord& log) const
{
    const QByteArray id = newId();
    JsonWriter json(out);
    json.beginObject();
    writeString(json, "log_id", id);
    QByteArray traceId = log.traceId.toHex();
    QByteArray spanId = log.spanId.toHex();
    // The upstream SDK put trace and span ids in attributes when it had no context.
    if (traceId.isEmpty())
        traceId = lookup({}, log.attributes, "trace_id");
    if (spanId.isEmpty())
        spanId = lookup({}, log.attributes, "span_id");
    writeString(json, "trace_id", traceId);
    writeString(json, "span_id", spanId);
    const quint64 time = log.timeUnixNano != 0 ? log.timeUnixNano : log.observedTimeUnixNano;
    const quint64 observed = log.observedTimeUnixNano != 0 ? log.observedTimeUnixNano : time;
    writeUnsigned(json, "timestamp", time / nanosPerSecond);
    writeUnsigned(json, "timestamp_ns", time);
    writeUnsigned(json, "observed_timestamp", observed / nanosPerSecond);
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
    ResourceColumns(log.resource, log.scope, log.attributes).write(json);
    writeString(json, "service_namespace", lookup(log.resource, {}, "service.namespace"));
    writeString(json, "service_instance_id", lookup(log.resource, {}, "service.instance.id"));
    writeString(json, "schema_url", log.resource ? QByteArrayView(log.resource->schemaUrl) : QByteArrayView());
    const QByteArray exceptionType = lookup({}, log.attributes, "exception.type");
    writeString(json, "exception_type", exceptionType);
    writeString(json, "exception_message", lookup({}, log.attributes, "exception.message"));
    writeString(json, "exception_stacktrace", lookup({}, log.attributes, "exception.stacktrace"));
    writeUnsigned(json, "is_exception", exceptionType.isEmpty() ? 0 : 1);
    writeString(json, "source_file", lookup({}, log.attributes, "code.filepath"));
    writeUnsigned(json, "source_line", lookup({}, log.attributes, "code.lineno").toUInt());
    writeString(json, "source_function", lookup({}, log.attributes, "code.function"));
    writeUnsigned(json, "flags", log.flags);
    writeAttributes(json, m_dialect, log.attributes, log.resource);
    json.endObject();
    out.append('\n');
    return id;
}
