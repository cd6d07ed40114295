#pragma once

#include "decodedbatch.h"
#include "telemetry/spanrecord.h"

#include <QByteArray>

/// ExportTraceServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeTraces(const QList<SpanRecord>& spans);
DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body);
} // namespace OtlpJson
