#include "jsoncompactrowreader.h"

#include "clickhousecolumn.h"
#include "common/jsonreader.h"
#include "common/utf8.h"
#include "jsoncompactstreamparser.h"

#include <charconv>
#include <cmath>
#include <string>

namespace {
void skipSpace(const char*& at, const char* end)
{
    while (at < end && (*at == ' ' || *at == '\t' || *at == '\r' || *at == '\n'))
        ++at;
}

/// Steps over `word` (a JSON literal) if it is what comes next.
bool skipWord(const char*& at, const char* end, QByteArrayView word)
{
    if (end - at < word.size() || QByteArrayView(at, word.size()) != word)
        return false;
    at += word.size();
    return true;
}
} // namespace

JsonCompactRowReader::JsonCompactRowReader(const QStringList& types)
    : m_types(types)
{
    for (const QString& type : types) {
        const QStringView base = ClickHouseColumn::baseType(type);
        m_kinds.append(base == u"Int64" ? Kind::Int64 : (base == u"UInt64" ? Kind::UInt64 : Kind::Other));
    }
}

bool JsonCompactRowReader::read(QByteArrayView row, ResultRows* rows) const
{
    const char* at = row.data();
    const char* end = at + row.size();
    if (readValues(at, end, rows) && rows->pendingValues() == rows->columnCount()) {
        skipSpace(at, end);
        if (at == end) {
            rows->endRow();
            return true;
        }
    }
    rows->abandonRow();
    return false;
}

bool JsonCompactRowReader::readValues(const char*& at, const char* end, ResultRows* rows) const
{
    skipSpace(at, end);
    if (at == end || *at != '[')
        return false;
    ++at;
    skipSpace(at, end);
    if (at < end && *at == ']') {
        ++at;
        return true;
    }
    for (qsizetype column = 0;; ++column) {
        if (column >= rows->columnCount())
            return false; // more values than columns: the general path decides what to keep
        skipSpace(at, end);
        if (at == end)
            return false;
        const Kind kind = column < m_kinds.size() ? m_kinds.at(column) : Kind::Other;
        switch (*at) {
        case '"':
            if (!readString(at, end, kind, rows))
                return false;
            break;
        case 'n':
            if (!skipWord(at, end, "null"))
                return false;
            rows->appendNull();
            break;
        case 't':
        case 'f': {
            const bool value = *at == 't';
            if (!skipWord(at, end, value ? "true" : "false"))
                return false;
            rows->appendBool(value);
            break;
        }
        case '[':
        case '{':
            if (!readNested(at, end, column, rows))
                return false;
            break;
        default:
            if (!readNumber(at, end, rows))
                return false;
            break;
        }
        skipSpace(at, end);
        if (at == end)
            return false;
        if (*at == ',') {
            ++at;
            continue;
        }
        if (*at != ']')
            return false;
        ++at;
        return true;
    }
}

bool JsonCompactRowReader::readString(const char*& at, const char* end, Kind kind, ResultRows* rows)
{
    const char* begin = ++at; // after the opening quote
    const qsizetype textStart = rows->textSize();
    const char* copied = begin; // what is not yet in the text buffer, once there was an escape
    bool escaped = false;
    while (at < end) {
        const auto c = static_cast<unsigned char>(*at);
        if (c == '"')
            break;
        if (c < 0x20)
            return false; // a control character: the general reader words the error
        if (c == '\\') {
            // The escapes ClickHouse writes (it escapes / too); \u goes to the general reader, and
            // so does an escape in a quoted integer.
            if (end - at < 2 || kind != Kind::Other)
                return false;
            static constexpr char from[] = "\"\\/bfnrt";
            static constexpr char to[] = "\"\\/\b\f\n\r\t";
            const char* which = std::char_traits<char>::find(from, 8, at[1]);
            if (!which)
                return false;
            rows->appendTextPiece(QByteArrayView(copied, at - copied));
            rows->appendTextPiece(to[which - from]);
            escaped = true;
            at += 2;
            copied = at;
            continue;
        }
        if (c >= 0x80) {
            const qsizetype length = Utf8::sequenceLength(QByteArrayView(at, end - at));
            if (length <= 0)
                return false;
            at += length;
        } else {
            ++at;
        }
    }
    if (at == end)
        return false;
    const QByteArrayView text(begin, at - begin);
    ++at; // the closing quote
    if (kind == Kind::Int64) {
        qint64 integer = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), integer);
        if (result.ec != std::errc() || result.ptr != text.data() + text.size() || text.isEmpty())
            return false; // not a plain integer: the general reader decides what it is
        rows->appendInt(integer);
    } else if (kind == Kind::UInt64) {
        quint64 integer = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), integer);
        if (result.ec != std::errc() || result.ptr != text.data() + text.size() || text.isEmpty())
            return false;
        rows->appendUInt(integer);
    } else if (escaped) {
        rows->appendTextPiece(QByteArrayView(copied, text.end() - copied));
        rows->closeText(textStart);
    } else {
        rows->appendText(text);
    }
    return true;
}

