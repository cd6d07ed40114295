#include "sdkrecordbuilder.h"

#include "common/enumnames.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSysInfo>

#include <algorithm>
#include <chrono>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
KeyValue stringAttribute(const char* key, const QString& value)
{
    return { QByteArray(key), AttributeValue::fromString(value) };
}

QString truncated(const QString& text, int limit)
{
    return text.size() > limit ? text.left(limit) : text;
}

constexpr std::pair<SdkRecordBuilder::MetricKind, QStringView> metricKindNames[] = {
    { SdkRecordBuilder::MetricKind::Gauge, u"gauge" },
    { SdkRecordBuilder::MetricKind::Counter, u"counter" },
    { SdkRecordBuilder::MetricKind::Histogram, u"histogram" },
};

enum class Numbers
{
    AsDoubles, ///< what the SDKs do to attributes
    AsGiven, ///< resource attributes the user typed: an integer stays one
};

AttributeValue convertedValue(const QVariant& value, Numbers numbers, int stringLimit)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return AttributeValue::fromBool(value.toBool());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        if (numbers == Numbers::AsGiven)
            return AttributeValue::fromInt(value.toLongLong());
        return AttributeValue::fromDouble(value.toDouble());
    case QMetaType::Double:
    case QMetaType::Float:
        return AttributeValue::fromDouble(value.toDouble());
    default:
        return AttributeValue::fromString(truncated(value.toString(), stringLimit));
    }
}

} // namespace

SystemInfo SystemInfo::current(SdkIdentity::Flavor flavor)
{
    SystemInfo info;
    const bool python = flavor == SdkIdentity::Flavor::Python;
    // platform.system() says "Linux"; Node's os.platform() says "linux".
    const QString kernel = QSysInfo::kernelType();
    info.os = python && !kernel.isEmpty() ? kernel.at(0).toUpper() + kernel.mid(1) : kernel;
    info.osVersion = QSysInfo::kernelVersion();
    info.architecture = QSysInfo::currentCpuArchitecture();
    info.isDocker = QFileInfo::exists(u"/.dockerenv"_s);
    return info;
}

SdkRecordBuilder::SdkRecordBuilder(SdkIdentity identity, SystemInfo system)
    : m_identity(std::move(identity))
    , m_system(std::move(system))
{
    auto resource = std::make_shared<Resource>();
    resource->attributes = {
        stringAttribute("service.name", m_identity.projectName),
        stringAttribute("service.version", m_identity.projectVersion),
        stringAttribute("project.name", m_identity.projectName),
        stringAttribute("project.version", m_identity.projectVersion),
        stringAttribute("service.organization", m_identity.organization),
        stringAttribute("user.id", m_identity.userId),
        stringAttribute("session.id", m_identity.sessionId),
        stringAttribute("telemetry.sdk.name", m_identity.sdkName),
        stringAttribute("telemetry.sdk.version", m_identity.sdkVersion),
    };
    if (!m_identity.environment.isEmpty())
        resource->attributes.append(stringAttribute("deployment.environment", m_identity.environment));
    for (auto it = m_identity.resourceAttributes.cbegin(); it != m_identity.resourceAttributes.cend(); ++it) {
        KeyValue attribute { it.key().toUtf8(),
            convertedValue(it.value(), Numbers::AsGiven, std::numeric_limits<int>::max()) };
        const auto same = std::find_if(resource->attributes.begin(), resource->attributes.end(),
            [&attribute](const KeyValue& existing) { return existing.key == attribute.key; });
        if (same != resource->attributes.end())
            *same = std::move(attribute);
        else
            resource->attributes.append(std::move(attribute));
    }
    m_resource = std::move(resource);

    auto scope = std::make_shared<InstrumentationScope>();
    scope->name = (m_identity.projectName + u".telemetry"_s).toUtf8();
    scope->version = m_identity.projectVersion.toUtf8();
    m_scope = std::move(scope);
}

quint64 SdkRecordBuilder::nowUnixNano()
{
    using namespace std::chrono;
    return static_cast<quint64>(duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count());
}

TraceId SdkRecordBuilder::randomTraceId()
{
    TraceId id;
    char bytes[16];
    do {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes), 4);
        TraceId::fromBytes(QByteArrayView(bytes, 16), &id);
    } while (id.isAllZero());
    return id;
}

SpanId SdkRecordBuilder::randomSpanId()
{
    SpanId id;
    char bytes[8];
    do {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes), 2);
        SpanId::fromBytes(QByteArrayView(bytes, 8), &id);
    } while (id.isAllZero());
    return id;
}

AttributeValue SdkRecordBuilder::sdkValue(const QVariant& value)
{
    return convertedValue(value, Numbers::AsDoubles, maxAttributeLength);
}

QString SdkRecordBuilder::metricKindName(MetricKind kind)
{
    return EnumNames::nameOf(metricKindNames, kind);
}

std::optional<SdkRecordBuilder::MetricKind> SdkRecordBuilder::metricKindFromName(QStringView name)
{
    return EnumNames::valueOf(metricKindNames, name);
}

