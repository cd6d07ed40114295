#include "jsonreader.h"

#include "hexdigits.h"
#include "jsonscan.h"
#include "jsonvalidator.h"
#include "utf8.h"

using namespace Qt::StringLiterals;

namespace {
void appendCodePoint(QByteArray* out, char32_t cp)
{
    if (cp < 0x80) {
        out->append(static_cast<char>(cp));
    } else if (cp < 0x800) {
        const char bytes[2] = { static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F)) };
        out->append(bytes, 2);
    } else if (cp < 0x10000) {
        const char bytes[3] = { static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            static_cast<char>(0x80 | (cp & 0x3F)) };
        out->append(bytes, 3);
    } else {
        const char bytes[4] = { static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F)) };
        out->append(bytes, 4);
    }
}
} // namespace

bool JsonReader::fail(const QString& message)
{
    if (m_errorOffset >= 0)
        return false; // keep the first, innermost error
    m_errorOffset = m_pos - m_begin;
    int line = 1;
    const char* lineStart = m_begin;
    for (const char* p = m_begin; p < m_pos; ++p) {
        if (*p == '\n') {
            ++line;
            lineStart = p + 1;
        }
    }
    m_error = u"JSON error at byte %1 (line %2, column %3): %4"_s.arg(m_errorOffset)
                  .arg(line)
                  .arg(m_pos - lineStart + 1)
                  .arg(message);
    return false;
}

bool JsonReader::validate(QByteArrayView text)
{
    // The quick check answers for the valid texts, which are nearly all; a text it refuses is
    // parsed again, for the message that says what is wrong and where.
    if (JsonValidator::accepts(text, m_maxDepth)) {
        m_error.clear();
        m_errorOffset = -1;
        return true;
    }
    return parse(text, nullptr);
}

bool JsonReader::parse(QByteArrayView text, JsonValue* root)
{
    m_begin = text.data();
    m_pos = m_begin;
    m_end = m_begin + text.size();
    m_error.clear();
    m_errorOffset = -1;
    m_values = 0;
    // A UTF-8 byte order mark is not JSON, but some Windows tools write one.
    if (text.size() >= 3 && text.startsWith("\xEF\xBB\xBF"))
        m_pos += 3;
    skipWhitespace();
    if (m_pos == m_end)
        return fail("the document is empty");
    if (!parseValue(root, 0))
        return false;
    skipWhitespace();
    if (m_pos != m_end)
        return fail("unexpected text after the JSON value");
    return true;
}

void JsonReader::skipWhitespace()
{
    while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
        ++m_pos;
}

bool JsonReader::parseLiteral(const char* literal, qsizetype length)
{
    if (m_end - m_pos < length || std::memcmp(m_pos, literal, static_cast<size_t>(length)) != 0)
        return fail("invalid literal (expected a value)");
    m_pos += length;
    return true;
}

bool JsonReader::parseValue(JsonValue* value, int depth)
{
    if (m_pos == m_end)
        return fail("unexpected end of the document");
    if (!value) // validating: nothing is kept, so nothing to cap
        return parseValueText(nullptr, depth);
    if (++m_values > m_maxValues)
        return fail(u"more than %1 values in one document"_s.arg(m_maxValues));
    value->m_offset = m_pos - m_begin;
    if (!parseValueText(value, depth))
        return false;
    value->m_length = (m_pos - m_begin) - value->m_offset;
    return true;
}

bool JsonReader::parseValueText(JsonValue* value, int depth)
{
    switch (*m_pos) {
    case '{': {
        if (depth >= m_maxDepth)
            return fail(u"nesting deeper than %1 levels"_s.arg(m_maxDepth));
        if (value)
            value->m_type = JsonValue::Type::Object;
        ++m_pos;
        skipWhitespace();
        if (m_pos < m_end && *m_pos == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (m_pos == m_end || *m_pos != '"')
                return fail("expected a member name in double quotes");
            JsonValue::Member member;
            if (!parseString(value ? &member.first : nullptr))
                return false;
            skipWhitespace();
            if (m_pos == m_end || *m_pos != ':')
                return fail("expected ':' after the member name");
            ++m_pos;
            skipWhitespace();
            if (!parseValue(value ? &member.second : nullptr, depth + 1))
                return false;
            if (value)
                value->m_members.push_back(std::move(member));
            skipWhitespace();
            if (m_pos < m_end && *m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_end && *m_pos == '}') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or '}' in an object");
        }
    }
    case '[': {
        if (depth >= m_maxDepth)
            return fail(u"nesting deeper than %1 levels"_s.arg(m_maxDepth));
        if (value)
            value->m_type = JsonValue::Type::Array;
        ++m_pos;
        skipWhitespace();
        if (m_pos < m_end && *m_pos == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWhitespace();
            JsonValue* element = value ? &value->m_elements.emplace_back() : nullptr;
            if (!parseValue(element, depth + 1))
                return false;
            skipWhitespace();
            if (m_pos < m_end && *m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_end && *m_pos == ']') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or ']' in an array");
        }
    }
    case '"':
        if (!value)
            return parseString(nullptr);
        value->m_type = JsonValue::Type::String;
        return parseString(&value->m_text);
    case 't':
        if (value) {
            value->m_type = JsonValue::Type::Bool;
            value->m_bool = true;
        }
        return parseLiteral("true", 4);
    case 'f':
        if (value)
            value->m_type = JsonValue::Type::Bool;
        return parseLiteral("false", 5);
    case 'n':
        if (value)
            value->m_type = JsonValue::Type::Null;
        return parseLiteral("null", 4);
    default:
        if (*m_pos == '-' || (*m_pos >= '0' && *m_pos <= '9'))
            return parseNumber(value);
        return fail(u"unexpected character '%1' (expected a value)"_s.arg(QChar::fromLatin1(*m_pos)));
    }
}

