#include "otlpprotobufmetricpoints.h"

#include <QtEndian>

#include <bit>
#include <cstring>

using namespace Qt::StringLiterals;
using ProtobufWire::WireType;

namespace OtlpProtobuf {
namespace {

/// Repeated fixed64/double fields arrive packed (one LEN field) or, from old writers, one by one.
template<typename T>
bool readRepeatedFixed64(ProtobufReader& reader, const char* name, QList<T>* values, DecodeError* error)
{
    if (reader.wireType() == WireType::I64) {
        quint64 bits = 0;
        if (!readFixed64Field(reader, name, &bits, error))
            return false;
        values->append(std::bit_cast<T>(bits));
        return true;
    }
    Payload packed;
    if (!readPayload(reader, name, &packed, error))
        return false;
    if (packed.bytes.size() % 8 != 0) {
        error->set(u"packed length %1 at byte %2 is not a multiple of 8"_s.arg(packed.bytes.size()).arg(packed.offset),
            QString::fromLatin1(name));
        return false;
    }
    const qsizetype count = packed.bytes.size() / 8;
    values->reserve(values->size() + count);
    for (qsizetype i = 0; i < count; ++i) {
        quint64 little;
        std::memcpy(&little, packed.bytes.data() + i * 8, 8);
        values->append(std::bit_cast<T>(qFromLittleEndian(little)));
    }
    return true;
}

bool readRepeatedVarint(ProtobufReader& reader, const char* name, QList<quint64>* values, DecodeError* error)
{
    if (reader.wireType() == WireType::Varint) {
        quint64 value = 0;
        if (!readVarintField(reader, name, &value, error))
            return false;
        values->append(value);
        return true;
    }
    Payload packed;
    if (!readPayload(reader, name, &packed, error))
        return false;
    ProtobufReader items(packed.bytes, packed.offset);
    while (items.offset() - packed.offset < packed.bytes.size()) {
        quint64 value = 0;
        if (!items.readVarint(&value))
            return finish(items, error) || error->within(QString::fromLatin1(name));
        values->append(value);
    }
    return true;
}

bool readOptionalDouble(ProtobufReader& reader, const char* name, std::optional<double>* value, DecodeError* error)
{
    double number = 0;
    if (!readDoubleField(reader, name, &number, error))
        return false;
    *value = number;
    return true;
}

bool readExemplar(Payload payload, Exemplar* exemplar, QString* problem, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 bits = 0;
        bool ok = true;
        switch (reader.field()) {
        case 2:
            ok = readFixed64Field(reader, "time_unix_nano", &exemplar->timeUnixNano, error);
            break;
        case 3:
            ok = readDoubleField(reader, "as_double", &exemplar->asDouble, error);
            exemplar->valueKind = NumberKind::Double;
            break;
        case 4:
            ok = readId(reader, "span_id", &exemplar->spanId, problem, error);
            break;
        case 5:
            ok = readId(reader, "trace_id", &exemplar->traceId, problem, error);
            break;
        case 6:
            ok = readFixed64Field(reader, "as_int", &bits, error);
            exemplar->asInt = static_cast<qint64>(bits);
            exemplar->valueKind = NumberKind::Int;
            break;
        case 7:
            ok = readAttribute(reader, "filtered_attributes", &exemplar->filteredAttributes, error);
            break;
        default:
            ok = skipField(reader, error);
        }
        if (!ok)
            return false;
    }
    return finish(reader, error);
}

bool readExemplarField(ProtobufReader& reader, QList<Exemplar>* exemplars, QString* problem, DecodeError* error)
{
    Payload payload;
    Exemplar exemplar;
    if (!readPayload(reader, "exemplars", &payload, error) || !readExemplar(payload, &exemplar, problem, error))
        return error->within(u"exemplars[%1]"_s.arg(exemplars->size()));
    exemplars->append(std::move(exemplar));
    return true;
}

bool readBuckets(ProtobufReader& outer, const char* name, ExponentialBuckets* buckets, DecodeError* error)
{
    Payload payload;
    if (!readPayload(outer, name, &payload, error))
        return false;
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 value = 0;
        bool ok = true;
        if (reader.field() == 1) {
            ok = readVarintField(reader, "offset", &value, error);
            buckets->offset = ProtobufWire::unzigzag32(value);
        } else if (reader.field() == 2) {
            ok = readRepeatedVarint(reader, "bucket_counts", &buckets->bucketCounts, error);
        } else {
            ok = skipField(reader, error);
        }
        if (!ok)
            return error->within(QString::fromLatin1(name));
    }
    return finish(reader, error) || error->within(QString::fromLatin1(name));
}

