#include "otlpjsoncommon.h"

#include "common/jsonnumber.h"

#include <QVarLengthArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace OtlpJson {
namespace {
bool wrongType(const JsonView& value, const char* expected, DecodeError* error)
{
    error->set(u"expected %1, got %2 (at byte %3)"_s
                   .arg(QLatin1StringView(expected), QLatin1StringView(JsonValue::typeName(value.type())))
                   .arg(value.offset()));
    return false;
}

/// The proto3 JSON mapping allows every numeric field as a number or as a decimal string.
template<typename T, typename Convert>
bool fromNumberOrString(const JsonView& value, T* out, const char* expected, Convert convert, DecodeError* error)
{
    if (value.isNull()) {
        *out = T {};
        return true;
    }
    if (value.isNumber()) {
        const QByteArrayView text = value.numberText();
        if (convert(text, out))
            return true;
        error->set(u"%1 does not fit %2 (at byte %3)"_s.arg(QString::fromUtf8(text), QLatin1StringView(expected))
                       .arg(value.offset()));
        return false;
    }
    if (value.isString()) {
        QByteArray scratch;
        const QByteArrayView text = value.string(&scratch);
        if (JsonNumber::isValid(text) && convert(text, out))
            return true;
        error->set(
            u"\"%1\" is not %2 (at byte %3)"_s
                .arg(QString::fromUtf8(text.first(qMin<qsizetype>(text.size(), 80))), QLatin1StringView(expected))
                .arg(value.offset()));
        return false;
    }
    return wrongType(value, expected, error);
}

bool toUInt32(QByteArrayView text, quint32* out)
{
    quint64 wide = 0;
    if (!JsonNumber::toUInt64(text, &wide) || wide > std::numeric_limits<quint32>::max())
        return false;
    *out = static_cast<quint32>(wide);
    return true;
}

bool toInt32(QByteArrayView text, qint32* out)
{
    qint64 wide = 0;
    if (!JsonNumber::toInt64(text, &wide) || wide > std::numeric_limits<qint32>::max()
        || wide < std::numeric_limits<qint32>::min())
        return false;
    *out = static_cast<qint32>(wide);
    return true;
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

bool expectObject(const JsonView& value, DecodeError* error)
{
    return value.isObject() || value.isNull() || wrongType(value, "an object", error);
}

bool readObject(const JsonView& object, std::initializer_list<Field> fields, DecodeError* error)
{
    if (!expectObject(object, error))
        return false;
    if (object.isNull())
        return true;
    return object.forEachMember([&](QByteArrayView name, const JsonView& value) {
        for (const Field& field : fields) {
            if (name != field.camel && name != field.snake)
                continue;
            if (!field.read(value))
                return error->within(QString::fromLatin1(field.camel));
            break;
        }
        return true;
    });
}

bool readArray(const JsonView& value, FunctionRef<bool(const JsonView&, qsizetype)> read, DecodeError* error)
{
    if (value.isNull())
        return true;
    if (!value.isArray())
        return wrongType(value, "an array", error);
    return value.forEachElement([&](const JsonView& element, qsizetype index) {
        return read(element, index) || error->within(u"[%1]"_s.arg(index));
    });
}

bool readUInt64(const JsonView& value, quint64* out, DecodeError* error)
{
    if (!fromNumberOrString(value, out, "an unsigned 64-bit integer", JsonNumber::toUInt64, error))
        return false;
    // The spec writes 64-bit integers as strings; times as bare numbers (the upstream SDKs) lose
    // precision in most JSON parsers, so they are counted. Small counts as numbers are common.
    if (value.isNumber() && *out > std::numeric_limits<quint32>::max())
        error->bends.note(OtlpBends::Bend::LargeIntegerAsNumber);
    return true;
}

bool readInt64(const JsonView& value, qint64* out, DecodeError* error)
{
    return fromNumberOrString(value, out, "a 64-bit integer", JsonNumber::toInt64, error);
}

bool readUInt32(const JsonView& value, quint32* out, DecodeError* error)
{
    return fromNumberOrString(value, out, "an unsigned 32-bit integer", toUInt32, error);
}

bool readInt32(const JsonView& value, qint32* out, DecodeError* error)
{
    return fromNumberOrString(value, out, "a 32-bit integer", toInt32, error);
}

bool readDouble(const JsonView& value, double* out, DecodeError* error)
{
    if (value.isString()) {
        QByteArray scratch;
        const QByteArrayView text = value.string(&scratch);
        if (text == "NaN") {
            *out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (text == "Infinity") {
            *out = std::numeric_limits<double>::infinity();
            return true;
        }
        if (text == "-Infinity") {
            *out = -std::numeric_limits<double>::infinity();
            return true;
        }
    }
    return fromNumberOrString(value, out, "a double", JsonNumber::toDouble, error);
}

bool readBool(const JsonView& value, bool* out, DecodeError* error)
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

bool readString(const JsonView& value, QByteArray* out, DecodeError* error)
{
    if (value.isNull()) {
        out->clear();
        return true;
    }
    if (!value.isString())
        return wrongType(value, "a string", error);
    QByteArray decoded;
    const QByteArrayView text = value.string(&decoded);
    if (!decoded.isEmpty()) { // it had escapes: the decoded copy is the value
        *out = std::move(decoded);
        return true;
    }
    // A view into the request: repeated strings share one copy.
    if (!error->strings) {
        *out = text.toByteArray();
        return true;
    }
    const StringInterner::Probe probe = error->strings->find(text);
    *out = probe.known ? *probe.known : error->strings->add(text, probe);
    return true;
}

bool readEnum(const JsonView& value, qint32 (*fromName)(QByteArrayView), qint32* out, DecodeError* error)
{
    if (value.isString()) {
        QByteArray scratch;
        const QByteArrayView text = value.string(&scratch);
        if (fromName) {
            if (const qint32 named = fromName(text); named >= 0) {
                error->bends.note(OtlpBends::Bend::EnumAsName);
                *out = named;
                return true;
            }
        }
        if (!text.isEmpty() && (text.front() < '0' || text.front() > '9') && text.front() != '-') {
            error->set(u"unknown enum name \"%1\" (at byte %2)"_s
                           .arg(QString::fromUtf8(text.first(qMin<qsizetype>(text.size(), 80))))
                           .arg(value.offset()));
            return false;
        }
    }
    return readInt32(value, out, error);
}

bool readAttributes(const JsonView& value, Attributes* out, DecodeError* error)
{
    // Gathered on the stack and moved into a list of the right size (with room for one more: a
    // replay tags each record with its number): appending to the list grew it one reallocation
    // at a time, 5 % of a decoding thread. Each nesting level of a key-value list has its own.
    QVarLengthArray<KeyValue, 32> gathered;
    const bool ok = readArray(
        value,
        [&](const JsonView& element, qsizetype) {
            // A whole attribute ("key" and value) repeats from record to record: its text is
            // looked up first, and decoded only the first time it is seen in this request.
            BytesInterner<KeyValue>::Probe probe;
            if (error->attributes && element.isObject()) {
                probe = error->attributes->find(element.raw());
                if (probe.known) {
                    gathered.append(*probe.known);
                    return true;
                }
            }
            KeyValue entry;
            if (!readObject(element,
                    { { "key", "key", [&](const JsonView& v) { return readString(v, &entry.key, error); } },
                        { "value", "value",
                            [&](const JsonView& v) { return readAnyValue(v, 0, &entry.value, error); } } },
                    error))
                return false;
            if (error->attributes && element.isObject())
                error->attributes->remember(element.raw(), entry, probe);
            gathered.append(std::move(entry));
            return true;
        },
        error);
    if (!gathered.isEmpty()) {
        out->reserve(out->size() + gathered.size() + 1);
        for (KeyValue& entry : gathered)
            out->append(std::move(entry));
    }
    return ok;
}

bool readAnyValue(const JsonView& value, int depth, AttributeValue* out, DecodeError* error)
{
    if (depth > maxAnyValueDepth) {
        error->set(u"values nested deeper than %1 levels (at byte %2)"_s.arg(maxAnyValueDepth).arg(value.offset()));
        return false;
    }
    *out = AttributeValue();
    return readObject(value,
        {
            { "stringValue", "string_value",
                [&](const JsonView& v) {
                    QByteArray text;
                    if (!readString(v, &text, error))
                        return false;
                    *out = AttributeValue::fromString(std::move(text));
                    return true;
                } },
            { "boolValue", "bool_value",
                [&](const JsonView& v) {
                    bool flag = false;
                    if (!readBool(v, &flag, error))
                        return false;
                    *out = AttributeValue::fromBool(flag);
                    return true;
                } },
            { "intValue", "int_value",
                [&](const JsonView& v) {
                    qint64 number = 0;
                    if (!readInt64(v, &number, error))
                        return false;
                    *out = AttributeValue::fromInt(number);
                    return true;
                } },
            { "doubleValue", "double_value",
                [&](const JsonView& v) {
                    double number = 0;
                    if (!readDouble(v, &number, error))
                        return false;
                    *out = AttributeValue::fromDouble(number);
                    return true;
                } },
            { "arrayValue", "array_value",
                [&](const JsonView& v) {
                    AttributeArray items;
                    const bool ok = readObject(v,
                        { { "values", "values",
                            [&](const JsonView& list) {
                                return readArray(
                                    list,
                                    [&](const JsonView& element, qsizetype) {
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
                [&](const JsonView& v) {
                    Attributes entries;
                    const bool ok = readObject(v,
                        { { "values", "values",
                            [&](const JsonView& list) { return readAttributes(list, &entries, error); } } },
                        error);
                    *out = AttributeValue::fromKeyValueList(std::move(entries));
                    return ok;
                } },
            { "bytesValue", "bytes_value",
                [&](const JsonView& v) {
                    QByteArray text;
                    if (!readString(v, &text, error))
                        return false;
                    const auto decoded =
                        QByteArray::fromBase64Encoding(std::move(text), QByteArray::AbortOnBase64DecodingErrors);
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

bool readResource(const JsonView& value, Resource* out, DecodeError* error)
{
    return readObject(value,
        { { "attributes", "attributes", [&](const JsonView& v) { return readAttributes(v, &out->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonView& v) { return readUInt32(v, &out->droppedAttributesCount, error); } } },
        error);
}

bool readScope(const JsonView& value, InstrumentationScope* out, DecodeError* error)
{
    return readObject(value,
        { { "name", "name", [&](const JsonView& v) { return readString(v, &out->name, error); } },
            { "version", "version", [&](const JsonView& v) { return readString(v, &out->version, error); } },
            { "attributes", "attributes",
                [&](const JsonView& v) { return readAttributes(v, &out->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonView& v) { return readUInt32(v, &out->droppedAttributesCount, error); } } },
        error);
}

} // namespace OtlpJson