Attributes SdkRecordBuilder::sdkAttributes(const QVariantMap& values)
{
    Attributes attributes;
    attributes.reserve(values.size());
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        attributes.append({ it.key().toUtf8(), sdkValue(it.value()) });
    return attributes;
}

Attributes SdkRecordBuilder::systemAttributes() const
{
    const bool python = m_identity.flavor == SdkIdentity::Flavor::Python;
    Attributes attributes {
        stringAttribute("system.os", m_system.os),
        stringAttribute("system.os_version", m_system.osVersion),
    };
    if (!m_system.runtimeVersion.isEmpty())
        attributes.append(
            stringAttribute(python ? "system.python_version" : "system.node_version", m_system.runtimeVersion));
    attributes.append(stringAttribute("system.architecture", m_system.architecture));
    attributes.append({ QByteArrayLiteral("system.is_docker"), AttributeValue::fromBool(m_system.isDocker) });
    attributes.append(stringAttribute("system.project_name", m_identity.projectName));
    attributes.append(stringAttribute("system.project_version", m_identity.projectVersion));
    attributes.append(stringAttribute("system.organization", m_identity.organization));
    return attributes;
}

Attributes SdkRecordBuilder::signalAttributes(const QVariantMap& values) const
{
    if (m_identity.flavor == SdkIdentity::Flavor::Python)
        return sdkAttributes(values);
    return systemAttributes() + sdkAttributes(values);
}

SpanRecord SdkRecordBuilder::trackEvent(
    const QString& name, const QVariantMap& attributes, quint64 timeUnixNano, quint64 durationNanos) const
{
    SpanRecord span;
    span.resource = m_resource;
    span.scope = m_scope;
    span.traceId = randomTraceId();
    span.spanId = randomSpanId();
    span.name = name.toUtf8();
    span.kind = Otlp::SpanKind::Internal;
    span.startTimeUnixNano = timeUnixNano != 0 ? timeUnixNano : nowUnixNano();
    span.endTimeUnixNano = span.startTimeUnixNano + durationNanos;
    span.attributes = systemAttributes() + sdkAttributes(attributes);
    span.statusCode = Otlp::StatusCode::Ok;
    return span;
}

SpanRecord SdkRecordBuilder::trackError(
    const QString& errorType, const QString& errorMessage, const QVariantMap& context, quint64 timeUnixNano) const
{
    QVariantMap attributes = context;
    attributes.insert(u"error_type"_s, errorType);
    attributes.insert(u"error_message"_s, truncated(errorMessage, maxAttributeLength));
    SpanRecord span = trackEvent(u"automagik.error"_s, attributes, timeUnixNano);
    // Upstream stores errors with status OK; an error is an error.
    span.statusCode = Otlp::StatusCode::Error;
    span.statusMessage = truncated(errorMessage, maxAttributeLength).toUtf8();
    return span;
}

MetricPoint SdkRecordBuilder::trackMetric(
    const QString& name, double value, MetricKind kind, const QVariantMap& attributes, quint64 timeUnixNano) const
{
    MetricPoint point;
    point.resource = m_resource;
    point.scope = m_scope;
    point.name = name.toUtf8();
    point.timeUnixNano = timeUnixNano != 0 ? timeUnixNano : nowUnixNano();
    point.attributes = signalAttributes(attributes);
    if (m_identity.flavor == SdkIdentity::Flavor::TypeScript)
        point.unit = attributes.value(u"unit"_s).toString().toUtf8();
    switch (kind) {
    case MetricKind::Gauge:
        point.type = MetricPoint::Type::Gauge;
        point.valueKind = NumberKind::Double;
        point.asDouble = value;
        break;
    case MetricKind::Counter:
        point.type = MetricPoint::Type::Sum;
        point.isMonotonic = true;
        point.temporality = Otlp::AggregationTemporality::Cumulative;
        point.startTimeUnixNano = point.timeUnixNano;
        point.valueKind = NumberKind::Double;
        point.asDouble = value;
        break;
    case MetricKind::Histogram:
        // One observation: count 1, sum = min = max = value, one bucket over everything.
        point.type = MetricPoint::Type::Histogram;
        point.temporality = Otlp::AggregationTemporality::Cumulative;
        point.startTimeUnixNano = point.timeUnixNano;
        point.count = 1;
        point.sum = value;
        point.min = value;
        point.max = value;
        point.bucketCounts = { 1 };
        break;
    }
    return point;
}

LogRecord SdkRecordBuilder::trackLog(
    const QString& message, qint32 severity, const QVariantMap& attributes, quint64 timeUnixNano) const
{
    LogRecord log;
    log.resource = m_resource;
    log.scope = m_scope;
    log.timeUnixNano = timeUnixNano != 0 ? timeUnixNano : nowUnixNano();
    log.observedTimeUnixNano = log.timeUnixNano;
    log.severityNumber = severity;
    log.severityText = QByteArray(Otlp::Severity::shortName(severity));
    const bool python = m_identity.flavor == SdkIdentity::Flavor::Python;
    log.body = AttributeValue::fromString(python ? truncated(message, maxLogMessageLength) : message);
    log.attributes = signalAttributes(attributes);
    return log;
}
