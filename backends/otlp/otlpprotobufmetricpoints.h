#pragma once

#include "decodedbatch.h"
#include "otlpprotobufcommon.h"
#include "otlpprotobufenvelope.h"
#include "telemetry/metricpoint.h"

/// The data points of metrics.proto (Number, Histogram, ExponentialHistogram, Summary) and
/// their exemplars: writers as templates, and the reader of a Metric's data message.
namespace OtlpProtobuf {

template<typename Out>
void writeExemplar(Out& out, const Exemplar& exemplar)
{
    out.fixed64(2, exemplar.timeUnixNano);
    if (exemplar.valueKind == NumberKind::Double)
        out.doubleAlways(3, exemplar.asDouble);
    out.bytes(4, exemplar.spanId.bytes());
    out.bytes(5, exemplar.traceId.bytes());
    if (exemplar.valueKind == NumberKind::Int)
        out.fixed64Always(6, static_cast<quint64>(exemplar.asInt));
    writeAttributes(out, 7, exemplar.filteredAttributes);
}

template<typename Out>
void writeExemplars(Out& out, quint32 field, const QList<Exemplar>& exemplars)
{
    for (const Exemplar& exemplar : exemplars)
        out.message(field, [&](auto& inner) { writeExemplar(inner, exemplar); });
}

template<typename Out>
void writeNumberPoint(Out& out, const MetricPoint& point)
{
    out.fixed64(2, point.startTimeUnixNano);
    out.fixed64(3, point.timeUnixNano);
    if (point.valueKind == NumberKind::Double)
        out.doubleAlways(4, point.asDouble);
    writeExemplars(out, 5, point.exemplars);
    if (point.valueKind == NumberKind::Int)
        out.fixed64Always(6, static_cast<quint64>(point.asInt));
    writeAttributes(out, 7, point.attributes);
    out.varint(8, point.flags);
}

template<typename Out>
void writeHistogramPoint(Out& out, const MetricPoint& point)
{
    out.fixed64(2, point.startTimeUnixNano);
    out.fixed64(3, point.timeUnixNano);
    out.fixed64(4, point.count);
    if (point.sum)
        out.doubleAlways(5, *point.sum);
    out.packedFixed64(6, point.bucketCounts);
    out.packedFixed64(7, point.explicitBounds);
    writeExemplars(out, 8, point.exemplars);
    writeAttributes(out, 9, point.attributes);
    out.varint(10, point.flags);
    if (point.min)
        out.doubleAlways(11, *point.min);
    if (point.max)
        out.doubleAlways(12, *point.max);
}

template<typename Out>
void writeBuckets(Out& out, quint32 field, const ExponentialBuckets& buckets)
{
    if (buckets.offset == 0 && buckets.bucketCounts.isEmpty())
        return;
    out.message(field, [&](auto& inner) {
        inner.varint(1, ProtobufWire::zigzag32(buckets.offset));
        inner.packedVarint(2, buckets.bucketCounts);
    });
}

template<typename Out>
void writeExponentialPoint(Out& out, const MetricPoint& point)
{
    writeAttributes(out, 1, point.attributes);
    out.fixed64(2, point.startTimeUnixNano);
    out.fixed64(3, point.timeUnixNano);
    out.fixed64(4, point.count);
    if (point.sum)
        out.doubleAlways(5, *point.sum);
    out.varint(6, ProtobufWire::zigzag32(point.scale));
    out.fixed64(7, point.zeroCount);
    writeBuckets(out, 8, point.positive);
    writeBuckets(out, 9, point.negative);
    out.varint(10, point.flags);
    writeExemplars(out, 11, point.exemplars);
    if (point.min)
        out.doubleAlways(12, *point.min);
    if (point.max)
        out.doubleAlways(13, *point.max);
    out.doubleField(14, point.zeroThreshold);
}

template<typename Out>
void writeSummaryPoint(Out& out, const MetricPoint& point)
{
    out.fixed64(2, point.startTimeUnixNano);
    out.fixed64(3, point.timeUnixNano);
    out.fixed64(4, point.count);
    out.doubleField(5, point.sum.value_or(0.0));
    for (const QuantileValue& quantile : point.quantileValues) {
        out.message(6, [&](auto& inner) {
            inner.doubleField(1, quantile.quantile);
            inner.doubleField(2, quantile.value);
        });
    }
    writeAttributes(out, 7, point.attributes);
    out.varint(8, point.flags);
}

/// Reads a Metric's data message (Gauge, Sum, Histogram, ...) into points that copy
/// `descriptor`'s metric fields, appending them to `batch`.
bool readMetricData(Payload data, const MetricPoint& descriptor, const ItemPosition& position,
    DecodedBatch<MetricPoint>& batch, DecodeError* error);

} // namespace OtlpProtobuf
