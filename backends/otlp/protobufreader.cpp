#include "protobufreader.h"

#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;

const char* ProtobufWire::wireTypeName(WireType type)
{
    switch (type) {
    case WireType::Varint:
        return "varint";
    case WireType::I64:
        return "64-bit";
    case WireType::Len:
        return "length-delimited";
    case WireType::StartGroup:
        return "start-group";
    case WireType::EndGroup:
        return "end-group";
    case WireType::I32:
        return "32-bit";
    }
    return "unknown";
}

void ProtobufReader::setError(const QString& message)
{
    if (!m_failed)
        m_error = message;
    m_failed = true;
}

bool ProtobufReader::rawVarint(quint64* value)
{
    quint64 result = 0;
    const qsizetype start = m_pos;
    for (int shift = 0; shift < 64; shift += 7) {
        if (m_pos >= m_data.size()) {
            setError(u"truncated varint at byte %1"_s.arg(m_base + start));
            return false;
        }
        const auto byte = static_cast<quint8>(m_data[m_pos++]);
        // The tenth byte may only carry the top bit of a 64-bit value.
        if (shift == 63 && byte > 1) {
            setError(u"varint longer than 64 bits at byte %1"_s.arg(m_base + start));
            return false;
        }
        result |= quint64(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            *value = result;
            return true;
        }
    }
    setError(u"varint longer than ten bytes at byte %1"_s.arg(m_base + start));
    return false;
}

bool ProtobufReader::failTag(quint64 field, quint8 type)
{
    if (field == 0 || field > 536870911)
        setError(u"invalid field number %1 at byte %2"_s.arg(field).arg(fieldOffset()));
    else
        setError(u"unsupported wire type %1 for field %2 at byte %3"_s.arg(type).arg(field).arg(fieldOffset()));
    return false;
}

bool ProtobufReader::failLength(quint64 length, qsizetype lengthOffset)
{
    setError(u"length %1 at byte %2 runs past the end of its message (%3 bytes left)"_s.arg(length)
                 .arg(lengthOffset)
                 .arg(m_data.size() - m_pos));
    return false;
}

bool ProtobufReader::readFixed64(quint64* value)
{
    if (m_data.size() - m_pos < 8) {
        setError(u"truncated 64-bit value at byte %1"_s.arg(offset()));
        return false;
    }
    quint64 little;
    std::memcpy(&little, m_data.data() + m_pos, 8);
    *value = qFromLittleEndian(little);
    m_pos += 8;
    return true;
}

bool ProtobufReader::readFixed32(quint32* value)
{
    if (m_data.size() - m_pos < 4) {
        setError(u"truncated 32-bit value at byte %1"_s.arg(offset()));
        return false;
    }
    quint32 little;
    std::memcpy(&little, m_data.data() + m_pos, 4);
    *value = qFromLittleEndian(little);
    m_pos += 4;
    return true;
}

bool ProtobufReader::skip()
{
    quint64 ignoredVarint = 0;
    quint32 ignored32 = 0;
    QByteArrayView ignoredBytes;
    switch (m_wireType) {
    case ProtobufWire::WireType::Varint:
        return readVarint(&ignoredVarint);
    case ProtobufWire::WireType::I64:
        return readFixed64(&ignoredVarint);
    case ProtobufWire::WireType::Len:
        return readBytes(&ignoredBytes);
    case ProtobufWire::WireType::I32:
        return readFixed32(&ignored32);
    case ProtobufWire::WireType::StartGroup:
    case ProtobufWire::WireType::EndGroup:
        break;
    }
    setError(u"cannot skip field %1 at byte %2"_s.arg(m_field).arg(fieldOffset()));
    return false;
}

bool ProtobufReader::failWireType(ProtobufWire::WireType type, const char* fieldName)
{
    setError(u"field %1 (%2) at byte %3 has wire type %4, expected %5"_s.arg(m_field)
                 .arg(QLatin1StringView(fieldName))
                 .arg(fieldOffset())
                 .arg(QLatin1StringView(ProtobufWire::wireTypeName(m_wireType)),
                     QLatin1StringView(ProtobufWire::wireTypeName(type))));
    return false;
}
