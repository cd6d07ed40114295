#include "otlpprotobufmetrics.h"

#include "otlpprotobufenvelope.h"
#include "otlpprotobufmetricpoints.h"
#include "protobufwriter.h"

using namespace Qt::StringLiterals;

namespace OtlpProtobuf {
namespace {
const EnvelopeNames metricNames { "resource_metrics", "scope_metrics", "metrics" };

template<typename Out>
void writeMetric(Out& out, const QList<MetricPoint>& points, qsizetype first, qsizetype last)
{
    const MetricPoint& metric = points.at(first);
    out.bytes(1, metric.name);
    out.bytes(2, metric.description);
    out.bytes(3, metric.unit);
    const auto temporality = static_cast<quint64>(static_cast<qint64>(metric.temporality));
    auto eachPoint = [&](auto& data, auto writePoint) {
        for (qsizetype i = first; i < last; ++i)
            data.message(1, [&](auto& inner) { writePoint(inner, points.at(i)); });
    };
    switch (metric.type) {
    case MetricPoint::Type::Gauge:
        out.message(
            5, [&](auto& data) { eachPoint(data, [](auto& o, const MetricPoint& p) { writeNumberPoint(o, p); }); });
        break;
    case MetricPoint::Type::Sum:
        out.message(7, [&](auto& data) {
            eachPoint(data, [](auto& o, const MetricPoint& p) { writeNumberPoint(o, p); });
            data.varint(2, temporality);
            data.varint(3, metric.isMonotonic ? 1 : 0);
        });
        break;
    case MetricPoint::Type::Histogram:
        out.message(9, [&](auto& data) {
            eachPoint(data, [](auto& o, const MetricPoint& p) { writeHistogramPoint(o, p); });
            data.varint(2, temporality);
        });
        break;
    case MetricPoint::Type::ExponentialHistogram:
        out.message(10, [&](auto& data) {
            eachPoint(data, [](auto& o, const MetricPoint& p) { writeExponentialPoint(o, p); });
            data.varint(2, temporality);
        });
        break;
    case MetricPoint::Type::Summary:
        out.message(
            11, [&](auto& data) { eachPoint(data, [](auto& o, const MetricPoint& p) { writeSummaryPoint(o, p); }); });
        break;
    }
    writeAttributes(out, 12, metric.metadata);
}

struct MetricData
{
    MetricPoint::Type type = MetricPoint::Type::Gauge;
    Payload payload;
    bool present = false;
};

/// Reads one Metric into its points (appended to `batch`), refusing it when it carries no data.
bool readMetric(Payload payload, const ResourcePtr& resource, const ScopePtr& scope, const ItemPosition& position,
    DecodedBatch<MetricPoint>& batch, DecodeError* error)
{
    MetricPoint descriptor;
    descriptor.resource = resource;
    descriptor.scope = scope;
    MetricData data;
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        auto takeData = [&](MetricPoint::Type type, const char* name) {
            data.type = type;
            data.present = true;
            return readPayload(reader, name, &data.payload, error);
        };
        bool ok = true;
        switch (reader.field()) {
        case 1:
            ok = readString(reader, "name", &descriptor.name, error);
            break;
        case 2:
            ok = readString(reader, "description", &descriptor.description, error);
            break;
        case 3:
            ok = readString(reader, "unit", &descriptor.unit, error);
            break;
        case 5:
            ok = takeData(MetricPoint::Type::Gauge, "gauge");
            break;
        case 7:
            ok = takeData(MetricPoint::Type::Sum, "sum");
            break;
        case 9:
            ok = takeData(MetricPoint::Type::Histogram, "histogram");
            break;
        case 10:
            ok = takeData(MetricPoint::Type::ExponentialHistogram, "exponential_histogram");
            break;
        case 11:
            ok = takeData(MetricPoint::Type::Summary, "summary");
            break;
        case 12:
            ok = readAttribute(reader, "metadata", &descriptor.metadata, error);
            break;
        default:
            ok = skipField(reader, error);
        }
        if (!ok)
            return false;
    }
    if (!finish(reader, error))
        return false;
    if (!data.present) {
        batch.reject(position.path()
            + u": metric \"%1\" has no data (gauge, sum, histogram, exponential_histogram or summary)"_s.arg(
                QString::fromUtf8(descriptor.name)));
        return true;
    }
    descriptor.type = data.type;
    return readMetricData(data.payload, descriptor, position, batch, error);
}
} // namespace

QByteArray encodeMetrics(const QList<MetricPoint>& points)
{
    return encodeProtobuf([&](auto& out) {
        writeEnvelopes(out, points, [&](auto& scopeOut, qsizetype first, qsizetype last) {
            const auto sameMetric = [](const MetricPoint& a, const MetricPoint& b) { return a.sameMetric(b); };
            forEachRun(points, first, last, sameMetric, [&](qsizetype metricFirst, qsizetype metricLast) {
                scopeOut.message(2, [&](auto& inner) { writeMetric(inner, points, metricFirst, metricLast); });
            });
        });
    });
}

DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body)
{
    return decodeEnvelopes<MetricPoint>(body, metricNames, readMetric);
}

} // namespace OtlpProtobuf
