#pragma once

#include "decodedbatch.h"
#include "telemetry/logrecord.h"

#include <QByteArray>

/// ExportLogsServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeLogs(const QList<LogRecord>& logs);
/// `textValidated`: the caller has run JsonReader::validate() on `body` (a capture reader that
/// looked at the line first); it is not checked twice.
DecodedBatch<LogRecord> decodeLogs(QByteArrayView body, bool textValidated = false);
} // namespace OtlpJson
