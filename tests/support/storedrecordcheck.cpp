#include "storedrecordcheck.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QByteArray text(const QByteArray& value)
{
    return value;
}
QByteArray text(quint64 value)
{
    return QByteArray::number(value);
}
QByteArray text(qint64 value)
{
    return QByteArray::number(value);
}
QByteArray text(int value)
{
    return QByteArray::number(value);
}
QByteArray text(double value)
{
    return QByteArray::number(value, 'g', 17);
}
template<typename Id>
auto text(const Id& id) -> decltype(id.toHex())
{
    return id.toHex();
}
template<typename Enum>
requires std::is_enum_v<Enum> QByteArray text(Enum value)
{
    return QByteArray::number(qint64(value));
}
QByteArray text(const QList<quint64>& values)
{
    QByteArrayList parts;
    for (quint64 value : values)
        parts.append(QByteArray::number(value));
    return '[' + parts.join(',') + ']';
}

/// Collects "field: stored X, written Y" for the fields that differ.
class Differences final
{
public:
    template<typename Value>
    void check(const QByteArray& field, const Value& stored, const Value& written)
    {
        bool same = false;
        if constexpr (std::is_floating_point_v<Value>)
            same = stored == written || qFuzzyCompare(stored, written); // as QCOMPARE compares them
        else
            same = stored == written;
        if (!same)
            m_lines.append(u"%1: stored %2, written %3"_s.arg(QString::fromUtf8(field),
                QString::fromUtf8(text(stored).left(200)), QString::fromUtf8(text(written).left(200))));
    }

    void checkAttributes(const char* what, const Attributes& stored, const Attributes& written)
    {
        check(QByteArray(QByteArray(what) + " count"), qint64(stored.size()), qint64(written.size()));
        for (const KeyValue& entry : written) {
            const AttributeValue* found = findAttribute(stored, entry.key.constData());
            check(QByteArray(QByteArray(what) + " [" + entry.key + ']'),
                found ? found->toDisplayUtf8() : QByteArray("<absent>"), entry.value.toDisplayUtf8());
        }
    }

    void checkResource(const ResourcePtr& stored, const ResourcePtr& written)
    {
        for (const char* key : { "service.name", "project.name", "project.version", "user.id", "session.id" }) {
            const AttributeValue* found = stored ? findAttribute(stored->attributes, key) : nullptr;
            const AttributeValue* expected = written ? findAttribute(written->attributes, key) : nullptr;
            check(QByteArray(QByteArray("resource [") + key + ']'),
                found ? found->toDisplayUtf8() : QByteArray("<absent>"),
                expected ? expected->toDisplayUtf8() : QByteArray("<absent>"));
        }
    }

    QString result() const { return m_lines.join(u"; "_s); }

private:
    QStringList m_lines;
};
} // namespace

namespace StoredRecordCheck {

QString span(const SpanRecord& stored, const SpanRecord& written)
{
    Differences differences;
    differences.check("trace_id", stored.traceId, written.traceId);
    differences.check("span_id", stored.spanId, written.spanId);
    differences.check("parent_span_id", stored.parentSpanId, written.parentSpanId);
    differences.check("name", stored.name, written.name);
    differences.check("kind", stored.kind, written.kind);
    differences.check("status_code", stored.statusCode, written.statusCode);
    differences.check("status_message", stored.statusMessage, written.statusMessage);
    differences.check("start time", stored.startTimeUnixNano, written.startTimeUnixNano);
    const quint64 durationMs = (written.endTimeUnixNano - written.startTimeUnixNano) / 1'000'000;
    differences.check("end time", stored.endTimeUnixNano, written.startTimeUnixNano + durationMs * 1'000'000);
    differences.checkResource(stored.resource, written.resource);
    differences.checkAttributes("attributes", stored.attributes, written.attributes);
    return differences.result();
}

QString metric(const MetricPoint& stored, const MetricPoint& written)
{
    Differences differences;
    differences.check("name", stored.name, written.name);
    differences.check("type", stored.type, written.type);
    differences.check("unit", stored.unit, written.unit);
    differences.check("time", stored.timeUnixNano, written.timeUnixNano);
    if (written.type == MetricPoint::Type::Gauge || written.type == MetricPoint::Type::Sum) {
        if (std::isfinite(written.numberValue()))
            differences.check("value", stored.numberValue(), written.numberValue());
    } else if (written.type != MetricPoint::Type::ExponentialHistogram) {
        differences.check("count", stored.count, written.count);
    }
    if (written.type == MetricPoint::Type::Histogram)
        // As text: QList<quint64>::operator== of Qt 6.4 hands two empty lists' null pointers to memcmp.
        differences.check("bucket_counts", text(stored.bucketCounts), text(written.bucketCounts));
    if (written.type == MetricPoint::Type::Summary)
        differences.check("quantiles", qint64(stored.quantileValues.size()), qint64(written.quantileValues.size()));
    differences.checkResource(stored.resource, written.resource);
    return differences.result();
}

QString log(const LogRecord& stored, const LogRecord& written)
{
    Differences differences;
    const quint64 time = written.timeUnixNano != 0 ? written.timeUnixNano : written.observedTimeUnixNano;
    differences.check("time", stored.timeUnixNano, time);
    differences.check("severity", stored.severityNumber, qBound(0, written.severityNumber, 24));
    differences.check("body", stored.body.toDisplayUtf8(), written.body.toDisplayUtf8());
    if (written.traceId.isValid())
        differences.check("trace_id", stored.traceId, written.traceId);
    differences.checkResource(stored.resource, written.resource);
    return differences.result();
}

} // namespace StoredRecordCheck
