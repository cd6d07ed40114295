#pragma once

#include "decodedbatch.h"
#include "telemetry/spanrecord.h"

#include <QByteArray>

/// ExportTraceServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeTraces(const QList<SpanRecord>& spans);
/// `textValidated`: the caller has run JsonReader::validate() on `body` (a capture reader that
/// looked at the line first); it is not checked twice.
DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body, bool textValidated = false);
} // namespace OtlpJson
