#include "otlpprotobufdump.h"

#include "protobufreader.h"

#include <QStringList>

#include <bit>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

/// How a field's value is written. Packed kinds are repeated scalars in one LEN field.
enum class Kind
{
    Message,
    String,
    Bytes, ///< ids: hex
    UInt, ///< varint
    Int, ///< varint, two's complement
    SInt, ///< varint, zigzag
    Bool,
    Fixed64,
    SFixed64,
    Double,
    Fixed32,
    PackedFixed64,
    PackedDouble,
    PackedUInt,
};

/// The OTLP messages, numbered as the table below lists them.
enum Message
{
    TraceRequest,
    MetricsRequest,
    LogsRequest,
    ResourceSpans,
    ResourceMetrics,
    ResourceLogs,
    Resource,
    KeyValue,
    AnyValue,
    ArrayValue,
    KeyValueList,
    Scope,
    ScopeSpans,
    Span,
    SpanEvent,
    SpanLink,
    Status,
    ScopeMetrics,
    Metric,
    Gauge,
    Sum,
    Histogram,
    ExponentialHistogram,
    Summary,
    NumberDataPoint,
    HistogramDataPoint,
    ExponentialHistogramDataPoint,
    Buckets,
    SummaryDataPoint,
    ValueAtQuantile,
    Exemplar,
    ScopeLogs,
    LogRecord,
    MessageCount,
};

struct Field
{
    quint32 number;
    const char* name;
    Kind kind;
    Message message = MessageCount; ///< for Kind::Message
};

struct Schema
{
    const char* name;
    std::initializer_list<Field> fields;
};