/// Fields the four point messages share, under their per-message field numbers.
bool readCommonPointField(
    ProtobufReader& reader, quint32 attributesField, MetricPoint* point, bool* handled, DecodeError* error)
{
    *handled = true;
    if (reader.field() == attributesField)
        return readAttribute(reader, "attributes", &point->attributes, error);
    switch (reader.field()) {
    case 2:
        return readFixed64Field(reader, "start_time_unix_nano", &point->startTimeUnixNano, error);
    case 3:
        return readFixed64Field(reader, "time_unix_nano", &point->timeUnixNano, error);
    default:
        *handled = false;
        return true;
    }
}

bool readPoint(Payload payload, MetricPoint* point, QString* problem, DecodeError* error)
{
    static constexpr quint32 attributesField[] = { 7, 7, 9, 1, 7 }; // by MetricPoint::Type
    const auto type = point->type;
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        bool handled = false;
        if (!readCommonPointField(reader, attributesField[static_cast<int>(type)], point, &handled, error))
            return false;
        if (handled)
            continue;
        const quint32 field = reader.field();
        quint64 value = 0;
        bool ok = true;
        if (type == MetricPoint::Type::Gauge || type == MetricPoint::Type::Sum) {
            if (field == 4) {
                ok = readDoubleField(reader, "as_double", &point->asDouble, error);
                point->valueKind = NumberKind::Double;
            } else if (field == 6) {
                ok = readFixed64Field(reader, "as_int", &value, error);
                point->asInt = static_cast<qint64>(value);
                point->valueKind = NumberKind::Int;
            } else if (field == 5) {
                ok = readExemplarField(reader, &point->exemplars, problem, error);
            } else if (field == 8) {
                ok = readVarintField(reader, "flags", &value, error);
                point->flags = static_cast<quint32>(value);
            } else {
                ok = skipField(reader, error);
            }
        } else if (type == MetricPoint::Type::Histogram) {
            switch (field) {
            case 4:
                ok = readFixed64Field(reader, "count", &point->count, error);
                break;
            case 5:
                ok = readOptionalDouble(reader, "sum", &point->sum, error);
                break;
            case 6:
                ok = readRepeatedFixed64(reader, "bucket_counts", &point->bucketCounts, error);
                break;
            case 7:
                ok = readRepeatedFixed64(reader, "explicit_bounds", &point->explicitBounds, error);
                break;
            case 8:
                ok = readExemplarField(reader, &point->exemplars, problem, error);
                break;
            case 10:
                ok = readVarintField(reader, "flags", &value, error);
                point->flags = static_cast<quint32>(value);
                break;
            case 11:
                ok = readOptionalDouble(reader, "min", &point->min, error);
                break;
            case 12:
                ok = readOptionalDouble(reader, "max", &point->max, error);
                break;
            default:
                ok = skipField(reader, error);
            }
        } else if (type == MetricPoint::Type::ExponentialHistogram) {
            switch (field) {
            case 4:
                ok = readFixed64Field(reader, "count", &point->count, error);
                break;
            case 5:
                ok = readOptionalDouble(reader, "sum", &point->sum, error);
                break;
            case 6:
                ok = readVarintField(reader, "scale", &value, error);
                point->scale = ProtobufWire::unzigzag32(value);
                break;
            case 7:
                ok = readFixed64Field(reader, "zero_count", &point->zeroCount, error);
                break;
            case 8:
                ok = readBuckets(reader, "positive", &point->positive, error);
                break;
            case 9:
                ok = readBuckets(reader, "negative", &point->negative, error);
                break;
            case 10:
                ok = readVarintField(reader, "flags", &value, error);
                point->flags = static_cast<quint32>(value);
                break;
            case 11:
                ok = readExemplarField(reader, &point->exemplars, problem, error);
                break;
            case 12:
                ok = readOptionalDouble(reader, "min", &point->min, error);
                break;
            case 13:
                ok = readOptionalDouble(reader, "max", &point->max, error);
                break;
            case 14:
                ok = readDoubleField(reader, "zero_threshold", &point->zeroThreshold, error);
                break;
            default:
                ok = skipField(reader, error);
            }
        } else {
            switch (field) {
            case 4:
                ok = readFixed64Field(reader, "count", &point->count, error);
                break;
            case 5: {
                double sum = 0;
                ok = readDoubleField(reader, "sum", &sum, error);
                point->sum = sum;
                break;
            }
            case 6: {
                Payload quantilePayload;
                ok = readPayload(reader, "quantile_values", &quantilePayload, error);
                QuantileValue quantile;
                ProtobufReader quantileReader(quantilePayload.bytes, quantilePayload.offset);
                while (ok && quantileReader.next()) {
                    if (quantileReader.field() == 1)
                        ok = readDoubleField(quantileReader, "quantile", &quantile.quantile, error);
                    else if (quantileReader.field() == 2)
                        ok = readDoubleField(quantileReader, "value", &quantile.value, error);
                    else
                        ok = skipField(quantileReader, error);
                }
                ok = ok && finish(quantileReader, error);
                if (!ok)
                    return error->within(u"quantile_values[%1]"_s.arg(point->quantileValues.size()));
                point->quantileValues.append(quantile);
                break;
            }
            case 8:
                ok = readVarintField(reader, "flags", &value, error);
                point->flags = static_cast<quint32>(value);
                break;
            default:
                ok = skipField(reader, error);
            }
        }
        if (!ok)
            return false;
    }
    return finish(reader, error);
}
} // namespace

