#pragma once

#include "decodedbatch.h"
#include "telemetry/logrecord.h"

#include <QByteArray>

class JsonView;

/// ExportLogsServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeLogs(const QList<LogRecord>& logs);
/// `textValidated`: the caller has run JsonReader::validate() on `body` (a capture reader that
/// looked at the line first); it is not checked twice.
DecodedBatch<LogRecord> decodeLogs(QByteArrayView body, bool textValidated = false);
/// The value of a validated text's "resourceLogs" (or its snake_case twin), for a caller that walks the
/// root itself; messages as decodeLogs gives them.
DecodedBatch<LogRecord> decodeLogList(const JsonView& resourceLogs);
} // namespace OtlpJson