// From the opentelemetry-proto v1.11.0 files (reference/wire.md, section 1.5).
const Schema schemas[MessageCount] = {
    { "ExportTraceServiceRequest", { { 1, "resource_spans", Kind::Message, ResourceSpans } } },
    { "ExportMetricsServiceRequest", { { 1, "resource_metrics", Kind::Message, ResourceMetrics } } },
    { "ExportLogsServiceRequest", { { 1, "resource_logs", Kind::Message, ResourceLogs } } },
    { "ResourceSpans",
        { { 1, "resource", Kind::Message, Resource }, { 2, "scope_spans", Kind::Message, ScopeSpans },
            { 3, "schema_url", Kind::String } } },
    { "ResourceMetrics",
        { { 1, "resource", Kind::Message, Resource }, { 2, "scope_metrics", Kind::Message, ScopeMetrics },
            { 3, "schema_url", Kind::String } } },
    { "ResourceLogs",
        { { 1, "resource", Kind::Message, Resource }, { 2, "scope_logs", Kind::Message, ScopeLogs },
            { 3, "schema_url", Kind::String } } },
    { "Resource", { { 1, "attributes", Kind::Message, KeyValue }, { 2, "dropped_attributes_count", Kind::UInt } } },
    { "KeyValue", { { 1, "key", Kind::String }, { 2, "value", Kind::Message, AnyValue } } },
    { "AnyValue",
        { { 1, "string_value", Kind::String }, { 2, "bool_value", Kind::Bool }, { 3, "int_value", Kind::Int },
            { 4, "double_value", Kind::Double }, { 5, "array_value", Kind::Message, ArrayValue },
            { 6, "kvlist_value", Kind::Message, KeyValueList }, { 7, "bytes_value", Kind::Bytes } } },
    { "ArrayValue", { { 1, "values", Kind::Message, AnyValue } } },
    { "KeyValueList", { { 1, "values", Kind::Message, KeyValue } } },
    { "InstrumentationScope",
        { { 1, "name", Kind::String }, { 2, "version", Kind::String }, { 3, "attributes", Kind::Message, KeyValue },
            { 4, "dropped_attributes_count", Kind::UInt } } },
    { "ScopeSpans",
        { { 1, "scope", Kind::Message, Scope }, { 2, "spans", Kind::Message, Span },
            { 3, "schema_url", Kind::String } } },
    { "Span",
        { { 1, "trace_id", Kind::Bytes }, { 2, "span_id", Kind::Bytes }, { 3, "trace_state", Kind::String },
            { 4, "parent_span_id", Kind::Bytes }, { 5, "name", Kind::String }, { 6, "kind", Kind::UInt },
            { 7, "start_time_unix_nano", Kind::Fixed64 }, { 8, "end_time_unix_nano", Kind::Fixed64 },
            { 9, "attributes", Kind::Message, KeyValue }, { 10, "dropped_attributes_count", Kind::UInt },
            { 11, "events", Kind::Message, SpanEvent }, { 12, "dropped_events_count", Kind::UInt },
            { 13, "links", Kind::Message, SpanLink }, { 14, "dropped_links_count", Kind::UInt },
            { 15, "status", Kind::Message, Status }, { 16, "flags", Kind::Fixed32 } } },
    { "Span.Event",
        { { 1, "time_unix_nano", Kind::Fixed64 }, { 2, "name", Kind::String },
            { 3, "attributes", Kind::Message, KeyValue }, { 4, "dropped_attributes_count", Kind::UInt } } },
    { "Span.Link",
        { { 1, "trace_id", Kind::Bytes }, { 2, "span_id", Kind::Bytes }, { 3, "trace_state", Kind::String },
            { 4, "attributes", Kind::Message, KeyValue }, { 5, "dropped_attributes_count", Kind::UInt },
            { 6, "flags", Kind::Fixed32 } } },
    { "Status", { { 2, "message", Kind::String }, { 3, "code", Kind::UInt } } },
    { "ScopeMetrics",
        { { 1, "scope", Kind::Message, Scope }, { 2, "metrics", Kind::Message, Metric },
            { 3, "schema_url", Kind::String } } },
    { "Metric",
        { { 1, "name", Kind::String }, { 2, "description", Kind::String }, { 3, "unit", Kind::String },
            { 5, "gauge", Kind::Message, Gauge }, { 7, "sum", Kind::Message, Sum },
            { 9, "histogram", Kind::Message, Histogram },
            { 10, "exponential_histogram", Kind::Message, ExponentialHistogram },
            { 11, "summary", Kind::Message, Summary }, { 12, "metadata", Kind::Message, KeyValue } } },
    { "Gauge", { { 1, "data_points", Kind::Message, NumberDataPoint } } },
    { "Sum",
        { { 1, "data_points", Kind::Message, NumberDataPoint }, { 2, "aggregation_temporality", Kind::UInt },
            { 3, "is_monotonic", Kind::Bool } } },
    { "Histogram",
        { { 1, "data_points", Kind::Message, HistogramDataPoint }, { 2, "aggregation_temporality", Kind::UInt } } },
    { "ExponentialHistogram",
        { { 1, "data_points", Kind::Message, ExponentialHistogramDataPoint },
            { 2, "aggregation_temporality", Kind::UInt } } },
    { "Summary", { { 1, "data_points", Kind::Message, SummaryDataPoint } } },
    { "NumberDataPoint",
        { { 2, "start_time_unix_nano", Kind::Fixed64 }, { 3, "time_unix_nano", Kind::Fixed64 },
            { 4, "as_double", Kind::Double }, { 5, "exemplars", Kind::Message, Exemplar },
            { 6, "as_int", Kind::SFixed64 }, { 7, "attributes", Kind::Message, KeyValue },
            { 8, "flags", Kind::UInt } } },
    { "HistogramDataPoint",
        { { 2, "start_time_unix_nano", Kind::Fixed64 }, { 3, "time_unix_nano", Kind::Fixed64 },
            { 4, "count", Kind::Fixed64 }, { 5, "sum", Kind::Double }, { 6, "bucket_counts", Kind::PackedFixed64 },
            { 7, "explicit_bounds", Kind::PackedDouble }, { 8, "exemplars", Kind::Message, Exemplar },
            { 9, "attributes", Kind::Message, KeyValue }, { 10, "flags", Kind::UInt }, { 11, "min", Kind::Double },
            { 12, "max", Kind::Double } } },
    { "ExponentialHistogramDataPoint",
        { { 1, "attributes", Kind::Message, KeyValue }, { 2, "start_time_unix_nano", Kind::Fixed64 },
            { 3, "time_unix_nano", Kind::Fixed64 }, { 4, "count", Kind::Fixed64 }, { 5, "sum", Kind::Double },
            { 6, "scale", Kind::SInt }, { 7, "zero_count", Kind::Fixed64 }, { 8, "positive", Kind::Message, Buckets },
            { 9, "negative", Kind::Message, Buckets }, { 10, "flags", Kind::UInt },
            { 11, "exemplars", Kind::Message, Exemplar }, { 12, "min", Kind::Double }, { 13, "max", Kind::Double },
            { 14, "zero_threshold", Kind::Double } } },
    { "Buckets", { { 1, "offset", Kind::SInt }, { 2, "bucket_counts", Kind::PackedUInt } } },
    { "SummaryDataPoint",
        { { 2, "start_time_unix_nano", Kind::Fixed64 }, { 3, "time_unix_nano", Kind::Fixed64 },
            { 4, "count", Kind::Fixed64 }, { 5, "sum", Kind::Double },
            { 6, "quantile_values", Kind::Message, ValueAtQuantile }, { 7, "attributes", Kind::Message, KeyValue },
            { 8, "flags", Kind::UInt } } },
    { "ValueAtQuantile", { { 1, "quantile", Kind::Double }, { 2, "value", Kind::Double } } },
    { "Exemplar",
        { { 2, "time_unix_nano", Kind::Fixed64 }, { 3, "as_double", Kind::Double }, { 4, "span_id", Kind::Bytes },
            { 5, "trace_id", Kind::Bytes }, { 6, "as_int", Kind::SFixed64 },
            { 7, "filtered_attributes", Kind::Message, KeyValue } } },
    { "ScopeLogs",
        { { 1, "scope", Kind::Message, Scope }, { 2, "log_records", Kind::Message, LogRecord },
            { 3, "schema_url", Kind::String } } },
    { "LogRecord",
        { { 1, "time_unix_nano", Kind::Fixed64 }, { 2, "severity_number", Kind::UInt },
            { 3, "severity_text", Kind::String }, { 5, "body", Kind::Message, AnyValue },
            { 6, "attributes", Kind::Message, KeyValue }, { 7, "dropped_attributes_count", Kind::UInt },
            { 8, "flags", Kind::Fixed32 }, { 9, "trace_id", Kind::Bytes }, { 10, "span_id", Kind::Bytes },
            { 11, "observed_time_unix_nano", Kind::Fixed64 }, { 12, "event_name", Kind::String } } },
};

