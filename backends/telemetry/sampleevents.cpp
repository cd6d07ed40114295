#include "sampleevents.h"

#include "sdkrecordbuilder.h"

using namespace Qt::StringLiterals;

namespace SampleEvents {

QList<SpanRecord> automagikEvents(int count, quint64 firstTimeUnixNano)
{
    SdkIdentity identity;
    identity.projectName = u"automagik-omni"_s;
    identity.projectVersion = u"1.4.2"_s;
    identity.userId = u"5f0df46c-4ac2-410b-bb6b-455dcc055a7b"_s;
    identity.sessionId = u"cda2fb75-0eeb-4c1e-9f92-dc86690266d6"_s;
    SystemInfo system;
    system.os = u"Linux"_s;
    system.osVersion = u"6.1.0-18-amd64"_s;
    system.architecture = u"x86_64"_s;
    system.runtimeVersion = u"3.12.3"_s;
    const SdkRecordBuilder builder(identity, system);
    const QStringList features { u"workflow.run"_s, u"agent.create"_s, u"channel.connect"_s, u"message.send"_s };
    QList<SpanRecord> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QVariantMap attributes { { u"feature_name"_s, features.at(i % features.size()) },
            { u"feature_category"_s, u"automation"_s }, { u"duration_ms"_s, 12.5 + i % 100 },
            { u"success"_s, i % 7 != 0 } };
        if (i % 25 == 0) {
            events.append(builder.trackError(u"TimeoutError"_s, u"upstream did not answer within 30 s"_s, attributes,
                firstTimeUnixNano + quint64(i) * 1000000ull));
        } else {
            events.append(builder.trackEvent(u"automagik.feature.used"_s, attributes,
                firstTimeUnixNano + quint64(i) * 1000000ull, quint64(1 + i % 50) * 1000000ull));
        }
    }
    return events;
}

SpanRecord spanOf(const QByteArray& traceIdHex, const ResourcePtr& resource, quint64 number, quint64 parent,
    const QByteArray& name, quint64 startNs, quint64 endNs)
{
    SpanRecord span;
    span.resource = resource;
    TraceId::fromHex(traceIdHex, &span.traceId);
    SpanId::fromHex(QByteArray::number(number, 16).rightJustified(16, '0'), &span.spanId);
    if (parent != 0)
        SpanId::fromHex(QByteArray::number(parent, 16).rightJustified(16, '0'), &span.parentSpanId);
    span.name = name;
    span.kind = Otlp::SpanKind::Internal;
    span.startTimeUnixNano = startNs;
    span.endTimeUnixNano = endNs;
    span.statusCode = Otlp::StatusCode::Ok;
    return span;
}

ResourcePtr serviceResource(const QByteArray& service)
{
    auto resource = std::make_shared<Resource>();
    resource->attributes.append({ "service.name", AttributeValue::fromString(service) });
    return resource;
}

} // namespace SampleEvents
