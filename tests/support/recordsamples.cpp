#include "recordsamples.h"

#include "telemetry/sampleevents.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace RecordSamples {
namespace {
constexpr qint64 maxInt64 = std::numeric_limits<qint64>::max();
constexpr qint64 minInt64 = std::numeric_limits<qint64>::min();
constexpr quint64 maxUInt64 = std::numeric_limits<quint64>::max();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

KeyValue kv(const char* key, AttributeValue value)
{
    return { QByteArray(key), std::move(value) };
}

ResourcePtr makeResource(const char* service, const char* schemaUrl)
{
    auto resource = std::make_shared<Resource>();
    resource->attributes = { kv("service.name", AttributeValue::fromString(QByteArray(service))),
        kv("project.name", AttributeValue::fromString(u"projeto ação ✓"_s)),
        kv("host.cores", AttributeValue::fromInt(8)) };
    resource->droppedAttributesCount = 2;
    resource->schemaUrl = schemaUrl;
    return resource;
}

ScopePtr makeScope(const char* name, const char* version)
{
    auto scope = std::make_shared<InstrumentationScope>();
    scope->name = name;
    scope->version = version;
    scope->attributes = { kv("scope.flag", AttributeValue::fromBool(true)) };
    scope->droppedAttributesCount = 1;
    scope->schemaUrl = "https://opentelemetry.io/schemas/1.24.0";
    return scope;
}
} // namespace

TraceId traceId(quint8 seed)
{
    QByteArray bytes(16, '\0');
    for (int i = 0; i < 16; ++i)
        bytes[i] = static_cast<char>(seed + i * 17);
    TraceId id;
    TraceId::fromBytes(bytes, &id);
    return id;
}

SpanId spanId(quint8 seed)
{
    QByteArray bytes(8, '\0');
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<char>(seed + i * 31 + 1);
    SpanId id;
    SpanId::fromBytes(bytes, &id);
    return id;
}

Attributes edgeAttributes()
{
    const AttributeValue nestedList =
        AttributeValue::fromKeyValueList({ kv("inner.string", AttributeValue::fromString(QByteArray("x"))),
            kv("inner.array", AttributeValue::fromArray({ AttributeValue::fromInt(-1), AttributeValue() })) });
    return {
        kv("string", AttributeValue::fromString(QByteArray("plain"))),
        kv("empty.string", AttributeValue::fromString(QByteArray())),
        kv("unicode",
            AttributeValue::fromString(u"ação ✓ 日本語 \U0001F600 \"quoted\" \\ tab\t newline\n nul\u0001"_s)),
        kv("bool.true", AttributeValue::fromBool(true)),
        kv("bool.false", AttributeValue::fromBool(false)),
        kv("int.zero", AttributeValue::fromInt(0)),
        kv("int.max", AttributeValue::fromInt(maxInt64)),
        kv("int.min", AttributeValue::fromInt(minInt64)),
        kv("double", AttributeValue::fromDouble(3.25)),
        kv("double.tiny", AttributeValue::fromDouble(5e-324)),
        kv("double.huge", AttributeValue::fromDouble(1.7976931348623157e308)),
        kv("double.negative.zero", AttributeValue::fromDouble(-0.0)),
        kv("double.nan", AttributeValue::fromDouble(nan)),
        kv("double.infinity", AttributeValue::fromDouble(infinity)),
        kv("double.minus.infinity", AttributeValue::fromDouble(-infinity)),
        kv("bytes", AttributeValue::fromBytes(QByteArray("\x00\x01\xff\x00", 4))),
        kv("bytes.empty", AttributeValue::fromBytes(QByteArray())),
        kv("empty.value", AttributeValue()),
        kv("array",
            AttributeValue::fromArray({ AttributeValue::fromString(QByteArray("a")), AttributeValue::fromInt(2),
                AttributeValue::fromArray({ AttributeValue::fromDouble(1.5), nestedList }) })),
        kv("array.empty", AttributeValue::fromArray({})),
        kv("kvlist", nestedList),
        kv("kvlist.empty", AttributeValue::fromKeyValueList({})),
        kv("", AttributeValue::fromString(QByteArray("empty key"))),
    };
}

