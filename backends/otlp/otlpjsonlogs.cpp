#include "otlpjsonlogs.h"

#include "otlpjsonenvelope.h"
#include "telemetry/telemetryenums.h"

using namespace Qt::StringLiterals;

namespace OtlpJson {
namespace {
const EnvelopeNames logNames { "resourceLogs", "resource_logs", "scopeLogs", "scope_logs", "logRecords",
    "log_records" };

void writeLog(JsonWriter& json, const LogRecord& log)
{
    json.beginObject();
    writeUInt64(json, "timeUnixNano", log.timeUnixNano);
    writeUInt64(json, "observedTimeUnixNano", log.observedTimeUnixNano);
    if (log.severityNumber != 0) {
        json.key("severityNumber");
        json.integer(log.severityNumber);
    }
    writeString(json, "severityText", log.severityText);
    if (!log.body.isEmpty()) {
        json.key("body");
        writeAnyValue(json, log.body);
    }
    writeAttributes(json, "attributes", log.attributes);
    writeUInt32(json, "droppedAttributesCount", log.droppedAttributesCount);
    writeUInt32(json, "flags", log.flags);
    writeId(json, "traceId", log.traceId);
    writeId(json, "spanId", log.spanId);
    writeString(json, "eventName", log.eventName);
    json.endObject();
}

bool readLog(const JsonView& value, LogRecord* log, QString* problem, DecodeError* error)
{
    const bool ok = readObject(value,
        {
            { "timeUnixNano", "time_unix_nano",
                [&](const JsonView& v) { return readUInt64(v, &log->timeUnixNano, error); } },
            { "observedTimeUnixNano", "observed_time_unix_nano",
                [&](const JsonView& v) { return readUInt64(v, &log->observedTimeUnixNano, error); } },
            { "severityNumber", "severity_number",
                [&](const JsonView& v) { return readEnum(v, Otlp::severityFromName, &log->severityNumber, error); } },
            { "severityText", "severity_text",
                [&](const JsonView& v) { return readString(v, &log->severityText, error); } },
            { "body", "body", [&](const JsonView& v) { return readAnyValue(v, 0, &log->body, error); } },
            { "attributes", "attributes",
                [&](const JsonView& v) { return readAttributes(v, &log->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonView& v) { return readUInt32(v, &log->droppedAttributesCount, error); } },
            { "flags", "flags", [&](const JsonView& v) { return readUInt32(v, &log->flags, error); } },
            { "traceId", "trace_id",
                [&](const JsonView& v) { return readId(v, "traceId", &log->traceId, problem, error); } },
            { "spanId", "span_id",
                [&](const JsonView& v) { return readId(v, "spanId", &log->spanId, problem, error); } },
            { "eventName", "event_name", [&](const JsonView& v) { return readString(v, &log->eventName, error); } },
        },
        error);
    if (!ok)
        return false;
    if (log->traceId.isPresent() && log->traceId.isAllZero())
        log->traceId = TraceId();
    if (log->spanId.isPresent() && log->spanId.isAllZero())
        log->spanId = SpanId();
    return true;
}

bool decodeLogItem(const JsonView& item, const ResourcePtr& resource, const ScopePtr& scope,
    const ItemPosition& position, DecodedBatch<LogRecord>& batch, DecodeError* error)
{
    LogRecord log;
    QString problem;
    if (!readLog(item, &log, &problem, error))
        return false;
    if (!problem.isEmpty()) {
        batch.reject(position.path() + u": "_s + problem);
        return true;
    }
    log.resource = resource;
    log.scope = scope;
    batch.records.append(std::move(log));
    return true;
}
} // namespace

QByteArray encodeLogs(const QList<LogRecord>& logs)
{
    return writeEnvelopes(logs, logNames, 500, [&](JsonWriter& json, qsizetype first, qsizetype last) {
        for (qsizetype i = first; i < last; ++i)
            writeLog(json, logs.at(i));
    });
}

DecodedBatch<LogRecord> decodeLogs(QByteArrayView body)
{
    return decodeEnvelopes<LogRecord>(body, logNames, decodeLogItem);
}

DecodedBatch<LogRecord> decodeLogList(const JsonView& resourceLogs)
{
    return decodeEnvelopeList<LogRecord>(resourceLogs, logNames, decodeLogItem);
}

} // namespace OtlpJson
