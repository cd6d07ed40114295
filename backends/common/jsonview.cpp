#include "jsonview.h"

#include "hexdigits.h"
#include "jsonscan.h"

#include <cstring>

namespace {
/// The text was validated: four hex digits are there.
char32_t hex4(const char* at)
{
    return static_cast<char32_t>(HexDigits::utf16Unit(at, at + 4));
}

void appendCodePoint(QByteArray* out, char32_t point)
{
    if (point < 0x80) {
        out->append(static_cast<char>(point));
    } else if (point < 0x800) {
        out->append(static_cast<char>(0xC0 | (point >> 6)));
        out->append(static_cast<char>(0x80 | (point & 0x3F)));
    } else if (point < 0x10000) {
        out->append(static_cast<char>(0xE0 | (point >> 12)));
        out->append(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        out->append(static_cast<char>(0x80 | (point & 0x3F)));
    } else {
        out->append(static_cast<char>(0xF0 | (point >> 18)));
        out->append(static_cast<char>(0x80 | ((point >> 12) & 0x3F)));
        out->append(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        out->append(static_cast<char>(0x80 | (point & 0x3F)));
    }
}
} // namespace

JsonView JsonView::root(QByteArrayView validatedText)
{
    const char* at = validatedText.data();
    const char* stop = at + validatedText.size();
    if (validatedText.startsWith("\xEF\xBB\xBF"))
        at += 3;
    JsonView view(validatedText.data(), stop, skipWhitespace(at));
    // The root's end is where the text ends (but for whitespace): a number there has no
    // delimiter after it, and the scan must not read past the text.
    while (stop > view.m_at && (stop[-1] == ' ' || stop[-1] == '\n' || stop[-1] == '\r' || stop[-1] == '\t'))
        --stop;
    view.m_end = stop;
    return view;
}

JsonView::Type JsonView::type() const
{
    switch (*m_at) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
    case 'f':
        return Type::Bool;
    case 'n':
        return Type::Null;
    default:
        return Type::Number;
    }
}

const char* JsonView::end() const
{
    if (!m_end)
        m_end = skipValue(m_at, m_stop);
    return m_end;
}

const char* JsonView::skipWhitespace(const char* at)
{
    while (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t')
        ++at;
    return at;
}

const char* JsonView::skipString(const char* at, const char* stop, bool* escaped)
{
    // Validated text: the closing quote is the first one not preceded by an escaping backslash.
    ++at;
    for (;;) {
        const char* special = JsonScan::towardsQuoteOrBackslash(at, stop);
        while (*special != '"' && *special != '\\')
            ++special;
        if (*special == '"')
            return special + 1;
        *escaped = true;
        at = special + 2; // the backslash and the character it escapes ("\u" digits are plain)
    }
}

const char* JsonView::skipValue(const char* at, const char* stop)
{
    bool escaped = false;
    switch (*at) {
    case '"':
        return skipString(at, stop, &escaped);
    case '{':
    case '[': {
        int depth = 0;
        for (;;) {
            const char c = *at;
            if (c == '"') {
                at = skipString(at, stop, &escaped);
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return at + 1;
            }
            ++at;
        }
    }
    case 't':
    case 'n':
        return at + 4;
    case 'f':
        return at + 5;
    default: // a number
        while ((*at >= '0' && *at <= '9') || *at == '-' || *at == '+' || *at == '.' || *at == 'e' || *at == 'E')
            ++at;
        return at;
    }
}

bool JsonView::stringIsVerbatim() const
{
    bool escaped = false;
    m_end = skipString(m_at, m_stop, &escaped);
    return !escaped;
}

QByteArrayView JsonView::string(QByteArray* scratch) const
{
    bool escaped = false;
    m_end = skipString(m_at, m_stop, &escaped);
    const QByteArrayView content(m_at + 1, m_end - m_at - 2);
    if (!escaped)
        return content;
    decodeEscapes(content, scratch);
    return *scratch;
}

QByteArrayView JsonView::numberText() const
{
    return QByteArrayView(m_at, end() - m_at);
}

void JsonView::decodeEscapes(QByteArrayView content, QByteArray* out)
{
    out->clear();
    out->reserve(content.size());
    const char* at = content.data();
    const char* stop = at + content.size();
    while (at < stop) {
        const char* run = at;
        while (at < stop && *at != '\\')
            ++at;
        out->append(run, at - run);
        if (at == stop)
            break;
        const char escape = at[1];
        at += 2;
        switch (escape) {
        case 'b':
            out->append('\b');
            break;
        case 'f':
            out->append('\f');
            break;
        case 'n':
            out->append('\n');
            break;
        case 'r':
            out->append('\r');
            break;
        case 't':
            out->append('\t');
            break;
        case 'u': {
            char32_t unit = hex4(at);
            at += 4;
            if (unit >= 0xD800 && unit <= 0xDBFF) { // validated: a low surrogate escape follows
                unit = 0x10000 + ((unit - 0xD800) << 10) + (hex4(at + 2) - 0xDC00);
                at += 6;
            }
            appendCodePoint(out, unit);
            break;
        }
        default: // '"', '\\' and '/' stand for themselves
            out->append(escape);
            break;
        }
    }
}
