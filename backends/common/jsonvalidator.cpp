#include "jsonvalidator.h"

#include "hexdigits.h"
#include "jsonscan.h"
#include "utf8.h"

#include <QVarLengthArray>

#include <cstring>

namespace {
const char* skipWhitespace(const char* at, const char* end)
{
    while (at < end && (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t'))
        ++at;
    return at;
}

/// Past the string whose opening quote is at `at`, or null when it is not a valid one.
const char* skipString(const char* at, const char* end)
{
    ++at;
    for (;;) {
        at = JsonScan::towardsNonPlainByte(at, end);
        while (at < end) {
            const auto c = static_cast<unsigned char>(*at);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++at;
        }
        if (at == end)
            return nullptr;
        const auto c = static_cast<unsigned char>(*at);
        if (c == '"')
            return at + 1;
        if (c < 0x20)
            return nullptr;
        if (c >= 0x80) {
            const qsizetype length = Utf8::sequenceLength(QByteArrayView(at, end - at));
            if (length == 0)
                return nullptr;
            at += length;
            continue;
        }
        if (end - at < 2)
            return nullptr;
        const char escape = at[1];
        at += 2;
        switch (escape) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            break;
        case 'u': {
            const int unit = HexDigits::utf16Unit(at, end);
            if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
                return nullptr;
            at += 4;
            if (unit >= 0xD800 && unit <= 0xDBFF) { // a low surrogate escape must follow
                if (end - at < 2 || at[0] != '\\' || at[1] != 'u')
                    return nullptr;
                const int low = HexDigits::utf16Unit(at + 2, end);
                if (low < 0xDC00 || low > 0xDFFF)
                    return nullptr;
                at += 6;
            }
            break;
        }
        default:
            return nullptr;
        }
    }
}

/// Past the number at `at` (RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?), or null.
const char* skipNumber(const char* at, const char* end)
{
    auto digits = [&at, end] {
        const char* first = at;
        while (at < end && *at >= '0' && *at <= '9')
            ++at;
        return at > first;
    };
    if (*at == '-')
        ++at;
    if (at < end && *at == '0')
        ++at;
    else if (!digits())
        return nullptr;
    if (at < end && *at == '.') {
        ++at;
        if (!digits())
            return nullptr;
    }
    if (at < end && (*at == 'e' || *at == 'E')) {
        ++at;
        if (at < end && (*at == '+' || *at == '-'))
            ++at;
        if (!digits())
            return nullptr;
    }
    return at;
}

const char* skipLiteral(const char* at, const char* end, const char* literal, qsizetype length)
{
    return end - at >= length && std::memcmp(at, literal, size_t(length)) == 0 ? at + length : nullptr;
}
} // namespace

namespace JsonValidator {

bool accepts(QByteArrayView text, int maxDepth)
{
    const char* at = text.data();
    const char* const end = at + text.size();
    if (text.size() >= 3 && text.startsWith("\xEF\xBB\xBF"))
        at += 3;
    // The containers open around the current position: true for an object.
    QVarLengthArray<bool, 64> open;
    at = skipWhitespace(at, end);

value: // a value starts at `at` (whitespace skipped)
    if (at == end)
        return false;
    switch (*at) {
    case '{':
    case '[': {
        if (open.size() >= maxDepth)
            return false;
        const bool object = *at == '{';
        at = skipWhitespace(at + 1, end);
        if (at < end && *at == (object ? '}' : ']')) {
            ++at;
            break;
        }
        open.append(object);
        if (object)
            goto member;
        goto value;
    }
    case '"':
        at = skipString(at, end);
        break;
    case 't':
        at = skipLiteral(at, end, "true", 4);
        break;
    case 'f':
        at = skipLiteral(at, end, "false", 5);
        break;
    case 'n':
        at = skipLiteral(at, end, "null", 4);
        break;
    default:
        at = *at == '-' || (*at >= '0' && *at <= '9') ? skipNumber(at, end) : nullptr;
        break;
    }
    if (!at)
        return false;

    // After a value: a separator, the end of its container, or the end of the text.
    for (;;) {
        at = skipWhitespace(at, end);
        if (open.isEmpty())
            return at == end;
        if (at == end)
            return false;
        const bool object = open.last();
        if (*at == ',') {
            at = skipWhitespace(at + 1, end);
            if (object)
                goto member;
            goto value;
        }
        if (*at != (object ? '}' : ']'))
            return false;
        ++at;
        open.removeLast();
    }

member: // a member name is due at `at` (whitespace skipped)
    if (at == end || *at != '"')
        return false;
    at = skipString(at, end);
    if (!at)
        return false;
    at = skipWhitespace(at, end);
    if (at == end || *at != ':')
        return false;
    at = skipWhitespace(at + 1, end);
    goto value;
}

} // namespace JsonValidator
