#include "clickhouserowreader.h"

#include "common/jsonnumber.h"
#include "telemetry/telemetryenums.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 nanosPerSecond = 1'000'000'000ull;

/// The resource columns and the resource attribute each one came from (ClickHouseRowMapper).
const std::pair<const char*, const char*> resourceColumns[] = {
    { "service_name", "service.name" },
    { "project_name", "project.name" },
    { "project_version", "project.version" },
    { "environment", "deployment.environment" },
    { "hostname", "host.name" },
    { "user_id", "user.id" },
    { "session_id", "session.id" },
    { "os_type", "os.type" },
    { "os_version", "os.version" },
    { "runtime_name", "process.runtime.name" },
    { "runtime_version", "process.runtime.version" },
    { "cloud_provider", "cloud.provider" },
    { "cloud_region", "cloud.region" },
    { "cloud_availability_zone", "cloud.availability_zone" },
    { "service_namespace", "service.namespace" },
    { "service_instance_id", "service.instance.id" },
};

/// One row's columns by name, each a view into the row; read once, looked up by the readers.
class Columns final
{
public:
    explicit Columns(const JsonView& row)
    {
        row.forEachMember([this](QByteArrayView name, const JsonView& value) {
            m_columns.insert(name.toByteArray(), value);
            return true;
        });
    }

    const JsonView* find(const char* name) const
    {
        const auto it = m_columns.constFind(QByteArray::fromRawData(name, qsizetype(qstrlen(name))));
        return it == m_columns.cend() ? nullptr : &it.value();
    }

    QByteArray string(const char* name) const
    {
        const JsonView* value = find(name);
        if (!value || !value->isString())
            return {};
        QByteArray scratch;
        return value->string(&scratch).toByteArray();
    }

    /// A number column, written as a number or (64-bit integers, by default) a quoted one; an
    /// absent or null column leaves `out` as it is.
    template<typename T>
    bool numeric(
        const char* name, T* out, bool (*convert)(QByteArrayView, T*), const char* expected, QString* error) const
    {
        const JsonView* value = find(name);
        if (!value || value->isNull())
            return true;
        QByteArray scratch;
        const QByteArrayView text = value->isString() ? value->string(&scratch)
            : value->isNumber()                       ? value->numberText()
                                                      : QByteArrayView();
        if (JsonNumber::isValid(text) && convert(text, out))
            return true;
        *error = u"column %1: expected %2"_s.arg(QLatin1StringView(name), QLatin1StringView(expected));
        return false;
    }
    bool number(const char* name, double* out, QString* error) const
    {
        return numeric(name, out, JsonNumber::toDouble, "a number", error);
    }
    bool integer(const char* name, qint64* out, QString* error) const
    {
        return numeric(name, out, JsonNumber::toInt64, "an integer", error);
    }
    bool unsignedNumber(const char* name, quint64* out, QString* error) const
    {
        return numeric(name, out, JsonNumber::toUInt64, "an unsigned integer", error);
    }

    /// A time: the _ns column when it has one, else the DateTime column ("YYYY-MM-DD hh:mm:ss",
    /// read as UTC, or seconds).
    bool time(const char* seconds, const char* nanos, quint64* out, QString* error) const
    {
        quint64 value = 0;
        if (nanos && !unsignedNumber(nanos, &value, error))
            return false;
        if (value != 0) {
            *out = value;
            return true;
        }
        const QByteArray text = string(seconds);
        if (!text.isEmpty()) {
            QDateTime parsed = QDateTime::fromString(QString::fromLatin1(text), u"yyyy-MM-dd HH:mm:ss"_s);
            if (parsed.isValid()) {
                parsed.setTimeSpec(Qt::UTC);
                *out = quint64(parsed.toSecsSinceEpoch()) * nanosPerSecond;
                return true;
            }
        }
        if (!unsignedNumber(seconds, &value, error))
            return false;
        *out = value * nanosPerSecond;
        return true;
    }

