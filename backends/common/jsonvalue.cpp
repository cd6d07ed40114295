#include "jsonvalue.h"

#include "jsonnumber.h"

const JsonValue* JsonValue::member(QByteArrayView name) const
{
    for (const Member& member : m_members) {
        if (member.first == name)
            return &member.second;
    }
    return nullptr;
}

bool JsonValue::toInt64(qint64* value) const
{
    return m_type == Type::Number && JsonNumber::toInt64(m_text, value);
}

bool JsonValue::toUInt64(quint64* value) const
{
    return m_type == Type::Number && JsonNumber::toUInt64(m_text, value);
}

bool JsonValue::toDouble(double* value) const
{
    return m_type == Type::Number && JsonNumber::toDouble(m_text, value);
}

const char* JsonValue::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return "a boolean";
    case Type::Number:
        return "a number";
    case Type::String:
        return "a string";
    case Type::Array:
        return "an array";
    case Type::Object:
        return "an object";
    }
    return "unknown";
}
