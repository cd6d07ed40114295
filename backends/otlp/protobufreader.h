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
    bool next();
    quint32 field() const { return m_field; }
    ProtobufWire::WireType wireType() const { return m_wireType; }
    /// Absolute offset of the current field's tag.
    qsizetype fieldOffset() const { return m_base + m_fieldStart; }
    /// Absolute offset of the reader's position.
    qsizetype offset() const { return m_base + m_pos; }

    bool readVarint(quint64* value);
    bool readFixed64(quint64* value);
    bool readFixed32(quint32* value);
    /// A length-delimited payload; `payloadOffset` receives its absolute offset.
    bool readBytes(QByteArrayView* value, qsizetype* payloadOffset = nullptr);
    bool skip();

    /// Reads the current field's value if it has the expected wire type; otherwise records an
    /// error naming the field.
    bool expect(ProtobufWire::WireType type, const char* fieldName);

    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    void setError(const QString& message);

private:
    bool rawVarint(quint64* value);

    QByteArrayView m_data;
    qsizetype m_base;
    qsizetype m_pos = 0;
    qsizetype m_fieldStart = 0;
    quint32 m_field = 0;
    ProtobufWire::WireType m_wireType = ProtobufWire::WireType::Varint;
    QString m_error;
};
