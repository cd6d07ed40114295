#include "jsonwriter.h"

#include <charconv>
#include <cmath>

namespace {
constexpr char hexDigits[] = "0123456789abcdef";

bool needsEscape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}
} // namespace

JsonWriter::JsonWriter(QByteArray& out)
    : m_out(out)
{ }

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_containerEmpty.isEmpty())
        return;
    if (m_containerEmpty.last())
        m_containerEmpty.last() = false;
    else
        m_out.append(',');
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_containerEmpty.append(true);
}

void JsonWriter::endObject()
{
    m_out.append('}');
    m_containerEmpty.removeLast();
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_containerEmpty.append(true);
}

void JsonWriter::endArray()
{
    m_out.append(']');
    m_containerEmpty.removeLast();
}

void JsonWriter::key(QByteArrayView utf8)
{
    separate();
    m_out.append('"');
    appendEscaped(m_out, utf8);
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::appendEscaped(QByteArray& out, QByteArrayView utf8)
{
    const char* data = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (!needsEscape(c))
            continue;
        out.append(data + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            const char escaped[6] = { '\\', 'u', '0', '0', hexDigits[c >> 4], hexDigits[c & 0xf] };
            out.append(escaped, 6);
        }
        }
    }
    out.append(data + runStart, size - runStart);
}

void JsonWriter::string(QByteArrayView utf8)
{
    separate();
    m_out.append('"');
    appendEscaped(m_out, utf8);
    m_out.append('"');
}

void JsonWriter::boolean(bool value)
{
    separate();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
}

void JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
}

void JsonWriter::integer(qint64 value)
{
    separate();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(buffer, result.ptr - buffer);
}

void JsonWriter::unsignedInteger(quint64 value)
{
    separate();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(buffer, result.ptr - buffer);
}

void JsonWriter::integerAsString(qint64 value)
{
    separate();
    char buffer[26];
    buffer[0] = '"';
    const auto result = std::to_chars(buffer + 1, buffer + sizeof buffer - 1, value);
    *result.ptr = '"';
    m_out.append(buffer, result.ptr + 1 - buffer);
}

void JsonWriter::unsignedAsString(quint64 value)
{
    separate();
    char buffer[26];
    buffer[0] = '"';
    const auto result = std::to_chars(buffer + 1, buffer + sizeof buffer - 1, value);
    *result.ptr = '"';
    m_out.append(buffer, result.ptr + 1 - buffer);
}

void JsonWriter::number(double value)
{
    if (std::isnan(value)) {
        string("NaN");
        return;
    }
    if (std::isinf(value)) {
        string(value > 0 ? QByteArrayView("Infinity") : QByteArrayView("-Infinity"));
        return;
    }
    separate();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(buffer, result.ptr - buffer);
}

void JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json.data(), json.size());
}
