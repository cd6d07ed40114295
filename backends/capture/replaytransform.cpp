#include "replaytransform.h"

#include <QtEndian>

#include <cstring>

namespace {
/// MurmurHash3's finaliser: every step is invertible, so the whole is a permutation of 64 bits.
quint64 mix(quint64 x, quint64 key)
{
    x ^= key;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

constexpr int spansSignal = 0;
constexpr int metricsSignal = 1;
constexpr int logsSignal = 2;
} // namespace

ReplayTransform::ReplayTransform(Options options)
    : m_options(std::move(options))
    , m_loopKey(m_options.idKey)
{ }

void ReplayTransform::startLoop(int loop)
{
    m_loopKey = mix(m_options.idKey + quint64(loop), 0x9e3779b97f4a7c15ull);
}

TraceId ReplayTransform::remap(const TraceId& id, quint64 key)
{
    if (!id.isValid())
        return id;
    quint64 halves[2];
    std::memcpy(halves, id.bytes().data(), sizeof(halves));
    halves[0] = mix(halves[0], key);
    halves[1] = mix(halves[1], ~key);
    TraceId out;
    TraceId::fromBytes(QByteArrayView(reinterpret_cast<const char*>(halves), sizeof(halves)), &out);
    return out;
}

SpanId ReplayTransform::remap(const SpanId& id, quint64 key)
{
    if (!id.isValid())
        return id;
    quint64 value = 0;
    std::memcpy(&value, id.bytes().data(), sizeof(value));
    value = mix(value, key);
    SpanId out;
    SpanId::fromBytes(QByteArrayView(reinterpret_cast<const char*>(&value), sizeof(value)), &out);
    return out;
}

quint64 ReplayTransform::shifted(quint64 time) const
{
    if (time == 0) // absent stays absent
        return 0;
    const qint64 moved = qint64(time) + m_options.shiftNanos;
    return moved > 0 ? quint64(moved) : 1;
}

ResourcePtr ReplayTransform::tagged(const ResourcePtr& resource)
{
    if (m_options.replayId.isEmpty())
        return resource;
    const auto known = m_resources.constFind(resource.get());
    if (known != m_resources.cend())
        return known->second;
    if (m_resources.size() > 4096)
        m_resources.clear();
    auto copy = resource ? std::make_shared<Resource>(*resource) : std::make_shared<Resource>();
    copy->attributes.append(KeyValue { replayIdKey, AttributeValue::fromString(m_options.replayId) });
    ResourcePtr shared = std::move(copy);
    m_resources.insert(resource.get(), { resource, shared });
    return shared;
}

void ReplayTransform::number(Attributes* attributes, int signal)
{
    // The key's bytes are shared, not copied: one allocation and copy per record showed.
    static const QByteArray key = QByteArray::fromRawData(sequenceKey, qsizetype(qstrlen(sequenceKey)));
    attributes->append(KeyValue { key, AttributeValue::fromInt(m_sequence[signal]++) });
}

void ReplayTransform::apply(SpanRecord* span)
{
    span->startTimeUnixNano = shifted(span->startTimeUnixNano);
    span->endTimeUnixNano = shifted(span->endTimeUnixNano);
    // Written only where a time changes: a list walked for writing is detached (a null one
    // allocated) even when nothing moves.
    for (qsizetype i = 0; i < span->events.size(); ++i) {
        if (const quint64 time = shifted(span->events.at(i).timeUnixNano); time != span->events.at(i).timeUnixNano)
            span->events[i].timeUnixNano = time;
    }
    if (m_options.remapIds) {
        span->traceId = remap(span->traceId, m_loopKey);
        span->spanId = remap(span->spanId, m_loopKey);
        span->parentSpanId = remap(span->parentSpanId, m_loopKey);
        if (!span->links.isEmpty()) {
            for (SpanLink& link : span->links) {
                link.traceId = remap(link.traceId, m_loopKey);
                link.spanId = remap(link.spanId, m_loopKey);
            }
        }
    }
    span->resource = tagged(span->resource);
    number(&span->attributes, spansSignal);
}

void ReplayTransform::apply(MetricPoint* point)
{
    point->startTimeUnixNano = shifted(point->startTimeUnixNano);
    point->timeUnixNano = shifted(point->timeUnixNano);
    for (qsizetype i = 0; i < point->exemplars.size(); ++i) {
        const Exemplar& exemplar = point->exemplars.at(i);
        const quint64 time = shifted(exemplar.timeUnixNano);
        if (time == exemplar.timeUnixNano && !m_options.remapIds)
            continue; // untouched: the list is not detached
        Exemplar& changed = point->exemplars[i];
        changed.timeUnixNano = time;
        if (m_options.remapIds) {
            changed.traceId = remap(changed.traceId, m_loopKey);
            changed.spanId = remap(changed.spanId, m_loopKey);
        }
    }
    point->resource = tagged(point->resource);
    number(&point->attributes, metricsSignal);
}

void ReplayTransform::apply(LogRecord* log)
{
    log->timeUnixNano = shifted(log->timeUnixNano);
    log->observedTimeUnixNano = shifted(log->observedTimeUnixNano);
    if (m_options.remapIds) {
        log->traceId = remap(log->traceId, m_loopKey);
        log->spanId = remap(log->spanId, m_loopKey);
    }
    log->resource = tagged(log->resource);
    number(&log->attributes, logsSignal);
}
