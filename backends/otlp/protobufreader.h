#pragma once

#include "protobufwire.h"

#include <QByteArrayView>
#include <QString>

/// Reads the fields of one protobuf message from a byte range, bounds-checked at every step:
/// truncated varints, lengths that run past the end, field number 0, group wire types and
/// varints longer than ten bytes are errors that name the byte offset. Unknown fields are
/// skipped by the caller with skip(). Offsets are absolute (relative to the whole request).
class ProtobufReader final
{
public:
    ProtobufReader(QByteArrayView data, qsizetype baseOffset = 0)
        : m_data(data)
        , m_base(baseOffset)
    { }

    /// Reads the next tag. False at the end of the message or on an error (see hasError()).
    /// The common cases (one-byte tags and lengths) are inline: the decoder spends most of its
    /// time here.
    bool next()
    {
        if (m_failed || m_pos >= m_data.size())
            return false;
        m_fieldStart = m_pos;
        quint64 tag = 0;
        if (!readVarint(&tag))
            return false;
        const quint64 field = tag >> 3;
        const auto type = static_cast<quint8>(tag & 7);
        if (field == 0 || field > 536870911 || type == 3 || type == 4 || type > 5)
            return failTag(field, type);
        m_field = static_cast<quint32>(field);
        m_wireType = static_cast<ProtobufWire::WireType>(type);
        return true;
    }
    quint32 field() const { return m_field; }
    ProtobufWire::WireType wireType() const { return m_wireType; }
    /// Absolute offset of the current field's tag.
    qsizetype fieldOffset() const { return m_base + m_fieldStart; }
    /// Absolute offset of the reader's position.
    qsizetype offset() const { return m_base + m_pos; }

    bool readVarint(quint64* value)
    {
        if (m_pos < m_data.size() && static_cast<quint8>(m_data[m_pos]) < 0x80) {
            *value = static_cast<quint8>(m_data[m_pos++]);
            return true;
        }
        return rawVarint(value);
    }
    bool readFixed64(quint64* value);
    bool readFixed32(quint32* value);
    /// A length-delimited payload; `payloadOffset` receives its absolute offset.
    bool readBytes(QByteArrayView* value, qsizetype* payloadOffset = nullptr)
    {
        const qsizetype lengthOffset = offset();
        quint64 length = 0;
        if (!readVarint(&length))
            return false;
        if (length > quint64(m_data.size() - m_pos))
            return failLength(length, lengthOffset);
        if (payloadOffset)
            *payloadOffset = offset();
        *value = m_data.sliced(m_pos, static_cast<qsizetype>(length));
        m_pos += static_cast<qsizetype>(length);
        return true;
    }
    bool skip();

    /// Reads the current field's value if it has the expected wire type; otherwise records an
    /// error naming the field.
    bool expect(ProtobufWire::WireType type, const char* fieldName)
    {
        return m_wireType == type || failWireType(type, fieldName);
    }

    bool hasError() const { return m_failed; }
    QString error() const { return m_error; }
    void setError(const QString& message);

private:
    // The slow and failing paths, out of line.
    bool rawVarint(quint64* value);
    bool failTag(quint64 field, quint8 type);
    bool failLength(quint64 length, qsizetype lengthOffset);
    bool failWireType(ProtobufWire::WireType type, const char* fieldName);

    QByteArrayView m_data;
    qsizetype m_base;
    qsizetype m_pos = 0;
    qsizetype m_fieldStart = 0;
    quint32 m_field = 0;
    ProtobufWire::WireType m_wireType = ProtobufWire::WireType::Varint;
    QString m_error;
    bool m_failed = false;
};
