#include "otlpexportresponse.h"

#include "common/jsonreader.h"
#include "common/jsonwriter.h"
#include "otlpjsoncommon.h"
#include "otlpprotobufcommon.h"
#include "protobufwriter.h"

using namespace Qt::StringLiterals;

namespace {
const char* rejectedName(Otlp::Signal signal, bool camel)
{
    switch (signal) {
    case Otlp::Signal::Traces:
        return camel ? "rejectedSpans" : "rejected_spans";
    case Otlp::Signal::Metrics:
        return camel ? "rejectedDataPoints" : "rejected_data_points";
    case Otlp::Signal::Logs:
        break;
    }
    return camel ? "rejectedLogRecords" : "rejected_log_records";
}
} // namespace

QByteArray OtlpExportResponse::encode(Otlp::Signal signal, Otlp::Encoding encoding) const
{
    if (encoding == Otlp::Encoding::Protobuf) {
        return encodeProtobuf([&](auto& out) {
            if (!partialSuccess)
                return;
            out.message(1, [&](auto& inner) {
                inner.varint(1, static_cast<quint64>(rejected));
                inner.bytes(2, errorMessage);
            });
        });
    }
    QByteArray body;
    JsonWriter json(body);
    json.beginObject();
    if (partialSuccess) {
        json.key("partialSuccess");
        json.beginObject();
        if (rejected != 0) {
            json.key(rejectedName(signal, true));
            json.integerAsString(rejected);
        }
        OtlpJson::writeString(json, "errorMessage", errorMessage);
        json.endObject();
    }
    json.endObject();
    return body;
}

bool OtlpExportResponse::decode(
    Otlp::Signal signal, Otlp::Encoding encoding, QByteArrayView body, OtlpExportResponse* response, QString* error)
{
    *response = {};
    DecodeError problem;
    if (encoding == Otlp::Encoding::Protobuf) {
        ProtobufReader reader(body, 0);
        while (reader.next()) {
            if (reader.field() != 1) {
                if (!OtlpProtobuf::skipField(reader, &problem))
                    break;
                continue;
            }
            OtlpProtobuf::Payload payload;
            if (!OtlpProtobuf::readPayload(reader, "partial_success", &payload, &problem))
                break;
            response->partialSuccess = true;
            ProtobufReader inner(payload.bytes, payload.offset);
            while (inner.next()) {
                quint64 number = 0;
                const bool ok = inner.field() == 1
                    ? OtlpProtobuf::readVarintField(inner, rejectedName(signal, false), &number, &problem)
                    : inner.field() == 2
                    ? OtlpProtobuf::readString(inner, "error_message", &response->errorMessage, &problem)
                    : OtlpProtobuf::skipField(inner, &problem);
                if (!ok)
                    break;
                if (inner.field() == 1)
                    response->rejected = static_cast<qint64>(number);
            }
            if (!problem.isSet())
                OtlpProtobuf::finish(inner, &problem);
        }
        if (!problem.isSet())
            OtlpProtobuf::finish(reader, &problem);
    } else {
        JsonReader reader;
        if (!reader.validate(body)) {
            *error = reader.error();
            return false;
        }
        OtlpJson::readObject(JsonView::root(body),
            { { "partialSuccess", "partial_success",
                [&](const JsonView& v) {
                    response->partialSuccess = !v.isNull();
                    return OtlpJson::readObject(v,
                        { { rejectedName(signal, true), rejectedName(signal, false),
                              [&](const JsonView& x) {
                                  return OtlpJson::readInt64(x, &response->rejected, &problem);
                              } },
                            { "errorMessage", "error_message",
                                [&](const JsonView& x) {
                                    return OtlpJson::readString(x, &response->errorMessage, &problem);
                                } } },
                        &problem);
                } } },
            &problem);
    }
    if (problem.isSet()) {
        *error = problem.toString();
        return false;
    }
    return true;
}

QByteArray OtlpStatus::encode(Otlp::Encoding encoding) const
{
    if (encoding == Otlp::Encoding::Protobuf) {
        return encodeProtobuf([&](auto& out) {
            out.varint(1, static_cast<quint64>(static_cast<qint64>(code)));
            out.bytes(2, message);
        });
    }
    QByteArray body;
    JsonWriter json(body);
    json.beginObject();
    if (code != 0) {
        json.key("code");
        json.integer(code);
    }
    OtlpJson::writeString(json, "message", message);
    json.endObject();
    return body;
}

bool OtlpStatus::decode(Otlp::Encoding encoding, QByteArrayView body, OtlpStatus* status, QString* error)
{
    *status = {};
    DecodeError problem;
    if (encoding == Otlp::Encoding::Protobuf) {
        ProtobufReader reader(body, 0);
        while (reader.next()) {
            quint64 number = 0;
            const bool ok = reader.field() == 1 ? OtlpProtobuf::readVarintField(reader, "code", &number, &problem)
                : reader.field() == 2 ? OtlpProtobuf::readString(reader, "message", &status->message, &problem)
                                      : OtlpProtobuf::skipField(reader, &problem);
            if (!ok)
                break;
            if (reader.field() == 1)
                status->code = static_cast<qint32>(number);
        }
        if (!problem.isSet())
            OtlpProtobuf::finish(reader, &problem);
    } else {
        JsonReader reader;
        if (!reader.validate(body)) {
            *error = reader.error();
            return false;
        }
        OtlpJson::readObject(JsonView::root(body),
            { { "code", "code", [&](const JsonView& v) { return OtlpJson::readInt32(v, &status->code, &problem); } },
                { "message", "message",
                    [&](const JsonView& v) { return OtlpJson::readString(v, &status->message, &problem); } } },
            &problem);
    }
    if (problem.isSet()) {
        *error = problem.toString();
        return false;
    }
    return true;
}
