#pragma once

#include "protobufsizer.h"
#include "protobufwire.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

#include <bit>
#include <cstring>
#include <vector>

/// Second pass of encoding: writes into a buffer of the exact size the sizer measured, with the
/// nested lengths it recorded. Same interface as ProtobufSizer; see there.
class ProtobufWriter final
{
public:
    ProtobufWriter(char* buffer, const std::vector<quint32>& messageSizes)
        : m_pos(buffer)
        , m_sizes(messageSizes)
    { }

    template<typename Fill>
    void message(quint32 field, Fill&& fill)
    {
        tag(field, ProtobufWire::WireType::Len);
        rawVarint(m_sizes[m_next++]);
        fill(*this);
    }

    void bytes(quint32 field, QByteArrayView value)
    {
        if (!value.isEmpty())
            bytesAlways(field, value);
    }
    void bytesAlways(quint32 field, QByteArrayView value)
    {
        tag(field, ProtobufWire::WireType::Len);
        rawVarint(static_cast<quint64>(value.size()));
        if (value.isEmpty())
            return; // memcpy from a null pointer is undefined even for zero bytes
        std::memcpy(m_pos, value.data(), static_cast<size_t>(value.size()));
        m_pos += value.size();
    }
    void varint(quint32 field, quint64 value)
    {
        if (value != 0)
            varintAlways(field, value);
    }
    void varintAlways(quint32 field, quint64 value)
    {
        tag(field, ProtobufWire::WireType::Varint);
        rawVarint(value);
    }
    void fixed64(quint32 field, quint64 value)
    {
        if (value != 0)
            fixed64Always(field, value);
    }
    void fixed64Always(quint32 field, quint64 value)
    {
        tag(field, ProtobufWire::WireType::I64);
        rawFixed64(value);
    }
    void fixed32(quint32 field, quint32 value)
    {
        if (value == 0)
            return;
        tag(field, ProtobufWire::WireType::I32);
        const quint32 little = qToLittleEndian(value);
        std::memcpy(m_pos, &little, 4);
        m_pos += 4;
    }
    void doubleAlways(quint32 field, double value) { fixed64Always(field, std::bit_cast<quint64>(value)); }
    void doubleField(quint32 field, double value)
    {
        if (std::bit_cast<quint64>(value) != 0)
            fixed64Always(field, std::bit_cast<quint64>(value));
    }
    template<typename List>
    void packedFixed64(quint32 field, const List& values)
    {
        if (values.isEmpty())
            return;
        tag(field, ProtobufWire::WireType::Len);
        rawVarint(quint64(values.size()) * 8);
        for (auto value : values)
            rawFixed64(toBits(value));
    }
    template<typename List>
    void packedVarint(quint32 field, const List& values)
    {
        if (values.isEmpty())
            return;
        size_t length = 0;
        for (quint64 value : values)
            length += ProtobufWire::varintSize(value);
        tag(field, ProtobufWire::WireType::Len);
        rawVarint(length);
        for (quint64 value : values)
            rawVarint(value);
    }

    char* position() const { return m_pos; }

private:
    static quint64 toBits(quint64 value) { return value; }
    static quint64 toBits(double value) { return std::bit_cast<quint64>(value); }

    void tag(quint32 field, ProtobufWire::WireType type) { rawVarint((quint64(field) << 3) | quint64(type)); }
    void rawVarint(quint64 value)
    {
        while (value >= 0x80) {
            *m_pos++ = static_cast<char>(value | 0x80);
            value >>= 7;
        }
        *m_pos++ = static_cast<char>(value);
    }
    void rawFixed64(quint64 value)
    {
        const quint64 little = qToLittleEndian(value);
        std::memcpy(m_pos, &little, 8);
        m_pos += 8;
    }

    char* m_pos;
    const std::vector<quint32>& m_sizes;
    size_t m_next = 0;
};

/// Runs an encoder template over both passes and returns the bytes.
template<typename Encode>
QByteArray encodeProtobuf(Encode&& encode)
{
    ProtobufSizer sizer;
    encode(sizer);
    QByteArray out(static_cast<qsizetype>(sizer.size()), Qt::Uninitialized);
    ProtobufWriter writer(out.data(), sizer.messageSizes());
    encode(writer);
    Q_ASSERT(writer.position() == out.data() + out.size());
    return out;
}