    /// A Map(String, String) column (a JSON object) or its Nested form (`name.key`, `name.value`).
    bool map(const char* name, QList<std::pair<QByteArray, JsonView>>* out, QString* error) const
    {
        if (const JsonView* object = find(name); object && object->isObject()) {
            QByteArray scratch;
            return object->forEachMember([&](QByteArrayView key, const JsonView& value) {
                out->append({ key.toByteArray(), value });
                return true;
            });
        }
        const QByteArray base(name);
        const QByteArray keysName = base + ".key";
        const QByteArray valuesName = base + ".value";
        const JsonView* keys = find(keysName.constData());
        const JsonView* values = find(valuesName.constData());
        if (!keys && !values)
            return true;
        if (!keys || !values || !keys->isArray() || !values->isArray()) {
            *error = u"column %1: expected %1.key and %1.value arrays"_s.arg(QLatin1StringView(name));
            return false;
        }
        QList<QByteArray> keyList;
        keys->forEachElement([&](const JsonView& key, qsizetype) {
            QByteArray scratch;
            keyList.append(key.isString() ? key.string(&scratch).toByteArray() : QByteArray());
            return true;
        });
        values->forEachElement([&](const JsonView& value, qsizetype index) {
            if (index < keyList.size())
                out->append({ keyList.at(index), value });
            return true;
        });
        return true;
    }

private:
    QHash<QByteArray, JsonView> m_columns;
};

QByteArray text(const JsonView& value)
{
    QByteArray scratch;
    if (value.isString())
        return value.string(&scratch).toByteArray();
    return value.isNumber() ? value.numberText().toByteArray() : QByteArray();
}

bool readAttributes(const Columns& columns, Attributes* out, QString* error)
{
    QList<std::pair<QByteArray, JsonView>> entries;
    if (!columns.map("attributes", &entries, error))
        return false;
    for (const auto& [key, value] : std::as_const(entries)) {
        if (key.startsWith("workbench.replay."))
            continue; // a former replay's stamp; a new replay adds its own
        out->append(KeyValue { key, AttributeValue::fromString(text(value)) });
    }
    return true;
}

ResourcePtr readResource(const Columns& columns)
{
    auto resource = std::make_shared<Resource>();
    for (const auto& [column, attribute] : resourceColumns) {
        const QByteArray value = columns.string(column);
        if (!value.isEmpty())
            resource->attributes.append(KeyValue { attribute, AttributeValue::fromString(value) });
    }
    resource->schemaUrl = columns.string("schema_url");
    return resource;
}

ScopePtr readScope(const Columns& columns)
{
    auto scope = std::make_shared<InstrumentationScope>();
    scope->name = columns.string("instrumentation_library_name");
    scope->version = columns.string("instrumentation_library_version");
    return scope;
}

template<int Size>
void readId(const Columns& columns, const char* name, BinaryId<Size>* id)
{
    BinaryId<Size>::fromHex(columns.string(name), id); // not hex (upstream's own ids): left absent
}
} // namespace

ClickHouseRowReader::Table ClickHouseRowReader::tableOf(const JsonView& row)
{
    Table table = Table::None;
    row.forEachMember([&](QByteArrayView name, const JsonView&) {
        if (name == "span_id" || name == "span_name")
            table = table == Table::None ? Table::Traces : table;
        else if (name == "metric_name" || name == "metric_id")
            table = Table::Metrics;
        else if (name == "log_id" || name == "severity_number")
            table = Table::Logs;
        return true;
    });
    return table;
}

bool ClickHouseRowReader::readSpan(const JsonView& row, SpanRecord* span, QString* error)
{
    const Columns columns(row);
    readId(columns, "trace_id", &span->traceId);
    readId(columns, "span_id", &span->spanId);
    readId(columns, "parent_span_id", &span->parentSpanId);
    span->name = columns.string("span_name");
    const qint32 kind = Otlp::spanKindFromName(QByteArray("SPAN_KIND_" + columns.string("span_kind")));
    span->kind = kind > 0 ? static_cast<Otlp::SpanKind>(kind) : Otlp::SpanKind::Internal;
    const QByteArray status = columns.string("status_code");
    span->statusCode = status == "ERROR" ? Otlp::StatusCode::Error
        : status == "OK"                 ? Otlp::StatusCode::Ok
                                         : Otlp::StatusCode::Unset;
    span->statusMessage = columns.string("status_message");
    quint64 durationMs = 0;
    if (!columns.time("timestamp", "timestamp_ns", &span->startTimeUnixNano, error)
        || !columns.unsignedNumber("duration_ms", &durationMs, error)
        || !readAttributes(columns, &span->attributes, error))
        return false;
    span->endTimeUnixNano = span->startTimeUnixNano + durationMs * 1'000'000ull;
    span->resource = readResource(columns);
    span->scope = readScope(columns);
    return true;
}

