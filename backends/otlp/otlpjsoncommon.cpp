#include "otlpjsoncommon.h"

#include "common/jsonreader.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace OtlpJson {
namespace {
bool wrongType(const JsonValue& value, const char* expected, DecodeError* error)
{
    error->set(u"expected %1, got %2 (at byte %3)"_s
                   .arg(QLatin1StringView(expected), QLatin1StringView(JsonValue::typeName(value.type())))
                   .arg(value.offset()));
    return false;
}

/// Numbers in a string are allowed for every numeric field by the proto3 JSON mapping.
JsonValue::Type numericSource(const JsonValue& value)
{
    return value.isString() ? JsonValue::Type::String : value.type();
}

/// Parses a decimal string as if it were a JSON number node.
template<typename T, typename Convert>
bool fromNumberOrString(const JsonValue& value, T* out, const char* expected, Convert convert, DecodeError* error)
{
    if (value.isNull()) {
        *out = T {};
        return true;
    }
    if (value.isNumber()) {
        if (convert(value, out))
            return true;
        error->set(
            u"%1 does not fit %2 (at byte %3)"_s.arg(QString::fromUtf8(value.text()), QLatin1StringView(expected))
                .arg(value.offset()));
        return false;
    }
    if (numericSource(value) == JsonValue::Type::String) {
        // Reuse the number parser on the string's text (it was validated as a string, so check
        // the number grammar by parsing it as a document).
        JsonValue number;
        JsonReader reader;
        if (reader.parse(value.text(), &number) && number.isNumber() && convert(number, out))
            return true;
        error->set(u"\"%1\" is not %2 (at byte %3)"_s
                       .arg(QString::fromUtf8(value.text().left(80)), QLatin1StringView(expected))
                       .arg(value.offset()));
        return false;
    }
    return wrongType(value, expected, error);
}
} // namespace

void writeAnyValue(JsonWriter& json, const AttributeValue& value)
{
    json.beginObject();
    switch (value.type()) {
    case AttributeValue::Type::Empty:
        break;
    case AttributeValue::Type::String:
        json.key("stringValue");
        json.string(value.stringUtf8());
        break;
    case AttributeValue::Type::Bool:
        json.key("boolValue");
        json.boolean(value.toBool());
        break;
    case AttributeValue::Type::Int:
        json.key("intValue");
        json.integerAsString(value.toInt());
        break;
    case AttributeValue::Type::Double:
        json.key("doubleValue");
        json.number(value.toDouble());
        break;
    case AttributeValue::Type::Array:
        json.key("arrayValue");
        json.beginObject();
        json.key("values");
        json.beginArray();
        for (const AttributeValue& item : value.array())
            writeAnyValue(json, item);
        json.endArray();
        json.endObject();
        break;
    case AttributeValue::Type::KeyValueList:
        json.key("kvlistValue");
        json.beginObject();
        writeAttributes(json, "values", value.keyValueList());
        json.endObject();
        break;
    case AttributeValue::Type::Bytes:
        json.key("bytesValue");
        json.string(value.bytes().toBase64());
        break;
    }
    json.endObject();
}

void writeAttributes(JsonWriter& json, QByteArrayView key, const Attributes& attributes)
{
    if (attributes.isEmpty())
        return;
    json.key(key);
    json.beginArray();
    for (const KeyValue& entry : attributes) {
        json.beginObject();
        json.key("key");
        json.string(entry.key);
        json.key("value");
        writeAnyValue(json, entry.value);
        json.endObject();
    }
    json.endArray();
}

void writeUInt64(JsonWriter& json, QByteArrayView key, quint64 value)
{
    if (value == 0)
        return;
    json.key(key);
    json.unsignedAsString(value);
}

void writeUInt32(JsonWriter& json, QByteArrayView key, quint32 value)
{
    if (value == 0)
        return;
    json.key(key);
    json.unsignedInteger(value);
}

void writeString(JsonWriter& json, QByteArrayView key, const QByteArray& value)
{
    if (value.isEmpty())
        return;
    json.key(key);
    json.string(value);
}

void writeResource(JsonWriter& json, const Resource& resource)
{
    json.beginObject();
    writeAttributes(json, "attributes", resource.attributes);
    writeUInt32(json, "droppedAttributesCount", resource.droppedAttributesCount);
    json.endObject();
}

