#pragma once

#include "decodedbatch.h"
#include "telemetry/logrecord.h"

#include <QByteArray>

/// ExportLogsServiceRequest in protobuf (logs.proto, logs_service.proto).
namespace OtlpProtobuf {
QByteArray encodeLogs(const QList<LogRecord>& logs);
DecodedBatch<LogRecord> decodeLogs(QByteArrayView body);
} // namespace OtlpProtobuf
