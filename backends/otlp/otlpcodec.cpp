#include "otlpcodec.h"

#include "otlpjsonlogs.h"
#include "otlpjsonmetrics.h"
#include "otlpjsontraces.h"
#include "otlpprotobuflogs.h"
#include "otlpprotobufmetrics.h"
#include "otlpprotobuftraces.h"

namespace OtlpCodec {

using Otlp::Encoding;

QByteArray encodeTraces(const QList<SpanRecord>& spans, Encoding encoding)
{
    return encoding == Encoding::Protobuf ? OtlpProtobuf::encodeTraces(spans) : OtlpJson::encodeTraces(spans);
}

QByteArray encodeMetrics(const QList<MetricPoint>& points, Encoding encoding)
{
    return encoding == Encoding::Protobuf ? OtlpProtobuf::encodeMetrics(points) : OtlpJson::encodeMetrics(points);
}

QByteArray encodeLogs(const QList<LogRecord>& logs, Encoding encoding)
{
    return encoding == Encoding::Protobuf ? OtlpProtobuf::encodeLogs(logs) : OtlpJson::encodeLogs(logs);
}

DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body, Encoding encoding)
{
    return encoding == Encoding::Protobuf ? OtlpProtobuf::decodeTraces(body) : OtlpJson::decodeTraces(body);
}

DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body, Encoding encoding)
{
    return encoding == Encoding::Protobuf ? OtlpProtobuf::decodeMetrics(body) : OtlpJson::decodeMetrics(body);
}

DecodedBatch<LogRecord> decodeLogs(QByteArrayView body, Encoding encoding)
{
    return encoding == Encoding::Protobuf ? OtlpProtobuf::decodeLogs(body) : OtlpJson::decodeLogs(body);
}

} // namespace OtlpCodec