void writeScope(JsonWriter& json, const InstrumentationScope& scope)
{
    json.beginObject();
    writeString(json, "name", scope.name);
    writeString(json, "version", scope.version);
    writeAttributes(json, "attributes", scope.attributes);
    writeUInt32(json, "droppedAttributesCount", scope.droppedAttributesCount);
    json.endObject();
}

bool expectObject(const JsonValue& value, DecodeError* error)
{
    return value.isObject() || value.isNull() || wrongType(value, "an object", error);
}

bool readObject(const JsonValue& object, std::initializer_list<Field> fields, DecodeError* error)
{
    if (!expectObject(object, error))
        return false;
    for (const JsonValue::Member& member : object.members()) {
        for (const Field& field : fields) {
            if (member.first != field.camel && member.first != field.snake)
                continue;
            if (!field.read(member.second))
                return error->within(QString::fromLatin1(field.camel));
            break;
        }
    }
    return true;
}

bool readArray(const JsonValue& value, FunctionRef<bool(const JsonValue&, qsizetype)> read, DecodeError* error)
{
    if (value.isNull())
        return true;
    if (!value.isArray())
        return wrongType(value, "an array", error);
    const auto& elements = value.elements();
    for (size_t i = 0; i < elements.size(); ++i) {
        if (!read(elements[i], static_cast<qsizetype>(i)))
            return error->within(u"[%1]"_s.arg(i));
    }
    return true;
}

bool readUInt64(const JsonValue& value, quint64* out, DecodeError* error)
{
    if (!fromNumberOrString(
            value, out, "an unsigned 64-bit integer", [](const JsonValue& v, quint64* o) { return v.toUInt64(o); },
            error))
        return false;
    // The spec writes 64-bit integers as strings; times as bare numbers (the upstream SDKs) lose
    // precision in most JSON parsers, so they are counted. Small counts as numbers are common.
    if (value.isNumber() && *out > std::numeric_limits<quint32>::max())
        error->bends.note(OtlpBends::Bend::LargeIntegerAsNumber);
    return true;
}

bool readInt64(const JsonValue& value, qint64* out, DecodeError* error)
{
    return fromNumberOrString(
        value, out, "a 64-bit integer", [](const JsonValue& v, qint64* o) { return v.toInt64(o); }, error);
}

bool readUInt32(const JsonValue& value, quint32* out, DecodeError* error)
{
    return fromNumberOrString(
        value, out, "an unsigned 32-bit integer",
        [](const JsonValue& v, quint32* o) {
            quint64 wide = 0;
            if (!v.toUInt64(&wide) || wide > std::numeric_limits<quint32>::max())
                return false;
            *o = static_cast<quint32>(wide);
            return true;
        },
        error);
}

bool readInt32(const JsonValue& value, qint32* out, DecodeError* error)
{
    return fromNumberOrString(
        value, out, "a 32-bit integer",
        [](const JsonValue& v, qint32* o) {
            qint64 wide = 0;
            if (!v.toInt64(&wide) || wide > std::numeric_limits<qint32>::max()
                || wide < std::numeric_limits<qint32>::min())
                return false;
            *o = static_cast<qint32>(wide);
            return true;
        },
        error);
}