const Field* findField(Message message, quint32 number)
{
    for (const Field& field : schemas[message].fields) {
        if (field.number == number)
            return &field;
    }
    return nullptr;
}

QString quoted(QByteArrayView text)
{
    QString out = u"\""_s;
    for (const QChar c : QString::fromUtf8(text)) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c.unicode() < 0x20)
            out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out + u'"';
}

template<typename T>
T fromBytes(const char* data)
{
    T value;
    std::memcpy(&value, data, sizeof value); // protobuf is little-endian, as every platform we build for
    return value;
}

QString packed(QByteArrayView bytes, Kind kind, bool* ok)
{
    QStringList values;
    if (kind == Kind::PackedUInt) {
        ProtobufReader reader(bytes);
        quint64 value = 0;
        while (reader.offset() < bytes.size() && reader.readVarint(&value))
            values.append(QString::number(value));
        *ok = !reader.hasError();
    } else {
        *ok = bytes.size() % 8 == 0;
        for (qsizetype at = 0; *ok && at < bytes.size(); at += 8) {
            values.append(kind == Kind::PackedDouble ? QString::number(fromBytes<double>(bytes.data() + at), 'g', 17)
                                                     : QString::number(fromBytes<quint64>(bytes.data() + at)));
        }
    }
    return u'[' + values.join(u", "_s) + u']';
}

class Dumper final
{
public:
    QStringList lines;