QList<SpanRecord> spans()
{
    const ResourcePtr first = makeResource("checkout", "https://opentelemetry.io/schemas/1.21.0");
    const ResourcePtr second = makeResource("billing", "");
    const ScopePtr scopeA = makeScope("automagik.telemetry", "0.1.4");
    const ScopePtr scopeB = makeScope("", "");

    SpanRecord full;
    full.resource = first;
    full.scope = scopeA;
    full.traceId = traceId(1);
    full.spanId = spanId(2);
    full.parentSpanId = spanId(3);
    full.traceState = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";
    full.flags = 0x301;
    full.name = u"données ✓ 日本"_s.toUtf8();
    full.kind = Otlp::SpanKind::Server;
    full.startTimeUnixNano = 1;
    full.endTimeUnixNano = maxUInt64;
    full.attributes = edgeAttributes();
    full.droppedAttributesCount = 4294967295u;
    full.events = { SpanEvent {
                        1795860441970499515ull, "cache.miss", { kv("event.count", AttributeValue::fromInt(7)) }, 3 },
        SpanEvent { 0, "", {}, 0 } };
    full.droppedEventsCount = 5;
    SpanLink link;
    link.traceId = traceId(9);
    link.spanId = spanId(10);
    link.traceState = "k=v";
    link.attributes = { kv("link.kind", AttributeValue::fromString(QByteArray("follows"))) };
    link.droppedAttributesCount = 1;
    link.flags = 1;
    full.links = { link };
    full.droppedLinksCount = 6;
    full.statusCode = Otlp::StatusCode::Error;
    full.statusMessage = "upstream failed: ação";

    SpanRecord minimal;
    minimal.resource = first;
    minimal.scope = scopeA;
    minimal.traceId = traceId(20);
    minimal.spanId = spanId(21);

    SpanRecord other = minimal;
    other.resource = second;
    other.scope = scopeB;
    other.spanId = spanId(22);
    other.kind = Otlp::SpanKind::Consumer;
    other.statusCode = Otlp::StatusCode::Ok;

    SpanRecord unknownEnums = minimal;
    unknownEnums.spanId = spanId(23);
    unknownEnums.kind = static_cast<Otlp::SpanKind>(42); // a kind from a newer spec survives
    unknownEnums.statusMessage = "message without code";

    // Back to the first resource after another one: order must survive grouping.
    return { full, minimal, other, unknownEnums };
}

