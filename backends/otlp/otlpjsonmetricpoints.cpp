#include "otlpjsonmetricpoints.h"

#include "otlpjsoncommon.h"

using namespace Qt::StringLiterals;

namespace OtlpJson {
namespace {
void writeOptionalDouble(JsonWriter& json, QByteArrayView key, const std::optional<double>& value)
{
    if (!value)
        return;
    json.key(key);
    json.number(*value);
}

void writeDouble(JsonWriter& json, QByteArrayView key, double value)
{
    if (std::bit_cast<quint64>(value) == 0)
        return;
    json.key(key);
    json.number(value);
}

void writeNumberValue(JsonWriter& json, NumberKind kind, qint64 asInt, double asDouble)
{
    if (kind == NumberKind::Double) {
        json.key("asDouble");
        json.number(asDouble);
    } else if (kind == NumberKind::Int) {
        json.key("asInt");
        json.integerAsString(asInt);
    }
}

void writeExemplars(JsonWriter& json, const QList<Exemplar>& exemplars)
{
    if (exemplars.isEmpty())
        return;
    json.key("exemplars");
    json.beginArray();
    for (const Exemplar& exemplar : exemplars) {
        json.beginObject();
        writeAttributes(json, "filteredAttributes", exemplar.filteredAttributes);
        writeUInt64(json, "timeUnixNano", exemplar.timeUnixNano);
        writeNumberValue(json, exemplar.valueKind, exemplar.asInt, exemplar.asDouble);
        writeId(json, "spanId", exemplar.spanId);
        writeId(json, "traceId", exemplar.traceId);
        json.endObject();
    }
    json.endArray();
}

void writeUInt64List(JsonWriter& json, QByteArrayView key, const QList<quint64>& values)
{
    if (values.isEmpty())
        return;
    json.key(key);
    json.beginArray();
    for (quint64 value : values)
        json.unsignedAsString(value);
    json.endArray();
}

void writeBuckets(JsonWriter& json, QByteArrayView key, const ExponentialBuckets& buckets)
{
    if (buckets.offset == 0 && buckets.bucketCounts.isEmpty())
        return;
    json.key(key);
    json.beginObject();
    if (buckets.offset != 0) {
        json.key("offset");
        json.integer(buckets.offset);
    }
    writeUInt64List(json, "bucketCounts", buckets.bucketCounts);
    json.endObject();
}

bool readOptionalDouble(const JsonView& v, std::optional<double>* out, DecodeError* error)
{
    if (v.isNull()) {
        out->reset();
        return true;
    }
    double number = 0;
    if (!readDouble(v, &number, error))
        return false;
    *out = number;
    return true;
}

bool readUInt64List(const JsonView& v, QList<quint64>* out, DecodeError* error)
{
    return readArray(
        v,
        [&](const JsonView& element, qsizetype) {
            quint64 value = 0;
            if (!readUInt64(element, &value, error))
                return false;
            out->append(value);
            return true;
        },
        error);
}

bool readExemplars(const JsonView& v, QList<Exemplar>* out, QString* problem, DecodeError* error)
{
    return readArray(
        v,
        [&](const JsonView& element, qsizetype) {
            Exemplar exemplar;
            const bool ok = readObject(element,
                { { "filteredAttributes", "filtered_attributes",
                      [&](const JsonView& x) { return readAttributes(x, &exemplar.filteredAttributes, error); } },
                    { "timeUnixNano", "time_unix_nano",
                        [&](const JsonView& x) { return readUInt64(x, &exemplar.timeUnixNano, error); } },
                    { "asDouble", "as_double",
                        [&](const JsonView& x) {
                            exemplar.valueKind = NumberKind::Double;
                            return readDouble(x, &exemplar.asDouble, error);
                        } },
                    { "asInt", "as_int",
                        [&](const JsonView& x) {
                            exemplar.valueKind = NumberKind::Int;
                            return readInt64(x, &exemplar.asInt, error);
                        } },
                    { "spanId", "span_id",
                        [&](const JsonView& x) { return readId(x, "spanId", &exemplar.spanId, problem, error); } },
                    { "traceId", "trace_id",
                        [&](const JsonView& x) { return readId(x, "traceId", &exemplar.traceId, problem, error); } } },
                error);
            out->append(std::move(exemplar));
            return ok;
        },
        error);
}

bool readBuckets(const JsonView& v, ExponentialBuckets* out, DecodeError* error)
{
    return readObject(v,
        { { "offset", "offset", [&](const JsonView& x) { return readInt32(x, &out->offset, error); } },
            { "bucketCounts", "bucket_counts",
                [&](const JsonView& x) { return readUInt64List(x, &out->bucketCounts, error); } } },
        error);
}
} // namespace

void writePoint(JsonWriter& json, const MetricPoint& point)
{
    json.beginObject();
    writeAttributes(json, "attributes", point.attributes);
    writeUInt64(json, "startTimeUnixNano", point.startTimeUnixNano);
    writeUInt64(json, "timeUnixNano", point.timeUnixNano);
    switch (point.type) {
    case MetricPoint::Type::Gauge:
    case MetricPoint::Type::Sum:
        writeNumberValue(json, point.valueKind, point.asInt, point.asDouble);
        break;
    case MetricPoint::Type::Histogram:
        writeUInt64(json, "count", point.count);
        writeOptionalDouble(json, "sum", point.sum);
        writeUInt64List(json, "bucketCounts", point.bucketCounts);
        if (!point.explicitBounds.isEmpty()) {
            json.key("explicitBounds");
            json.beginArray();
            for (double bound : point.explicitBounds)
                json.number(bound);
            json.endArray();
        }
        writeOptionalDouble(json, "min", point.min);
        writeOptionalDouble(json, "max", point.max);
        break;
    case MetricPoint::Type::ExponentialHistogram:
        writeUInt64(json, "count", point.count);
        writeOptionalDouble(json, "sum", point.sum);
        if (point.scale != 0) {
            json.key("scale");
            json.integer(point.scale);
        }
        writeUInt64(json, "zeroCount", point.zeroCount);
        writeBuckets(json, "positive", point.positive);
        writeBuckets(json, "negative", point.negative);
        writeOptionalDouble(json, "min", point.min);
        writeOptionalDouble(json, "max", point.max);
        writeDouble(json, "zeroThreshold", point.zeroThreshold);
        break;
    case MetricPoint::Type::Summary:
        writeUInt64(json, "count", point.count);
        writeDouble(json, "sum", point.sum.value_or(0.0));
        if (!point.quantileValues.isEmpty()) {
            json.key("quantileValues");
            json.beginArray();
            for (const QuantileValue& quantile : point.quantileValues) {
                json.beginObject();
                writeDouble(json, "quantile", quantile.quantile);
                writeDouble(json, "value", quantile.value);
                json.endObject();
            }
            json.endArray();
        }
        break;
    }
    writeExemplars(json, point.exemplars);
    writeUInt32(json, "flags", point.flags);
    json.endObject();
}

bool readPoint(const JsonView& value, MetricPoint* point, QString* problem, DecodeError* error)
{
    // Each point message has its own fields; a name that belongs to another kind of point is
    // unknown here and ignored, as the protobuf decoder ignores unknown field numbers.
    const bool number = point->type == MetricPoint::Type::Gauge || point->type == MetricPoint::Type::Sum;
    const bool histogram = point->type == MetricPoint::Type::Histogram;
    const bool exponential = point->type == MetricPoint::Type::ExponentialHistogram;
    const bool summary = point->type == MetricPoint::Type::Summary;
    return readObject(value,
        {
            { "attributes", "attributes",
                [&](const JsonView& v) { return readAttributes(v, &point->attributes, error); } },
            { "startTimeUnixNano", "start_time_unix_nano",
                [&](const JsonView& v) { return readUInt64(v, &point->startTimeUnixNano, error); } },
            { "timeUnixNano", "time_unix_nano",
                [&](const JsonView& v) { return readUInt64(v, &point->timeUnixNano, error); } },
            { "asDouble", "as_double",
                [&](const JsonView& v) {
                    if (number)
                        point->valueKind = NumberKind::Double;
                    return !number || readDouble(v, &point->asDouble, error);
                } },
            { "asInt", "as_int",
                [&](const JsonView& v) {
                    if (number)
                        point->valueKind = NumberKind::Int;
                    return !number || readInt64(v, &point->asInt, error);
                } },
            { "count", "count", [&](const JsonView& v) { return number || readUInt64(v, &point->count, error); } },
            { "sum", "sum",
                [&](const JsonView& v) {
                    if (number)
                        return true;
                    if (point->type == MetricPoint::Type::Summary) {
                        double sum = 0;
                        if (!readDouble(v, &sum, error))
                            return false;
                        point->sum = sum;
                        return true;
                    }
                    return readOptionalDouble(v, &point->sum, error);
                } },
            { "min", "min",
                [&](const JsonView& v) { return number || summary || readOptionalDouble(v, &point->min, error); } },
            { "max", "max",
                [&](const JsonView& v) { return number || summary || readOptionalDouble(v, &point->max, error); } },
            { "bucketCounts", "bucket_counts",
                [&](const JsonView& v) { return !histogram || readUInt64List(v, &point->bucketCounts, error); } },
            { "explicitBounds", "explicit_bounds",
                [&](const JsonView& v) {
                    return !histogram
                        || readArray(
                            v,
                            [&](const JsonView& element, qsizetype) {
                                double bound = 0;
                                if (!readDouble(element, &bound, error))
                                    return false;
                                point->explicitBounds.append(bound);
                                return true;
                            },
                            error);
                } },
            { "scale", "scale", [&](const JsonView& v) { return !exponential || readInt32(v, &point->scale, error); } },
            { "zeroCount", "zero_count",
                [&](const JsonView& v) { return !exponential || readUInt64(v, &point->zeroCount, error); } },
            { "zeroThreshold", "zero_threshold",
                [&](const JsonView& v) { return !exponential || readDouble(v, &point->zeroThreshold, error); } },
            { "positive", "positive",
                [&](const JsonView& v) { return !exponential || readBuckets(v, &point->positive, error); } },
            { "negative", "negative",
                [&](const JsonView& v) { return !exponential || readBuckets(v, &point->negative, error); } },
            { "quantileValues", "quantile_values",
                [&](const JsonView& v) {
                    return !summary
                        || readArray(
                            v,
                            [&](const JsonView& element, qsizetype) {
                                QuantileValue quantile;
                                const bool ok = readObject(element,
                                    { { "quantile", "quantile",
                                          [&](const JsonView& x) { return readDouble(x, &quantile.quantile, error); } },
                                        { "value", "value",
                                            [&](const JsonView& x) {
                                                return readDouble(x, &quantile.value, error);
                                            } } },
                                    error);
                                point->quantileValues.append(quantile);
                                return ok;
                            },
                            error);
                } },
            { "exemplars", "exemplars",
                [&](const JsonView& v) { return summary || readExemplars(v, &point->exemplars, problem, error); } },
            { "flags", "flags", [&](const JsonView& v) { return readUInt32(v, &point->flags, error); } },
        },
        error);
}

} // namespace OtlpJson
