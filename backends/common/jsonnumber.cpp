#include "jsonnumber.h"

#include <charconv>
#include <type_traits>

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

/// Plain digits first; else an exactly integral scientific or decimal form within range (2^63
/// and 2^64 are exact in a long double; the range is checked before converting, since an
/// out-of-range conversion is undefined behaviour).
template<typename Integer>
bool toInteger(QByteArrayView text, Integer* value)
{
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto result = std::from_chars(begin, end, *value);
    if (result.ec == std::errc() && result.ptr == end)
        return true;
    constexpr long double low = std::is_signed_v<Integer> ? -9223372036854775808.0L : 0.0L;
    constexpr long double high = std::is_signed_v<Integer> ? 9223372036854775808.0L : 18446744073709551616.0L;
    long double wide = 0;
    if (!integerFromScientific(text, &wide) || !(wide >= low && wide < high)
        || wide != static_cast<long double>(static_cast<Integer>(wide)))
        return false;
    *value = static_cast<Integer>(wide);
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
    return toInteger(text, value);
}

bool toUInt64(QByteArrayView text, quint64* value)
{
    return toInteger(text, value);
}

bool toDouble(QByteArrayView text, double* value)
{
    const char* begin = text.data();
    const auto result = std::from_chars(begin, begin + text.size(), *value);
    return result.ec == std::errc() && result.ptr == begin + text.size();
}

} // namespace JsonNumber
