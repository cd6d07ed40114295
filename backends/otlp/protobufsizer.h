#pragma once

#include "protobufwire.h"

#include <QByteArrayView>

#include <bit>
#include <vector>

/// First pass of encoding: walks the message tree exactly as ProtobufWriter will and records
/// every nested message's length, in visiting order, so the writer can put each length before
/// its content without measuring twice. Encoders are templates over this and the writer, so the
/// two passes cannot disagree.
class ProtobufSizer final
{
public:
    template<typename Fill>
    void message(quint32 field, Fill&& fill)
    {
        const size_t slot = m_sizes.size();
        m_sizes.push_back(0);
        const size_t before = m_size;
        fill(*this);
        const size_t length = m_size - before;
        m_sizes[slot] = static_cast<quint32>(length);
        m_size += ProtobufWire::tagSize(field) + ProtobufWire::varintSize(length);
    }

    void bytes(quint32 field, QByteArrayView value) // skipped when empty (proto3 default)
    {
        if (!value.isEmpty())
            bytesAlways(field, value);
    }
    void bytesAlways(quint32 field, QByteArrayView value)
    {
        m_size += ProtobufWire::tagSize(field) + ProtobufWire::varintSize(value.size()) + value.size();
    }
    void varint(quint32 field, quint64 value)
    {
        if (value != 0)
            varintAlways(field, value);
    }
    void varintAlways(quint32 field, quint64 value)
    {
        m_size += ProtobufWire::tagSize(field) + ProtobufWire::varintSize(value);
    }
    void fixed64(quint32 field, quint64 value)
    {
        if (value != 0)
            fixed64Always(field);
    }
    void fixed64Always(quint32 field, quint64 = 0) { m_size += ProtobufWire::tagSize(field) + 8; }
    void fixed32(quint32 field, quint32 value)
    {
        if (value != 0)
            m_size += ProtobufWire::tagSize(field) + 4;
    }
    void doubleAlways(quint32 field, double) { fixed64Always(field); }
    /// A plain (non-optional) double: skipped when it is +0.0, as proto3 does.
    void doubleField(quint32 field, double value)
    {
        if (std::bit_cast<quint64>(value) != 0)
            fixed64Always(field);
    }
    template<typename List>
    void packedFixed64(quint32 field, const List& values)
    {
        const auto count = static_cast<size_t>(values.size());
        if (count > 0)
            m_size += ProtobufWire::tagSize(field) + ProtobufWire::varintSize(quint64(count) * 8) + count * 8;
    }
    template<typename List>
    void packedVarint(quint32 field, const List& values)
    {
        if (values.isEmpty())
            return;
        size_t length = 0;
        for (quint64 value : values)
            length += ProtobufWire::varintSize(value);
        m_size += ProtobufWire::tagSize(field) + ProtobufWire::varintSize(length) + length;
    }

    size_t size() const { return m_size; }
    const std::vector<quint32>& messageSizes() const { return m_sizes; }

private:
    size_t m_size = 0;
    std::vector<quint32> m_sizes;
};
