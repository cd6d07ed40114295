#pragma once

#include "common/hexdigits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <cstring>

/// A W3C trace id (16 bytes) or span id (8 bytes). "Absent" is the empty state of an optional
/// id (a root span's parent, a log record outside any trace). On the wire it is raw bytes in
/// protobuf and lowercase hex in OTLP/JSON; the all-zero value is invalid per the spec.
template<int Size>
class BinaryId final
{
public:
    static constexpr int byteSize = Size;

    BinaryId() = default;

    /// From raw bytes: exactly Size bytes, or none for "absent". Anything else fails.
    static bool fromBytes(QByteArrayView bytes, BinaryId* id)
    {
        if (bytes.isEmpty()) {
            *id = BinaryId();
            return true;
        }
        if (bytes.size() != Size)
            return false;
        BinaryId result;
        std::memcpy(result.m_bytes.data(), bytes.data(), Size);
        result.m_present = true;
        *id = result;
        return true;
    }

    /// From hex, either case: exactly 2*Size digits, or "" for "absent".
    static bool fromHex(QByteArrayView hex, BinaryId* id)
    {
        if (hex.isEmpty()) {
            *id = BinaryId();
            return true;
        }
        if (hex.size() != 2 * Size)
            return false;
        BinaryId result;
        for (int i = 0; i < Size; ++i) {
            const int high = HexDigits::value(hex[2 * i]);
            const int low = HexDigits::value(hex[2 * i + 1]);
            if (high < 0 || low < 0)
                return false;
            result.m_bytes[i] = static_cast<quint8>((high << 4) | low);
        }
        result.m_present = true;
        *id = result;
        return true;
    }

    bool isPresent() const { return m_present; }
    bool isAllZero() const
    {
        for (quint8 b : m_bytes) {
            if (b != 0)
                return false;
        }
        return true;
    }
    /// Present and not all zeros: what the spec calls valid.
    bool isValid() const { return m_present && !isAllZero(); }

    QByteArrayView bytes() const
    {
        return m_present ? QByteArrayView(reinterpret_cast<const char*>(m_bytes.data()), Size) : QByteArrayView();
    }

    /// Lowercase hex, or "" when absent.
    QByteArray toHex() const
    {
        if (!m_present)
            return {};
        QByteArray out(2 * Size, Qt::Uninitialized);
        appendHex(out.data());
        return out;
    }
    /// Writes 2*Size lowercase hex digits to `out` (for writers that build text in place).
    void appendHex(char* out) const
    {
        static constexpr char digits[] = "0123456789abcdef";
        for (int i = 0; i < Size; ++i) {
            out[2 * i] = digits[m_bytes[i] >> 4];
            out[2 * i + 1] = digits[m_bytes[i] & 0xF];
        }
    }

    friend bool operator==(const BinaryId&, const BinaryId&) = default;

private:
    std::array<quint8, Size> m_bytes {};
    bool m_present = false;
};

using TraceId = BinaryId<16>;
using SpanId = BinaryId<8>;
