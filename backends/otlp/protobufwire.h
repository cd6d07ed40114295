#pragma once

#include <QtGlobal>

/// Protobuf wire-format basics shared by the reader, the sizer and the writer.
namespace ProtobufWire {

enum class WireType : quint8
{
    Varint = 0,
    I64 = 1,
    Len = 2,
    StartGroup = 3, ///< deprecated groups: never used by OTLP, rejected
    EndGroup = 4,
    I32 = 5,
};

constexpr int varintSize(quint64 value)
{
    int size = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++size;
    }
    return size;
}

constexpr int tagSize(quint32 field)
{
    return varintSize(quint64(field) << 3);
}

const char* wireTypeName(WireType type);

/// sint32 fields use zigzag encoding so that small negative numbers stay short.
constexpr quint64 zigzag32(qint32 value)
{
    return static_cast<quint32>((static_cast<quint32>(value) << 1) ^ static_cast<quint32>(value >> 31));
}
constexpr qint32 unzigzag32(quint64 value)
{
    const auto low = static_cast<quint32>(value);
    return static_cast<qint32>((low >> 1) ^ (~(low & 1) + 1));
}

} // namespace ProtobufWire