bool readDouble(const JsonValue& value, double* out, DecodeError* error)
{
    if (value.isString()) {
        if (value.text() == "NaN") {
            *out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (value.text() == "Infinity") {
            *out = std::numeric_limits<double>::infinity();
            return true;
        }
        if (value.text() == "-Infinity") {
            *out = -std::numeric_limits<double>::infinity();
            return true;
        }
    }
    return fromNumberOrString(
        value, out, "a double", [](const JsonValue& v, double* o) { return v.toDouble(o); }, error);
}

bool readBool(const JsonValue& value, bool* out, DecodeError* error)
{
    if (value.isNull()) {
        *out = false;
        return true;
    }
    if (!value.isBool())
        return wrongType(value, "true or false", error);
    *out = value.boolean();
    return true;
}

bool readString(const JsonValue& value, QByteArray* out, DecodeError* error)
{
    if (value.isNull()) {
        out->clear();
        return true;
    }
    if (!value.isString())
        return wrongType(value, "a string", error);
    *out = value.text();
    return true;
}

bool readEnum(const JsonValue& value, qint32 (*fromName)(QByteArrayView), qint32* out, DecodeError* error)
{
    if (value.isString() && fromName) {
        const qint32 named = fromName(value.text());
        if (named >= 0) {
            error->bends.note(OtlpBends::Bend::EnumAsName);
            *out = named;
            return true;
        }
    }
    if (value.isString() && !value.text().isEmpty() && (value.text().at(0) < '0' || value.text().at(0) > '9')
        && value.text().at(0) != '-') {
        error->set(u"unknown enum name \"%1\" (at byte %2)"_s.arg(QString::fromUtf8(value.text().left(80)))
                       .arg(value.offset()));
        return false;
    }
    return readInt32(value, out, error);
}

bool readAttributes(const JsonValue& value, Attributes* out, DecodeError* error)
{
    return readArray(
        value,
        [&](const JsonValue& element, qsizetype) {
            KeyValue entry;
            if (!readObject(element,
                    { { "key", "key", [&](const JsonValue& v) { return readString(v, &entry.key, error); } },
                        { "value", "value",
                            [&](const JsonValue& v) { return readAnyValue(v, 0, &entry.value, error); } } },
                    error))
                return false;
            out->append(std::move(entry));
            return true;
        },
        error);
}

bool readAnyValue(const JsonValue& value, int depth, AttributeValue* out, DecodeError* error)
{
    if (depth > maxAnyValueDepth) {
        error->set(u"values nested deeper than %1 levels (at byte %2)"_s.arg(maxAnyValueDepth).arg(value.offset()));
        return false;
    }
    *out = AttributeValue();
    return readObject(value,
        {
            { "stringValue", "string_value",
                [&](const JsonValue& v) {
                    QByteArray text;
                    if (!readString(v, &text, error))
                        return false;
                    *out = AttributeValue::fromString(std::move(text));
                    return true;
                } },
            { "boolValue", "bool_value",
                [&](const JsonValue& v) {
                    bool flag = false;
                    if (!readBool(v, &flag, error))
                        return false;
                    *out = AttributeValue::fromBool(flag);
                    return true;
                } },
            { "intValue", "int_value",
                [&](const JsonValue& v) {
                    qint64 number = 0;
                    if (!readInt64(v, &number, error))
                        return false;
                    *out = AttributeValue::fromInt(number);
                    return true;
                } },
            { "doubleValue", "double_value",
                [&](const JsonValue& v) {
                    double number = 0;
                    if (!readDouble(v, &number, error))
                        return false;
                    *out = AttributeValue::fromDouble(number);
                    return true;
                } },
            { "arrayValue", "array_value",
                [&](const JsonValue& v) {
                    AttributeArray items;
                    const bool ok = readObject(v,
                        { { "values", "values",
                            [&](const JsonValue& list) {
                                return readArray(
                                    list,
                                    [&](const JsonValue& element, qsizetype) {
                                        AttributeValue item;
                                        if (!readAnyValue(element, depth + 1, &item, error))
                                            return false;
                                        items.append(std::move(item));
                                        return true;
                                    },
                                    error);
                            } } },
                        error);
                    *out = AttributeValue::fromArray(std::move(items));
                    return ok;
                } },
            { "kvlistValue", "kvlist_value",
                [&](const JsonValue& v) {
                    Attributes entries;
                    const bool ok = readObject(v,
                        { { "values", "values",
                            [&](const JsonValue& list) { return readAttributes(list, &entries, error); } } },
                        error);
                    *out = AttributeValue::fromKeyValueList(std::move(entries));
                    return ok;
                } },
            { "bytesValue", "bytes_value",
                [&](const JsonValue& v) {
                    QByteArray text;
                    if (!readString(v, &text, error))
                        return false;
                    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
                    if (!decoded) {
                        error->set(u"not valid base64 (at byte %1)"_s.arg(v.offset()));
                        return false;
                    }
                    *out = AttributeValue::fromBytes(decoded.decoded);
                    return true;
                } },
        },
        error);
}

bool readResource(const JsonValue& value, Resource* out, DecodeError* error)
{
    return readObject(value,
        { { "attributes", "attributes",
              [&](const JsonValue& v) { return readAttributes(v, &out->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonValue& v) { return readUInt32(v, &out->droppedAttributesCount, error); } } },
        error);
}

bool readScope(const JsonValue& value, InstrumentationScope* out, DecodeError* error)
{
    return readObject(value,
        { { "name", "name", [&](const JsonValue& v) { return readString(v, &out->name, error); } },
            { "version", "version", [&](const JsonValue& v) { return readString(v, &out->version, error); } },
            { "attributes", "attributes",
                [&](const JsonValue& v) { return readAttributes(v, &out->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonValue& v) { return readUInt32(v, &out->droppedAttributesCount, error); } } },
        error);
}

} // namespace OtlpJson
