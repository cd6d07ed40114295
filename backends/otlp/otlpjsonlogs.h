#pragma once

#include "decodedbatch.h"
#include "telemetry/logrecord.h"

#include <QByteArray>

/// ExportLogsServiceRequest in OTLP/JSON.
namespace OtlpJson {
QByteArray encodeLogs(const QList<LogRecord>& logs);
DecodedBatch<LogRecord> decodeLogs(QByteArrayView body);
} // namespace OtlpJson
