#include "attributevalue.h"

#include "common/jsonwriter.h"
#include "exactdouble.h"

namespace {
const QByteArray emptyBytes;
const AttributeArray emptyArray;
const Attributes emptyList;

void writeJson(JsonWriter& json, const AttributeValue& value);

void writeJsonList(JsonWriter& json, const Attributes& list)
{
    json.beginObject();
    for (const KeyValue& entry : list) {
        json.key(entry.key);
        writeJson(json, entry.value);
    }
    json.endObject();
}

void writeJson(JsonWriter& json, const AttributeValue& value)
{
    switch (value.type()) {
    case AttributeValue::Type::Empty:
        json.null();
        break;
    case AttributeValue::Type::String:
        json.string(value.stringUtf8());
        break;
    case AttributeValue::Type::Bool:
        json.boolean(value.toBool());
        break;
    case AttributeValue::Type::Int:
        json.integer(value.toInt());
        break;
    case AttributeValue::Type::Double:
        json.number(value.toDouble());
        break;
    case AttributeValue::Type::Array:
        json.beginArray();
        for (const AttributeValue& item : value.array())
            writeJson(json, item);
        json.endArray();
        break;
    case AttributeValue::Type::KeyValueList:
        writeJsonList(json, value.keyValueList());
        break;
    case AttributeValue::Type::Bytes:
        json.string(value.bytes().toBase64());
        break;
    }
}
} // namespace

AttributeValue AttributeValue::fromString(QByteArray utf8)
{
    return AttributeValue(Storage(std::in_place_index<1>, std::move(utf8)));
}

AttributeValue AttributeValue::fromString(const QString& text)
{
    return fromString(text.toUtf8());
}

AttributeValue AttributeValue::fromBool(bool value)
{
    return AttributeValue(Storage(std::in_place_index<2>, value));
}

AttributeValue AttributeValue::fromInt(qint64 value)
{
    return AttributeValue(Storage(std::in_place_index<3>, value));
}

AttributeValue AttributeValue::fromDouble(double value)
{
    return AttributeValue(Storage(std::in_place_index<4>, value));
}

AttributeValue AttributeValue::fromArray(AttributeArray values)
{
    return AttributeValue(Storage(std::in_place_index<5>, std::make_shared<const AttributeArray>(std::move(values))));
}

AttributeValue AttributeValue::fromKeyValueList(Attributes values)
{
    return AttributeValue(Storage(std::in_place_index<6>, std::make_shared<const Attributes>(std::move(values))));
}

AttributeValue AttributeValue::fromBytes(QByteArray bytes)
{
    return AttributeValue(Storage(std::in_place_index<7>, std::move(bytes)));
}

const QByteArray& AttributeValue::stringUtf8() const
{
    return m_value.index() == 1 ? std::get<1>(m_value) : emptyBytes;
}

bool AttributeValue::toBool() const
{
    return m_value.index() == 2 && std::get<2>(m_value);
}

qint64 AttributeValue::toInt() const
{
    return m_value.index() == 3 ? std::get<3>(m_value) : 0;
}

double AttributeValue::toDouble() const
{
    return m_value.index() == 4 ? std::get<4>(m_value) : 0.0;
}

const AttributeArray& AttributeValue::array() const
{
    return m_value.index() == 5 ? *std::get<5>(m_value) : emptyArray;
}

const Attributes& AttributeValue::keyValueList() const
{
    return m_value.index() == 6 ? *std::get<6>(m_value) : emptyList;
}

const QByteArray& AttributeValue::bytes() const
{
    return m_value.index() == 7 ? std::get<7>(m_value) : emptyBytes;
}

bool operator==(const AttributeValue& a, const AttributeValue& b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case AttributeValue::Type::Empty:
        return true;
    case AttributeValue::Type::String:
        return a.stringUtf8() == b.stringUtf8();
    case AttributeValue::Type::Bool:
        return a.toBool() == b.toBool();
    case AttributeValue::Type::Int:
        return a.toInt() == b.toInt();
    case AttributeValue::Type::Double:
        return exactlyEqual(a.toDouble(), b.toDouble());
    case AttributeValue::Type::Array:
        return a.array() == b.array();
    case AttributeValue::Type::KeyValueList:
        return a.keyValueList() == b.keyValueList();
    case AttributeValue::Type::Bytes:
        return a.bytes() == b.bytes();
    }
    return false;
}

QByteArray AttributeValue::toDisplayUtf8() const
{
    switch (type()) {
    case Type::Empty:
        return {};
    case Type::String:
        return stringUtf8();
    case Type::Bool:
        return toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case Type::Int:
        return QByteArray::number(toInt());
    case Type::Bytes:
        return bytes().toBase64();
    case Type::Double:
    case Type::Array:
    case Type::KeyValueList:
        break;
    }
    QByteArray out;
    JsonWriter json(out);
    writeJson(json, *this);
    return out;
}

const char* AttributeValue::typeName(Type type)
{
    switch (type) {
    case Type::Empty:
        return "empty";
    case Type::String:
        return "string";
    case Type::Bool:
        return "bool";
    case Type::Int:
        return "int";
    case Type::Double:
        return "double";
    case Type::Array:
        return "array";
    case Type::KeyValueList:
        return "key-value list";
    case Type::Bytes:
        return "bytes";
    }
    return "unknown";
}

const AttributeValue* findAttribute(const Attributes& attributes, QByteArrayView key)
{
    for (const KeyValue& entry : attributes) {
        if (entry.key == key)
            return &entry.value;
    }
    return nullptr;
}