bool JsonReader::parseNumber(JsonValue* value)
{
    // RFC 8259 grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    const char* start = m_pos;
    auto digits = [this] {
        const char* first = m_pos;
        while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
            ++m_pos;
        return m_pos > first;
    };
    if (*m_pos == '-')
        ++m_pos;
    if (m_pos < m_end && *m_pos == '0')
        ++m_pos;
    else if (!digits())
        return fail("invalid number");
    if (m_pos < m_end && *m_pos == '.') {
        ++m_pos;
        if (!digits())
            return fail("invalid number: digits must follow the decimal point");
    }
    if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
        ++m_pos;
        if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-'))
            ++m_pos;
        if (!digits())
            return fail("invalid number: digits must follow the exponent");
    }
    if (value) {
        value->m_type = JsonValue::Type::Number;
        value->m_text = QByteArray(start, m_pos - start);
    }
    return true;
}

bool JsonReader::parseUnicodeEscape(QByteArray* out)
{
    auto readHex4 = [this](char32_t* unit) {
        const int result = HexDigits::utf16Unit(m_pos, m_end);
        if (result < 0)
            return false;
        m_pos += 4;
        *unit = static_cast<char32_t>(result);
        return true;
    };
    char32_t unit = 0;
    if (!readHex4(&unit))
        return fail("invalid \\u escape: four hex digits expected");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        char32_t low = 0;
        if (m_end - m_pos < 2 || m_pos[0] != '\\' || m_pos[1] != 'u')
            return fail("a high surrogate escape is not followed by a low surrogate");
        m_pos += 2;
        if (!readHex4(&low) || low < 0xDC00 || low > 0xDFFF)
            return fail("a high surrogate escape is not followed by a low surrogate");
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
        return fail("a lone low surrogate escape");
    }
    if (out)
        appendCodePoint(out, unit);
    return true;
}

bool JsonReader::copyUtf8Sequence(QByteArray* out)
{
    const qsizetype length = Utf8::sequenceLength(QByteArrayView(m_pos, m_end - m_pos));
    if (length <= 0)
        return fail("invalid UTF-8 in a string");
    if (out)
        out->append(m_pos, length);
    m_pos += length;
    return true;
}

bool JsonReader::parseString(QByteArray* out)
{
    ++m_pos; // opening quote
    for (;;) {
        // Copy the run of plain ASCII in one go.
        const char* run = m_pos;
        m_pos = JsonScan::towardsNonPlainByte(m_pos, m_end);
        while (m_pos < m_end) {
            const auto c = static_cast<unsigned char>(*m_pos);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++m_pos;
        }
        if (out)
            out->append(run, m_pos - run);
        if (m_pos == m_end)
            return fail("unterminated string");
        const auto c = static_cast<unsigned char>(*m_pos);
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c < 0x20)
            return fail("control character in a string (it must be escaped)");
        if (c >= 0x80) {
            if (!copyUtf8Sequence(out))
                return false;
            continue;
        }
        // Backslash escape.
        ++m_pos;
        if (m_pos == m_end)
            return fail("unterminated escape in a string");
        const char escape = *m_pos++;
        switch (escape) {
        case '"':
            if (out)
                out->append('"');
            break;
        case '\\':
            if (out)
                out->append('\\');
            break;
        case '/':
            if (out)
                out->append('/');
            break;
        case 'b':
            if (out)
                out->append('\b');
            break;
        case 'f':
            if (out)
                out->append('\f');
            break;
        case 'n':
            if (out)
                out->append('\n');
            break;
        case 'r':
            if (out)
                out->append('\r');
            break;
        case 't':
            if (out)
                out->append('\t');
            break;
        case 'u':
            if (!parseUnicodeEscape(out))
                return false;
            break;
        default:
            --m_pos;
            return fail(u"invalid escape '\\%1' in a string"_s.arg(QChar::fromLatin1(escape)));
        }
    }
}
