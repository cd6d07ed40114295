#pragma once

#include "decodedbatch.h"
#include "telemetry/logrecord.h"

#include <QByteArray>

class JsonView;

/// ExportLogsServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeLogs(const QList<LogRecord>& logs);
DecodedBatch<LogRecord> decodeLogs(QByteArrayView body);
/// The value of a validated text's "resourceLogs" (or its snake_case twin), for a caller that walks the
/// root itself; messages as decodeLogs gives them.
DecodedBatch<LogRecord> decodeLogList(const JsonView& resourceLogs);
} // namespace OtlpJson
