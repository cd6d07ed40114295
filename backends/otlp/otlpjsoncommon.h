#pragma once

#include "common/functionref.h"
#include "common/jsonview.h"
#include "common/jsonwriter.h"
#include "decodeerror.h"
#include "telemetry/attributevalue.h"
#include "telemetry/binaryid.h"
#include "telemetry/instrumentationscope.h"
#include "telemetry/resource.h"

/// OTLP/JSON pieces every signal shares, following the spec's JSON rules (reference/wire.md 1.4):
/// lowerCamelCase keys out, both spellings in; 64-bit integers as decimal strings out, numbers or
/// strings in; enums as integers out, integers or proto names in; ids as hex; other bytes as
/// base64; unknown keys ignored; null means "default".
namespace OtlpJson {

inline constexpr int maxAnyValueDepth = 64;

void writeAnyValue(JsonWriter& json, const AttributeValue& value);
/// Writes "key": [KeyValue...] unless the list is empty.
void writeAttributes(JsonWriter& json, QByteArrayView key, const Attributes& attributes);
void writeResource(JsonWriter& json, const Resource& resource);
void writeScope(JsonWriter& json, const InstrumentationScope& scope);
/// Writes "key": "<hex>" unless the id is absent.
template<int Size>
void writeId(JsonWriter& json, QByteArrayView key, const BinaryId<Size>& id)
{
    if (!id.isPresent())
        return;
    char hex[2 * Size];
    id.appendHex(hex);
    json.key(key);
    json.string(QByteArrayView(hex, 2 * Size));
}
void writeUInt64(JsonWriter& json, QByteArrayView key, quint64 value); ///< as a string, unless 0
void writeUInt32(JsonWriter& json, QByteArrayView key, quint32 value); ///< as a number, unless 0
void writeString(JsonWriter& json, QByteArrayView key, const QByteArray& value); ///< unless empty

/// One object member handler: `camel`/`snake` are the two accepted spellings.
struct Field
{
    /// From the spellings as literals: their lengths are known here, so matching a member's
    /// name compares sizes first and never measures a C string (strlen per member and field
    /// showed in the decoding profile).
    template<size_t CamelSize, size_t SnakeSize>
    Field(const char (&camelName)[CamelSize], const char (&snakeName)[SnakeSize],
        FunctionRef<bool(const JsonView&)> reader)
        : camel(camelName, CamelSize - 1)
        , snake(snakeName, SnakeSize - 1)
        , read(reader)
    { }
    Field(QByteArrayView camelName, QByteArrayView snakeName, FunctionRef<bool(const JsonView&)> reader)
        : camel(camelName)
        , snake(snakeName)
        , read(reader)
    { }

    QByteArrayView camel;
    QByteArrayView snake;
    FunctionRef<bool(const JsonView&)> read;
};

/// Dispatches an object's members to handlers; unknown members are ignored. `error` gets the
/// member's name in front when a handler fails.
bool readObject(const JsonView& object, std::initializer_list<Field> fields, DecodeError* error);
/// Fails unless `value` is an object (or null, which counts as empty).
bool expectObject(const JsonView& value, DecodeError* error);
/// Calls read(element, index) for each element of an array (null counts as empty).
bool readArray(const JsonView& value, FunctionRef<bool(const JsonView&, qsizetype)> read, DecodeError* error);

bool readUInt64(const JsonView& value, quint64* out, DecodeError* error);
bool readInt64(const JsonView& value, qint64* out, DecodeError* error);
bool readUInt32(const JsonView& value, quint32* out, DecodeError* error);
bool readInt32(const JsonView& value, qint32* out, DecodeError* error);
bool readDouble(const JsonView& value, double* out, DecodeError* error);
bool readBool(const JsonView& value, bool* out, DecodeError* error);
bool readString(const JsonView& value, QByteArray* out, DecodeError* error);
/// An enum: an integer, or the proto name when `fromName` knows it (returns -1 otherwise).
bool readEnum(const JsonView& value, qint32 (*fromName)(QByteArrayView), qint32* out, DecodeError* error);
bool readAnyValue(const JsonView& value, int depth, AttributeValue* out, DecodeError* error);
bool readAttributes(const JsonView& value, Attributes* out, DecodeError* error);
bool readResource(const JsonView& value, Resource* out, DecodeError* error);
bool readScope(const JsonView& value, InstrumentationScope* out, DecodeError* error);

/// Reads a hex id; a string that is not an id of this size sets `problem` (the record is refused,
/// the request is not).
template<int Size>
bool readId(const JsonView& value, const char* name, BinaryId<Size>* id, QString* problem, DecodeError* error)
{
    QByteArray hex;
    if (!readString(value, &hex, error))
        return false;
    // The upstream SDKs join two UUIDs into a 32-byte trace id; the first 16 bytes are a random
    // UUID of their own, unique enough to stand for the trace, and the bend is counted.
    if constexpr (Size == 16) {
        if (hex.size() == 4 * Size && BinaryId<Size>::fromHex(QByteArrayView(hex).first(2 * Size), id)) {
            error->bends.note(OtlpBends::Bend::TraceIdOf32Bytes);
            return true;
        }
    }
    if (!BinaryId<Size>::fromHex(hex, id) && problem->isEmpty()) {
        *problem = QStringLiteral("%1 \"%2\" is not %3 hex digits")
                       .arg(QLatin1StringView(name))
                       .arg(QString::fromUtf8(hex.left(80)))
                       .arg(2 * Size);
    }
    return true;
}

} // namespace OtlpJson