QList<MetricPoint> metrics()
{
    const ResourcePtr resource = makeResource("metrics-service", "");
    const ScopePtr scope = makeScope("meter", "1.0");
    MetricPoint base;
    base.resource = resource;
    base.scope = scope;
    base.startTimeUnixNano = 1795860441973000000ull;
    base.timeUnixNano = 1795860441977000000ull;

    MetricPoint gaugeInt = base;
    gaugeInt.name = "gauge.int";
    gaugeInt.description = "an int gauge";
    gaugeInt.unit = "{item}";
    gaugeInt.metadata = { kv("meta", AttributeValue::fromString(QByteArray("data"))) };
    gaugeInt.valueKind = NumberKind::Int;
    gaugeInt.asInt = minInt64;
    gaugeInt.attributes = { kv("route", AttributeValue::fromString(QByteArray("/a"))) };
    gaugeInt.flags = 1;

    MetricPoint gaugeInt2 = gaugeInt; // same metric: shares the Metric message
    gaugeInt2.asInt = maxInt64;
    gaugeInt2.attributes = { kv("route", AttributeValue::fromString(QByteArray("/b"))) };
    gaugeInt2.flags = 0;

    MetricPoint gaugeDouble = base;
    gaugeDouble.name = "gauge.double";
    gaugeDouble.valueKind = NumberKind::Double;
    gaugeDouble.asDouble = nan;
    Exemplar exemplar;
    exemplar.filteredAttributes = { kv("user", AttributeValue::fromString(QByteArray("u1"))) };
    exemplar.timeUnixNano = 17;
    exemplar.valueKind = NumberKind::Int;
    exemplar.asInt = -5;
    exemplar.spanId = spanId(40);
    exemplar.traceId = traceId(41);
    gaugeDouble.exemplars = { exemplar };

    MetricPoint zeroDouble = gaugeDouble; // a double point holding 0.0 must stay a double point
    zeroDouble.asDouble = 0.0;
    zeroDouble.exemplars.clear();

    MetricPoint sum = base;
    sum.name = "requests";
    sum.type = MetricPoint::Type::Sum;
    sum.temporality = Otlp::AggregationTemporality::Cumulative;
    sum.isMonotonic = true;
    sum.valueKind = NumberKind::Double;
    sum.asDouble = 3;

    MetricPoint deltaSum = sum;
    deltaSum.temporality = Otlp::AggregationTemporality::Delta;
    deltaSum.isMonotonic = false;
    deltaSum.valueKind = NumberKind::Int;
    deltaSum.asInt = -7;

    MetricPoint histogram = base;
    histogram.name = "latency";
    histogram.unit = "ms";
    histogram.type = MetricPoint::Type::Histogram;
    histogram.temporality = Otlp::AggregationTemporality::Delta;
    histogram.count = maxUInt64;
    histogram.sum = 555.5;
    histogram.min = -0.0;
    histogram.max = infinity;
    histogram.bucketCounts = { 1, 0, maxUInt64, 4 };
    histogram.explicitBounds = { -1.5, 10, 100 };
    Exemplar doubleExemplar;
    doubleExemplar.valueKind = NumberKind::Double;
    doubleExemplar.asDouble = 0.0;
    histogram.exemplars = { doubleExemplar };

    MetricPoint emptyHistogram = histogram;
    emptyHistogram.count = 0;
    emptyHistogram.sum.reset();
    emptyHistogram.min.reset();
    emptyHistogram.max.reset();
    emptyHistogram.bucketCounts.clear();
    emptyHistogram.explicitBounds.clear();
    emptyHistogram.exemplars.clear();

    MetricPoint exponential = base;
    exponential.name = "exponential";
    exponential.type = MetricPoint::Type::ExponentialHistogram;
    exponential.temporality = Otlp::AggregationTemporality::Cumulative;
    exponential.count = 10;
    exponential.sum = 12.5;
    exponential.scale = -3;
    exponential.zeroCount = 2;
    exponential.zeroThreshold = 1e-9;
    exponential.positive = { -2, { 1, 2, 3 } };
    exponential.negative = { 5, { 0, maxUInt64 } };
    exponential.min = -4;
    exponential.max = 8;

    MetricPoint summary = base;
    summary.name = "summary";
    summary.type = MetricPoint::Type::Summary;
    summary.count = 3;
    summary.sum = 7.5;
    summary.quantileValues = { { 0.0, 1.0 }, { 0.5, 2.5 }, { 1.0, 4.0 } };

    return { gaugeInt, gaugeInt2, gaugeDouble, zeroDouble, sum, deltaSum, histogram, emptyHistogram, exponential,
        summary };
}

QList<LogRecord> logs()
{
    const ResourcePtr resource = makeResource("logger", "");
    const ScopePtr scope = makeScope("log.scope", "");
    LogRecord base;
    base.resource = resource;
    base.scope = scope;
    base.timeUnixNano = 1795860441975000000ull;
    base.observedTimeUnixNano = maxUInt64;

    QList<LogRecord> records;
    const QList<AttributeValue> bodies = { AttributeValue::fromString(u"message ✓ ação"_s),
        AttributeValue::fromString(QByteArray()), AttributeValue::fromKeyValueList(edgeAttributes()),
        AttributeValue::fromBytes(QByteArray("\x00\xff", 2)), AttributeValue(), AttributeValue::fromDouble(-0.0),
        AttributeValue::fromInt(minInt64) };
    qint32 severity = 0;
    for (const AttributeValue& body : bodies) {
        LogRecord log = base;
        log.body = body;
        log.severityNumber = severity;
        log.severityText = QByteArray(Otlp::Severity::shortName(severity));
        severity += 4;
        records.append(log);
    }
    LogRecord linked = base;
    linked.traceId = traceId(60);
    linked.spanId = spanId(61);
    linked.flags = 1;
    linked.attributes = { kv("log.int", AttributeValue::fromInt(5)) };
    linked.droppedAttributesCount = 9;
    linked.eventName = "device.app.lifecycle";
    linked.severityNumber = 24;
    records.append(linked);
    return records;
}

QList<SpanRecord> realisticEvents(int count)
{
    return SampleEvents::automagikEvents(count);
}

} // namespace RecordSamples