bool JsonCompactRowReader::readNumber(const char*& at, const char* end, ResultRows* rows)
{
    const char* begin = at;
    bool integral = true;
    while (at < end
        && (std::isdigit(static_cast<unsigned char>(*at)) || *at == '-' || *at == '+' || *at == '.' || *at == 'e'
            || *at == 'E')) {
        if (*at == '.' || *at == 'e' || *at == 'E')
            integral = false;
        ++at;
    }
    if (!isJsonNumber(begin, at))
        return false;
    if (integral) {
        qint64 integer = 0;
        auto result = std::from_chars(begin, at, integer);
        if (result.ec == std::errc() && result.ptr == at) {
            rows->appendInt(integer);
            return true;
        }
        quint64 unsignedInteger = 0;
        result = std::from_chars(begin, at, unsignedInteger);
        if (result.ec == std::errc() && result.ptr == at) {
            rows->appendUInt(unsignedInteger);
            return true;
        }
        return false; // beyond 64 bits: the general reader decides
    }
    if (exceedsDouble(QByteArrayView(begin, at)))
        return false; // kept as text: the general reader does that
    double number = 0;
    const auto result = std::from_chars(begin, at, number);
    if (result.ec != std::errc() || result.ptr != at || !std::isfinite(number))
        return false;
    // The general reader turns a whole number written as 2.0 or 1e3 into an integer, deciding
    // "whole" in long double. A double that is not whole is not whole in long double either
    // (the nearer reading would round to the same integer); a whole one may be either way
    // (1234567823450128.09763), so that one goes to the general reader. ClickHouse writes whole
    // floats without a fraction, so this is rare.
    if (number == std::floor(number))
        return false;
    rows->appendDouble(number);
    return true;
}

bool JsonCompactRowReader::isJsonNumber(const char* begin, const char* end)
{
    const char* at = begin;
    auto digits = [&at, end] {
        const char* start = at;
        while (at < end && *at >= '0' && *at <= '9')
            ++at;
        return at - start;
    };
    if (at < end && *at == '-')
        ++at;
    if (at < end && *at == '0')
        ++at;
    else if (digits() == 0)
        return false;
    if (at < end && *at == '.') {
        ++at;
        if (digits() == 0)
            return false;
    }
    if (at < end && (*at == 'e' || *at == 'E')) {
        ++at;
        if (at < end && (*at == '+' || *at == '-'))
            ++at;
        if (digits() == 0)
            return false;
    }
    return at == end;
}

bool JsonCompactRowReader::readNested(const char*& at, const char* end, qsizetype column, ResultRows* rows) const
{
    // Find the matching bracket (strings skipped), then read just that element.
    const char* begin = at;
    int depth = 0;
    while (at < end) {
        const char c = *at;
        if (c == '"') {
            ++at;
            while (at < end && *at != '"')
                at += *at == '\\' ? 2 : 1;
            if (at >= end)
                return false;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) {
                ++at;
                break;
            }
        }
        ++at;
    }
    if (depth != 0)
        return false;
    JsonValue element;
    JsonReader reader;
    if (!reader.parse(QByteArrayView(begin, at - begin), &element))
        return false;
    rows->appendVariant(JsonCompactStreamParser::toVariant(
        element, column < m_types.size() ? QStringView(m_types.at(column)) : QStringView()));
    return true;
}

bool JsonCompactRowReader::exceedsDouble(QByteArrayView number)
{
    int digits = 0;
    bool leading = true;
    for (const char c : number) {
        if (c == 'e' || c == 'E')
            break;
        if (c < '0' || c > '9' || (c == '0' && leading))
            continue;
        leading = false;
        ++digits;
    }
    return digits > 17;
}
