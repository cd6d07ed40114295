#include "otlpjsonmetrics.h"

#include "otlpjsonenvelope.h"
#include "otlpjsonmetricpoints.h"

using namespace Qt::StringLiterals;

namespace OtlpJson {
namespace {
const EnvelopeNames metricNames { "resourceMetrics", "resource_metrics", "scopeMetrics", "scope_metrics", "metrics",
    "metrics" };

const char* dataKey(MetricPoint::Type type)
{
    switch (type) {
    case MetricPoint::Type::Gauge:
        return "gauge";
    case MetricPoint::Type::Sum:
        return "sum";
    case MetricPoint::Type::Histogram:
        return "histogram";
    case MetricPoint::Type::ExponentialHistogram:
        return "exponentialHistogram";
    case MetricPoint::Type::Summary:
        return "summary";
    }
    return "gauge";
}

void writeMetric(JsonWriter& json, const QList<MetricPoint>& points, qsizetype first, qsizetype last)
{
    const MetricPoint& metric = points.at(first);
    json.beginObject();
    writeString(json, "name", metric.name);
    writeString(json, "description", metric.description);
    writeString(json, "unit", metric.unit);
    json.key(dataKey(metric.type));
    json.beginObject();
    json.key("dataPoints");
    json.beginArray();
    for (qsizetype i = first; i < last; ++i)
        writePoint(json, points.at(i));
    json.endArray();
    if (metric.type == MetricPoint::Type::Sum || metric.type == MetricPoint::Type::Histogram
        || metric.type == MetricPoint::Type::ExponentialHistogram) {
        if (metric.temporality != Otlp::AggregationTemporality::Unspecified) {
            json.key("aggregationTemporality");
            json.integer(static_cast<qint32>(metric.temporality));
        }
    }
    if (metric.type == MetricPoint::Type::Sum && metric.isMonotonic) {
        json.key("isMonotonic");
        json.boolean(true);
    }
    json.endObject();
    writeAttributes(json, "metadata", metric.metadata);
    json.endObject();
}

bool readMetric(const JsonView& value, const ResourcePtr& resource, const ScopePtr& scope, const ItemPosition& position,
    DecodedBatch<MetricPoint>& batch, DecodeError* error)
{
    MetricPoint metric;
    metric.resource = resource;
    metric.scope = scope;
    std::optional<JsonView> data;
    auto take = [&](MetricPoint::Type type) {
        return [&, type](const JsonView& v) {
            metric.type = type;
            data = v;
            return expectObject(v, error);
        };
    };
    const bool ok = readObject(value,
        {
            { "name", "name", [&](const JsonView& v) { return readString(v, &metric.name, error); } },
            { "description", "description",
                [&](const JsonView& v) { return readString(v, &metric.description, error); } },
            { "unit", "unit", [&](const JsonView& v) { return readString(v, &metric.unit, error); } },
            { "metadata", "metadata", [&](const JsonView& v) { return readAttributes(v, &metric.metadata, error); } },
            { "gauge", "gauge", take(MetricPoint::Type::Gauge) },
            { "sum", "sum", take(MetricPoint::Type::Sum) },
            { "histogram", "histogram", take(MetricPoint::Type::Histogram) },
            { "exponentialHistogram", "exponential_histogram", take(MetricPoint::Type::ExponentialHistogram) },
            { "summary", "summary", take(MetricPoint::Type::Summary) },
        },
        error);
    if (!ok)
        return false;
    if (!data || data->isNull()) {
        batch.reject(position.path()
            + u": metric \"%1\" has no data (gauge, sum, histogram, exponentialHistogram or summary)"_s.arg(
                QString::fromUtf8(metric.name)));
        return true;
    }
    if (metric.type == MetricPoint::Type::Summary)
        metric.sum = 0.0;
    std::optional<JsonView> points;
    const bool dataOk = readObject(*data,
        { { "dataPoints", "data_points",
              [&](const JsonView& v) {
                  points = v;
                  return true;
              } },
            { "aggregationTemporality", "aggregation_temporality",
                [&](const JsonView& v) {
                    qint32 temporality = 0;
                    if (!readEnum(v, Otlp::temporalityFromName, &temporality, error))
                        return false;
                    if (metric.type != MetricPoint::Type::Gauge && metric.type != MetricPoint::Type::Summary)
                        metric.temporality = static_cast<Otlp::AggregationTemporality>(temporality);
                    return true;
                } },
            { "isMonotonic", "is_monotonic",
                [&](const JsonView& v) {
                    bool monotonic = false;
                    if (!readBool(v, &monotonic, error))
                        return false;
                    metric.isMonotonic = metric.type == MetricPoint::Type::Sum && monotonic;
                    return true;
                } } },
        error);
    if (!dataOk)
        return error->within(QString::fromLatin1(dataKey(metric.type)));
    if (!points)
        return true;
    const bool pointsOk = readArray(
        *points,
        [&](const JsonView& element, qsizetype index) {
            MetricPoint point = metric;
            QString problem;
            if (!readPoint(element, &point, &problem, error))
                return false;
            if (!problem.isEmpty())
                batch.reject(position.path() + u".dataPoints[%1]: "_s.arg(index) + problem);
            else
                batch.records.append(std::move(point));
            return true;
        },
        error);
    return pointsOk || (error->within(u"dataPoints"_s), error->within(QString::fromLatin1(dataKey(metric.type))));
}
} // namespace

QByteArray encodeMetrics(const QList<MetricPoint>& points)
{
    return writeEnvelopes(points, metricNames, 500, [&](JsonWriter& json, qsizetype first, qsizetype last) {
        const auto sameMetric = [](const MetricPoint& a, const MetricPoint& b) { return a.sameMetric(b); };
        forEachRun(points, first, last, sameMetric,
            [&](qsizetype metricFirst, qsizetype metricLast) { writeMetric(json, points, metricFirst, metricLast); });
    });
}

DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body)
{
    return decodeEnvelopes<MetricPoint>(body, metricNames, readMetric);
}

DecodedBatch<MetricPoint> decodeMetricList(const JsonView& resourceMetrics)
{
    return decodeEnvelopeList<MetricPoint>(resourceMetrics, metricNames, readMetric);
}

} // namespace OtlpJson