bool ClickHouseRowReader::readMetric(const JsonView& row, MetricPoint* point, QString* error)
{
    const Columns columns(row);
    point->name = columns.string("metric_name");
    point->unit = columns.string("metric_unit");
    point->description = columns.string("metric_description");
    static const QByteArrayView types[] = { "GAUGE", "SUM", "HISTOGRAM", "EXPONENTIAL_HISTOGRAM", "SUMMARY" };
    const QByteArray type = columns.string("metric_type");
    for (int i = 0; i < 5; ++i) {
        if (type == types[i])
            point->type = static_cast<MetricPoint::Type>(i);
    }
    quint64 windowStart = 0;
    if (!columns.time("timestamp", "timestamp_ns", &point->timeUnixNano, error)
        || !columns.time("time_window_start", nullptr, &windowStart, error)
        || !readAttributes(columns, &point->attributes, error))
        return false;
    point->startTimeUnixNano = windowStart != point->timeUnixNano ? windowStart : 0;
    point->resource = readResource(columns); // the metrics table has the same resource columns
    point->scope = readScope(columns);
    const qint32 temporality =
        Otlp::temporalityFromName(QByteArray("AGGREGATION_TEMPORALITY_" + columns.string("aggregation_temporality")));
    point->temporality = temporality > 0 ? static_cast<Otlp::AggregationTemporality>(temporality)
                                         : Otlp::AggregationTemporality::Unspecified;
    double monotonic = 0;
    qint64 valueInt = 0;
    double valueDouble = 0;
    if (!columns.number("is_monotonic", &monotonic, error) || !columns.integer("value_int", &valueInt, error)
        || !columns.number("value_double", &valueDouble, error))
        return false;
    point->isMonotonic = monotonic != 0;
    const bool histogram =
        point->type == MetricPoint::Type::Histogram || point->type == MetricPoint::Type::ExponentialHistogram;
    const bool summary = point->type == MetricPoint::Type::Summary;
    if (!histogram && !summary) {
        // The mapper writes an integer into both columns and a double only into value_double.
        if (valueInt != 0 && double(valueInt) == valueDouble) {
            point->valueKind = NumberKind::Int;
            point->asInt = valueInt;
        } else {
            point->valueKind = NumberKind::Double;
            point->asDouble = valueDouble;
        }
        return true;
    }
    double sum = 0;
    if (!columns.unsignedNumber(histogram ? "histogram_count" : "summary_count", &point->count, error)
        || !columns.number(histogram ? "histogram_sum" : "summary_sum", &sum, error))
        return false;
    point->sum = sum;
    if (summary) {
        QList<std::pair<QByteArray, JsonView>> quantiles;
        if (!columns.map("quantile_values", &quantiles, error))
            return false;
        for (const auto& [key, value] : std::as_const(quantiles))
            point->quantileValues.append({ key.toDouble(), text(value).toDouble() });
        return true;
    }
    double minimum = 0;
    double maximum = 0;
    if (!columns.number("histogram_min", &minimum, error) || !columns.number("histogram_max", &maximum, error))
        return false;
    point->min = minimum;
    point->max = maximum;
    if (const JsonView* counts = columns.find("histogram_bucket_counts"); counts && counts->isArray()) {
        counts->forEachElement([&](const JsonView& value, qsizetype) {
            point->bucketCounts.append(text(value).toULongLong());
            return true;
        });
    }
    if (const JsonView* bounds = columns.find("histogram_explicit_bounds"); bounds && bounds->isArray()) {
        bounds->forEachElement([&](const JsonView& value, qsizetype) {
            point->explicitBounds.append(text(value).toDouble());
            return true;
        });
    }
    return true;
}

bool ClickHouseRowReader::readLog(const JsonView& row, LogRecord* log, QString* error)
{
    const Columns columns(row);
    readId(columns, "trace_id", &log->traceId);
    readId(columns, "span_id", &log->spanId);
    quint64 severity = 0;
    quint64 flags = 0;
    if (!columns.time("timestamp", "timestamp_ns", &log->timeUnixNano, error)
        || !columns.time("observed_timestamp", "observed_timestamp_ns", &log->observedTimeUnixNano, error)
        || !columns.unsignedNumber("severity_number", &severity, error)
        || !columns.unsignedNumber("flags", &flags, error) || !readAttributes(columns, &log->attributes, error))
        return false;
    log->severityNumber = qint32(qMin<quint64>(severity, 24));
    log->severityText = columns.string("severity_text");
    log->flags = quint32(flags);
    log->body = AttributeValue::fromString(columns.string("body"));
    log->resource = readResource(columns);
    log->scope = readScope(columns);
    return true;
}
