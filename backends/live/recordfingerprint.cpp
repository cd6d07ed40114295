#include "recordfingerprint.h"

#include <QHash>

namespace RecordFingerprint {
namespace {
quint64 combine(quint64 seed, QByteArrayView bytes)
{
    return qHashMulti(size_t(seed), bytes);
}

/// The attributes as a row keeps them (values as text), in any order: a Map may come back in
/// another order than written. A replay's own attributes are left out, as the row reader drops
/// them.
quint64 attributesPrint(const Attributes& attributes)
{
    quint64 sum = 0;
    for (const KeyValue& attribute : attributes) {
        if (attribute.key.startsWith("workbench.replay."))
            continue;
        sum += combine(combine(0, attribute.key), attribute.value.toDisplayUtf8());
    }
    return sum;
}

/// The tables store "unknown" for a missing name or service: the record as taken must match it.
QByteArrayView orUnknown(QByteArrayView text)
{
    return text.isEmpty() ? QByteArrayView("unknown") : text;
}
} // namespace

quint64 of(const SpanRecord& span)
{
    // Trace and span id with the start: a span replayed twice is two rows, and two records. The
    // name too: ids that are not hex (another writer's) are read back empty.
    return combine(
        combine(combine(span.startTimeUnixNano, span.traceId.toHex()), span.spanId.toHex()), orUnknown(span.name));
}

quint64 of(const MetricPoint& point)
{
    // Metric and log rows get a generated id when stored, so what the record says stands in.
    const quint64 seed = combine(point.timeUnixNano * 8 + quint64(point.type), point.name);
    return combine(seed + attributesPrint(point.attributes), orUnknown(serviceNameOf(point.resource)));
}

quint64 of(const LogRecord& log)
{
    const quint64 time = log.timeUnixNano != 0 ? log.timeUnixNano : log.observedTimeUnixNano;
    const QByteArray body =
        log.body.type() == AttributeValue::Type::String ? log.body.stringUtf8() : log.body.toDisplayUtf8();
    return combine(combine(time, body) + attributesPrint(log.attributes), orUnknown(serviceNameOf(log.resource)));
}
} // namespace RecordFingerprint