    /// False when the message does not decode; the error is the last line then.
    bool message(QByteArrayView bytes, qsizetype base, Message type, int depth)
    {
        ProtobufReader reader(bytes, base);
        const QString indent(depth * 2, u' ');
        while (reader.next()) {
            const Field* field = findField(type, reader.field());
            const QString label = field ? u"%1 (%2)"_s.arg(QString::fromLatin1(field->name)).arg(reader.field())
                                        : u"unknown field %1"_s.arg(reader.field());
            if (field && field->kind == Kind::Message && reader.wireType() == ProtobufWire::WireType::Len) {
                QByteArrayView payload;
                qsizetype payloadOffset = 0;
                if (!reader.readBytes(&payload, &payloadOffset))
                    break;
                lines.append(indent + label + u" {"_s);
                if (!message(payload, payloadOffset, field->message, depth + 1))
                    return false;
                lines.append(indent + u'}');
                continue;
            }
            QString value;
            if (!scalar(reader, field ? field->kind : Kind::UInt, &value))
                break;
            lines.append(indent + label + u": "_s + value);
        }
        if (!reader.hasError())
            return true;
        lines.append(u"error: "_s + reader.error());
        return false;
    }

private:
    /// Reads the current field's value as `kind` says, or by its wire type when they disagree.
    static bool scalar(ProtobufReader& reader, Kind kind, QString* value)
    {
        switch (reader.wireType()) {
        case ProtobufWire::WireType::Varint: {
            quint64 raw = 0;
            if (!reader.readVarint(&raw))
                return false;
            if (kind == Kind::Bool)
                *value = raw ? u"true"_s : u"false"_s;
            else if (kind == Kind::Int)
                *value = QString::number(qint64(raw));
            else if (kind == Kind::SInt)
                *value = QString::number(qint64(raw >> 1) ^ -qint64(raw & 1));
            else
                *value = QString::number(raw);
            return true;
        }
        case ProtobufWire::WireType::I64: {
            quint64 raw = 0;
            if (!reader.readFixed64(&raw))
                return false;
            if (kind == Kind::Double)
                *value = QString::number(std::bit_cast<double>(raw), 'g', 17);
            else if (kind == Kind::SFixed64)
                *value = QString::number(qint64(raw));
            else
                *value = QString::number(raw);
            return true;
        }
        case ProtobufWire::WireType::I32: {
            quint32 raw = 0;
            if (!reader.readFixed32(&raw))
                return false;
            *value = u"0x%1"_s.arg(raw, 8, 16, QChar(u'0'));
            return true;
        }
        case ProtobufWire::WireType::Len: {
            QByteArrayView bytes;
            if (!reader.readBytes(&bytes))
                return false;
            if (kind == Kind::String) {
                *value = quoted(bytes);
            } else if (kind == Kind::PackedFixed64 || kind == Kind::PackedDouble || kind == Kind::PackedUInt) {
                bool ok = true;
                *value = packed(bytes, kind, &ok);
                if (!ok)
                    reader.setError(u"a packed field of %1 bytes does not hold whole values"_s.arg(bytes.size()));
                return ok;
            } else {
                *value = u"%1 bytes: %2"_s.arg(bytes.size()).arg(QString::fromLatin1(bytes.toByteArray().toHex()));
            }
            return true;
        }
        case ProtobufWire::WireType::StartGroup:
        case ProtobufWire::WireType::EndGroup:
            break; // refused by next() already
        }
        return false;
    }
};

} // namespace

namespace OtlpProtobufDump {

QString dump(QByteArrayView body, Otlp::Signal signal)
{
    const Message request = signal == Otlp::Signal::Traces ? TraceRequest
        : signal == Otlp::Signal::Metrics                  ? MetricsRequest
                                                           : LogsRequest;
    Dumper dumper;
    dumper.lines.append(u"%1, %2 bytes"_s.arg(QString::fromLatin1(schemas[request].name)).arg(body.size()));
    dumper.message(body, 0, request, 0);
    return dumper.lines.join(u'\n');
}

} // namespace OtlpProtobufDump
