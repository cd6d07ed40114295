#pragma once

#include "decodedbatch.h"
#include "telemetry/spanrecord.h"

#include <QByteArray>

class JsonView;

/// ExportTraceServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeTraces(const QList<SpanRecord>& spans);
DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body);
/// The value of a validated text's "resourceSpans" (or its snake_case twin), for a caller that walks the
/// root itself; messages as decodeTraces gives them.
DecodedBatch<SpanRecord> decodeTraceList(const JsonView& resourceSpans);
} // namespace OtlpJson
