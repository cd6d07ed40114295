#include "otlpprotobuflogs.h"

#include "otlpprotobufenvelope.h"
#include "protobufwriter.h"

using namespace Qt::StringLiterals;

namespace OtlpProtobuf {
namespace {
const EnvelopeNames logNames { "resource_logs", "scope_logs", "log_records" };

template<typename Out>
void writeLog(Out& out, const LogRecord& log)
{
    out.fixed64(1, log.timeUnixNano);
    out.varint(2, static_cast<quint64>(static_cast<qint64>(log.severityNumber)));
    out.bytes(3, log.severityText);
    if (!log.body.isEmpty())
        out.message(5, [&](auto& inner) { writeAnyValue(inner, log.body); });
    writeAttributes(out, 6, log.attributes);
    out.varint(7, log.droppedAttributesCount);
    out.fixed32(8, log.flags);
    out.bytes(9, log.traceId.bytes());
    out.bytes(10, log.spanId.bytes());
    out.fixed64(11, log.observedTimeUnixNano);
    out.bytes(12, log.eventName);
}

bool readLog(Payload payload, LogRecord* log, QString* problem, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 number = 0;
        Payload nested;
        switch (reader.field()) {
        case 1:
            if (!readFixed64Field(reader, "time_unix_nano", &log->timeUnixNano, error))
                return false;
            break;
        case 2:
            if (!readVarintField(reader, "severity_number", &number, error))
                return false;
            log->severityNumber = static_cast<qint32>(number);
            break;
        case 3:
            if (!readString(reader, "severity_text", &log->severityText, error))
                return false;
            break;
        case 5:
            if (!readPayload(reader, "body", &nested, error) || !readAnyValue(nested, 0, &log->body, error))
                return error->within(u"body"_s);
            break;
        case 6:
            if (!readAttribute(reader, "attributes", &log->attributes, error))
                return false;
            break;
        case 7:
            if (!readVarintField(reader, "dropped_attributes_count", &number, error))
                return false;
            log->droppedAttributesCount = static_cast<quint32>(number);
            break;
        case 8:
            if (!readFixed32Field(reader, "flags", &log->flags, error))
                return false;
            break;
        case 9:
            if (!readId(reader, "trace_id", &log->traceId, problem, error))
                return false;
            break;
        case 10:
            if (!readId(reader, "span_id", &log->spanId, problem, error))
                return false;
            break;
        case 11:
            if (!readFixed64Field(reader, "observed_time_unix_nano", &log->observedTimeUnixNano, error))
                return false;
            break;
        case 12:
            if (!readString(reader, "event_name", &log->eventName, error))
                return false;
            break;
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    if (!finish(reader, error))
        return false;
    // logs.proto: a receiver treats an invalid (all-zero) id as "not tied to a trace".
    if (log->traceId.isPresent() && log->traceId.isAllZero())
        log->traceId = TraceId();
    if (log->spanId.isPresent() && log->spanId.isAllZero())
        log->spanId = SpanId();
    return true;
}
} // namespace

QByteArray encodeLogs(const QList<LogRecord>& logs)
{
    return encodeProtobuf([&](auto& out) {
        writeEnvelopes(out, logs, [&](auto& scopeOut, qsizetype first, qsizetype last) {
            for (qsizetype i = first; i < last; ++i)
                scopeOut.message(2, [&](auto& inner) { writeLog(inner, logs.at(i)); });
        });
    });
}

DecodedBatch<LogRecord> decodeLogs(QByteArrayView body)
{
    return decodeEnvelopes<LogRecord>(body, logNames,
        [](Payload payload, const ResourcePtr& resource, const ScopePtr& scope, const ItemPosition& position,
            DecodedBatch<LogRecord>& batch, DecodeError* error) {
            LogRecord log;
            QString problem;
            if (!readLog(payload, &log, &problem, error))
                return false;
            if (!problem.isEmpty()) {
                batch.reject(position.path() + u": "_s + problem);
                return true;
            }
            log.resource = resource;
            log.scope = scope;
            batch.records.append(std::move(log));
            return true;
        });
}

} // namespace OtlpProtobuf
