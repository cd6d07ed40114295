#include "jsonvalue.h"

#include <charconv>

namespace {
/// Integers may be written with an exponent or a zero fraction ("1e3", "5.0"): OTLP/JSON senders
/// in JavaScript do that. Accept them when they denote an integer exactly.
bool integerFromScientific(const QByteArray& text, long double* value)
{
    const char* begin = text.constData();
    long double parsed = 0;
    const auto result = std::from_chars(begin, begin + text.size(), parsed);
    if (result.ec != std::errc() || result.ptr != begin + text.size())
        return false;
    *value = parsed;
    return true;
}
} // namespace

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
    if (m_type != Type::Number)
        return false;
    const char* begin = m_text.constData();
    const char* end = begin + m_text.size();
    const auto result = std::from_chars(begin, end, *value);
    if (result.ec == std::errc() && result.ptr == end)
        return true;
    long double wide = 0;
    // 2^63 is exactly representable in a long double (64-bit mantissa on x86).
    // Range first: converting an out-of-range value to an integer is undefined behaviour.
    if (!integerFromScientific(m_text, &wide) || !(wide < 9223372036854775808.0L && wide >= -9223372036854775808.0L)
        || wide != static_cast<long double>(static_cast<qint64>(wide)))
        return false;
    *value = static_cast<qint64>(wide);
    return true;
}

bool JsonValue::toUInt64(quint64* value) const
{
    if (m_type != Type::Number)
        return false;
    const char* begin = m_text.constData();
    const char* end = begin + m_text.size();
    const auto result = std::from_chars(begin, end, *value);
    if (result.ec == std::errc() && result.ptr == end)
        return true;
    long double wide = 0;
    if (!integerFromScientific(m_text, &wide) || !(wide >= 0 && wide < 18446744073709551616.0L)
        || wide != static_cast<long double>(static_cast<quint64>(wide)))
        return false;
    *value = static_cast<quint64>(wide);
    return true;
}

bool JsonValue::toDouble(double* value) const
{
    if (m_type != Type::Number)
        return false;
    const char* begin = m_text.constData();
    const auto result = std::from_chars(begin, begin + m_text.size(), *value);
    // Out of range (1e400) is an error rather than a silent infinity.
    return result.ec == std::errc() && result.ptr == begin + m_text.size();
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
