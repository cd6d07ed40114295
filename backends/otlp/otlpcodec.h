#pragma once

#include "decodedbatch.h"
#include "otlpencoding.h"
#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QByteArray>

/// One door to the OTLP codecs: Export*ServiceRequest bodies in either encoding, from records and
/// back. decode(encode(records)) == records, field for field, in both encodings.
namespace OtlpCodec {

QByteArray encodeTraces(const QList<SpanRecord>& spans, Otlp::Encoding encoding);
QByteArray encodeMetrics(const QList<MetricPoint>& points, Otlp::Encoding encoding);
QByteArray encodeLogs(const QList<LogRecord>& logs, Otlp::Encoding encoding);

DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body, Otlp::Encoding encoding);
DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body, Otlp::Encoding encoding);
DecodedBatch<LogRecord> decodeLogs(QByteArrayView body, Otlp::Encoding encoding);

} // namespace OtlpCodec
