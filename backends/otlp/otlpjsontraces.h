#pragma once

#include "decodedbatch.h"
#include "telemetry/spanrecord.h"

#include <QByteArray>

class JsonView;

/// ExportTraceServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeTraces(const QList<SpanRecord>& spans);
/// `textValidated`: the caller has run JsonReader::validate() on `body` (a capture reader that
/// looked at the line first); it is not checked twice.
DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body, bool textValidated = false);
/// The value of a validated text's "resourceSpans" (or its snake_case twin), for a caller that walks the
/// root itself; messages as decodeTraces gives them.
DecodedBatch<SpanRecord> decodeTraceList(const JsonView& resourceSpans);
} // namespace OtlpJson