bool readMetricData(Payload data, const MetricPoint& descriptor, const ItemPosition& position,
    DecodedBatch<MetricPoint>& batch, DecodeError* error)
{
    MetricPoint metric = descriptor;
    QList<Payload> points;
    ProtobufReader reader(data.bytes, data.offset);
    while (reader.next()) {
        quint64 value = 0;
        bool ok = true;
        if (reader.field() == 1) {
            Payload point;
            ok = readPayload(reader, "data_points", &point, error);
            points.append(point);
        } else if (reader.field() == 2 && metric.type != MetricPoint::Type::Gauge
            && metric.type != MetricPoint::Type::Summary) {
            ok = readVarintField(reader, "aggregation_temporality", &value, error);
            metric.temporality = static_cast<Otlp::AggregationTemporality>(static_cast<qint32>(value));
        } else if (reader.field() == 3 && metric.type == MetricPoint::Type::Sum) {
            ok = readVarintField(reader, "is_monotonic", &value, error);
            metric.isMonotonic = value != 0;
        } else {
            ok = skipField(reader, error);
        }
        if (!ok)
            return false;
    }
    if (!finish(reader, error))
        return false;
    if (metric.type == MetricPoint::Type::Summary)
        metric.sum = 0.0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        MetricPoint point = metric;
        QString problem;
        if (!readPoint(points.at(i), &point, &problem, error))
            return error->within(u"data_points[%1]"_s.arg(i));
        if (!problem.isEmpty()) {
            batch.reject(position.path() + u".data_points[%1]: "_s.arg(i) + problem);
            continue;
        }
        batch.records.append(std::move(point));
    }
    return true;
}

} // namespace OtlpProtobuf
