#pragma once

#include "attributevalue.h"
#include "binaryid.h"
#include "exactdouble.h"
#include "instrumentationscope.h"
#include "resource.h"
#include "sharedequality.h"
#include "telemetryenums.h"

#include <optional>

/// Which value of a NumberDataPoint or Exemplar is set (the proto `oneof value`).
enum class NumberKind : quint8
{
    None,
    Int,
    Double,
};

/// Equality of a oneof number: only the member that is set counts.
inline bool sameNumber(NumberKind kind, qint64 aInt, double aDouble, qint64 bInt, double bDouble)
{
    return kind == NumberKind::Int ? aInt == bInt : kind == NumberKind::Double ? exactlyEqual(aDouble, bDouble) : true;
}

struct Exemplar
{
    Attributes filteredAttributes;
    quint64 timeUnixNano = 0;
    NumberKind valueKind = NumberKind::None;
    qint64 asInt = 0;
    double asDouble = 0;
    SpanId spanId;
    TraceId traceId;

    friend bool operator==(const Exemplar& a, const Exemplar& b)
    {
        return a.filteredAttributes == b.filteredAttributes && a.timeUnixNano == b.timeUnixNano
            && a.valueKind == b.valueKind && sameNumber(a.valueKind, a.asInt, a.asDouble, b.asInt, b.asDouble)
            && a.spanId == b.spanId && a.traceId == b.traceId;
    }
};
Q_DECLARE_TYPEINFO(Exemplar, Q_RELOCATABLE_TYPE);

struct QuantileValue
{
    double quantile = 0;
    double value = 0;

    friend bool operator==(const QuantileValue& a, const QuantileValue& b)
    {
        return exactlyEqual(a.quantile, b.quantile) && exactlyEqual(a.value, b.value);
    }
};

struct ExponentialBuckets
{
    qint32 offset = 0;
    QList<quint64> bucketCounts;

    friend bool operator==(const ExponentialBuckets& a, const ExponentialBuckets& b)
    {
        return a.offset == b.offset && sameValues(a.bucketCounts, b.bucketCounts);
    }
};
Q_DECLARE_TYPEINFO(ExponentialBuckets, Q_RELOCATABLE_TYPE);

/// One metric data point with its metric's description, resource and scope. The SDKs'
/// track_metric makes a gauge, a sum (counter) or a histogram; decoding keeps exponential
/// histograms and summaries too, so nothing a peer sends is dropped.
struct MetricPoint
{
    enum class Type : quint8
    {
        Gauge,
        Sum,
        Histogram,
        ExponentialHistogram,
        Summary,
    };

    ResourcePtr resource;
    ScopePtr scope;

    // The Metric message.
    QByteArray name;
    QByteArray description;
    QByteArray unit;
    Attributes metadata;
    Type type = Type::Gauge;
    Otlp::AggregationTemporality temporality = Otlp::AggregationTemporality::Unspecified; ///< sum, histograms
    bool isMonotonic = false; ///< sum

    // Every data point.
    Attributes attributes;
    quint64 startTimeUnixNano = 0;
    quint64 timeUnixNano = 0;
    quint32 flags = 0;
    QList<Exemplar> exemplars;

    // Gauge and sum.
    NumberKind valueKind = NumberKind::None;
    qint64 asInt = 0;
    double asDouble = 0;

    // Histograms and summary.
    quint64 count = 0;
    std::optional<double> sum; ///< always present for a summary
    std::optional<double> min;
    std::optional<double> max;
    QList<quint64> bucketCounts;
    QList<double> explicitBounds;

    // Exponential histogram.
    qint32 scale = 0;
    quint64 zeroCount = 0;
    double zeroThreshold = 0;
    ExponentialBuckets positive;
    ExponentialBuckets negative;

    // Summary.
    QList<QuantileValue> quantileValues;

    /// The value as a double whatever its kind (0 when there is none).
    double numberValue() const { return valueKind == NumberKind::Int ? static_cast<double>(asInt) : asDouble; }

    /// Same Metric message: the points can share one envelope on the wire.
    bool sameMetric(const MetricPoint& other) const
    {
        return sameShared(resource, other.resource) && sameShared(scope, other.scope) && name == other.name
            && description == other.description && unit == other.unit && metadata == other.metadata
            && type == other.type && temporality == other.temporality && isMonotonic == other.isMonotonic;
    }

    friend bool operator==(const MetricPoint& a, const MetricPoint& b)
    {
        return a.sameMetric(b) && a.attributes == b.attributes && a.startTimeUnixNano == b.startTimeUnixNano
            && a.timeUnixNano == b.timeUnixNano && a.flags == b.flags && a.exemplars == b.exemplars
            && a.valueKind == b.valueKind && sameNumber(a.valueKind, a.asInt, a.asDouble, b.asInt, b.asDouble)
            && a.count == b.count && exactlyEqual(a.sum, b.sum) && exactlyEqual(a.min, b.min)
            && exactlyEqual(a.max, b.max) && sameValues(a.bucketCounts, b.bucketCounts)
            && exactlyEqual(a.explicitBounds, b.explicitBounds) && a.scale == b.scale && a.zeroCount == b.zeroCount
            && exactlyEqual(a.zeroThreshold, b.zeroThreshold) && a.positive == b.positive && a.negative == b.negative
            && a.quantileValues == b.quantileValues;
    }
};
// Its members all move by memcpy (see AttributeValue).
Q_DECLARE_TYPEINFO(MetricPoint, Q_RELOCATABLE_TYPE);

/// "GAUGE", "SUM", "HISTOGRAM", "EXPONENTIAL_HISTOGRAM", "SUMMARY": the type as the schema's
/// MetricType column and the lists show it.
inline QByteArrayView metricTypeText(MetricPoint::Type type)
{
    static const char* const names[] = { "GAUGE", "SUM", "HISTOGRAM", "EXPONENTIAL_HISTOGRAM", "SUMMARY" };
    return names[int(type)];
}
