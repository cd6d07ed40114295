#include "jsonnumber.h"

#include <charconv>

namespace JsonNumber {
namespace {
/// Integers may be written with an exponent or a zero fraction ("1e3", "5.0"): OTLP/JSON senders
/// in JavaScript do that. Accept them when they denote an integer exactly.
bool integerFromScientific(QByteArrayView text, long double* value)
{
    const char* begin = text.data();
    long double parsed = 0;
    const auto result = std::from_chars(begin, begin + text.size(), parsed);
    if (result.ec != std::errc() || result.ptr != begin + text.size())
        return false;
    *value = parsed;
    return true;
}

qsizetype digitsFrom(QByteArrayView text, qsizetype at)
{
    qsizetype end = at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9')
        ++end;
    return end - at;
}
} // namespace

bool isValid(QByteArrayView text)
{
    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    qsizetype at = 0;
    if (at < text.size() && text[at] == '-')
        ++at;
    if (at < text.size() && text[at] == '0') {
        ++at;
    } else {
        const qsizetype digits = digitsFrom(text, at);
        if (digits == 0)
            return false;
        at += digits;
    }
    if (at < text.size() && text[at] == '.') {
        const qsizetype digits = digitsFrom(text, at + 1);
        if (digits == 0)
            return false;
        at += 1 + digits;
    }
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '+' || text[at] == '-'))
            ++at;
        const qsizetype digits = digitsFrom(text, at);
        if (digits == 0)
            return false;
        at += digits;
    }
    return at == text.size();
}

bool toInt64(QByteArrayView text, qint64* value)
{
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto result = std::from_chars(begin, end, *value);
    if (result.ec == std::errc() && result.ptr == end)
        return true;
    long double wide = 0;
    // 2^63 is exactly representable in a long double (64-bit mantissa on x86).
    // Range first: converting an out-of-range value to an integer is undefined behaviour.
    if (!integerFromScientific(text, &wide) || !(wide < 9223372036854775808.0L && wide >= -9223372036854775808.0L)
        || wide != static_cast<long double>(static_cast<qint64>(wide)))
        return false;
    *value = static_cast<qint64>(wide);
    return true;
}

bool toUInt64(QByteArrayView text, quint64* value)
{
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto result = std::from_chars(begin, end, *value);
    if (result.ec == std::errc() && result.ptr == end)
        return true;
    long double wide = 0;
    if (!integerFromScientific(text, &wide) || !(wide >= 0 && wide < 18446744073709551616.0L)
        || wide != static_cast<long double>(static_cast<quint64>(wide)))
        return false;
    *value = static_cast<quint64>(wide);
    return true;
}

bool toDouble(QByteArrayView text, double* value)
{
    const char* begin = text.data();
    const auto result = std::from_chars(begin, begin + text.size(), *value);
    return result.ec == std::errc() && result.ptr == begin + text.size();
}

} // namespace JsonNumber
