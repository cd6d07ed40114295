#pragma once

#include "decodedbatch.h"
#include "telemetry/spanrecord.h"

#include <QByteArray>

/// ExportTraceServiceRequest in protobuf (trace.proto, trace_service.proto).
namespace OtlpProtobuf {
QByteArray encodeTraces(const QList<SpanRecord>& spans);
DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body);
} // namespace OtlpProtobuf
