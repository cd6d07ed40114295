#pragma once

#include "decodeerror.h"
#include "protobufreader.h"
#include "telemetry/attributevalue.h"
#include "telemetry/binaryid.h"
#include "telemetry/instrumentationscope.h"
#include "telemetry/resource.h"

/// The OTLP messages every signal shares (common.proto, resource.proto): AnyValue, KeyValue,
/// InstrumentationScope, Resource. Writers are templates over ProtobufSizer/ProtobufWriter;
/// readers check every field's wire type and UTF-8.
namespace OtlpProtobuf {

/// AnyValue arrays and lists may nest; deeper than this is refused (stack and abuse guard).
inline constexpr int maxAnyValueDepth = 64;

template<typename Out>
void writeAnyValue(Out& out, const AttributeValue& value);

template<typename Out>
void writeKeyValue(Out& out, const KeyValue& entry)
{
    out.bytes(1, entry.key);
    out.message(2, [&](auto& inner) { writeAnyValue(inner, entry.value); });
}

template<typename Out>
void writeAttributes(Out& out, quint32 field, const Attributes& attributes)
{
    for (const KeyValue& entry : attributes)
        out.message(field, [&](auto& inner) { writeKeyValue(inner, entry); });
}

template<typename Out>
void writeAnyValue(Out& out, const AttributeValue& value)
{
    // A oneof: the selected member is written even when it holds its default ("" or 0 or false),
    // which is what tells {stringValue:""} from an empty AnyValue.
    switch (value.type()) {
    case AttributeValue::Type::Empty:
        break;
    case AttributeValue::Type::String:
        out.bytesAlways(1, value.stringUtf8());
        break;
    case AttributeValue::Type::Bool:
        out.varintAlways(2, value.toBool() ? 1 : 0);
        break;
    case AttributeValue::Type::Int:
        out.varintAlways(3, static_cast<quint64>(value.toInt()));
        break;
    case AttributeValue::Type::Double:
        out.doubleAlways(4, value.toDouble());
        break;
    case AttributeValue::Type::Array:
        out.message(5, [&](auto& list) {
            for (const AttributeValue& item : value.array())
                list.message(1, [&](auto& inner) { writeAnyValue(inner, item); });
        });
        break;
    case AttributeValue::Type::KeyValueList:
        out.message(6, [&](auto& list) { writeAttributes(list, 1, value.keyValueList()); });
        break;
    case AttributeValue::Type::Bytes:
        out.bytesAlways(7, value.bytes());
        break;
    }
}

template<typename Out>
void writeResource(Out& out, const Resource& resource)
{
    writeAttributes(out, 1, resource.attributes);
    out.varint(2, resource.droppedAttributesCount);
}

template<typename Out>
void writeScope(Out& out, const InstrumentationScope& scope)
{
    out.bytes(1, scope.name);
    out.bytes(2, scope.version);
    writeAttributes(out, 3, scope.attributes);
    out.varint(4, scope.droppedAttributesCount);
}

/// A field's payload with its absolute offset, as the readers below take it.
struct Payload
{
    QByteArrayView bytes;
    qsizetype offset = 0;
};

bool readAnyValue(Payload payload, int depth, AttributeValue* value, DecodeError* error);
bool readKeyValue(Payload payload, int depth, KeyValue* entry, DecodeError* error);
bool readResource(Payload payload, Resource* resource, DecodeError* error);
bool readScope(Payload payload, InstrumentationScope* scope, DecodeError* error);

/// Reads one KeyValue field and appends it to `attributes`.
bool readAttribute(ProtobufReader& reader, const char* name, Attributes* attributes, DecodeError* error);
/// Reads a string field: length-delimited and valid UTF-8.
bool readString(ProtobufReader& reader, const char* name, QByteArray* value, DecodeError* error);
/// Reads a length-delimited field's payload (for nested messages and bytes).
bool readPayload(ProtobufReader& reader, const char* name, Payload* payload, DecodeError* error);
bool readVarintField(ProtobufReader& reader, const char* name, quint64* value, DecodeError* error);
bool readFixed64Field(ProtobufReader& reader, const char* name, quint64* value, DecodeError* error);
bool readFixed32Field(ProtobufReader& reader, const char* name, quint32* value, DecodeError* error);
bool readDoubleField(ProtobufReader& reader, const char* name, double* value, DecodeError* error);
/// Skips an unknown field (proto3: unknown fields are ignored, never fatal).
bool skipField(ProtobufReader& reader, DecodeError* error);
/// Turns the reader's structural error (if any) into `error`; false when there was one.
bool finish(const ProtobufReader& reader, DecodeError* error);

/// Reads a trace or span id field; `problem` gets a description when the bytes are not an id.
template<int Size>
bool readId(ProtobufReader& reader, const char* name, BinaryId<Size>* id, QString* problem, DecodeError* error)
{
    Payload payload;
    if (!readPayload(reader, name, &payload, error))
        return false;
    if (!BinaryId<Size>::fromBytes(payload.bytes, id))
        *problem = QStringLiteral("%1 has %2 bytes at byte %3; it must have %4")
                       .arg(QLatin1StringView(name))
                       .arg(payload.bytes.size())
                       .arg(payload.offset)
                       .arg(Size);
    return true;
}

} // namespace OtlpProtobuf
