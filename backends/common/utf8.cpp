#include "utf8.h"

#include <cstring>

namespace Utf8 {

qsizetype sequenceLength(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype available = bytes.size();
    const unsigned char lead = p[0];
    if (lead < 0x80)
        return 1;
    auto continuation = [&](qsizetype i) { return i < available && (p[i] & 0xC0) == 0x80; };
    if (lead >= 0xC2 && lead <= 0xDF)
        return continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (!continuation(1) || !continuation(2))
            return 0;
        if (lead == 0xE0 && p[1] < 0xA0)
            return 0; // overlong
        if (lead == 0xED && p[1] >= 0xA0)
            return 0; // UTF-16 surrogate
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (!continuation(1) || !continuation(2) || !continuation(3))
            return 0;
        if (lead == 0xF0 && p[1] < 0x90)
            return 0; // overlong
        if (lead == 0xF4 && p[1] >= 0x90)
            return 0; // above U+10FFFF
        return 4;
    }
    return 0;
}

qsizetype firstInvalidOffset(QByteArrayView bytes)
{
    const char* data = bytes.data();
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        // Eight ASCII bytes at a time: the common case for keys and most values.
        if (size - i >= 8) {
            quint64 chunk;
            std::memcpy(&chunk, data + i, 8);
            if ((chunk & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const qsizetype length = sequenceLength(QByteArrayView(data + i, size - i));
        if (length == 0)
            return i;
        i += length;
    }
    return -1;
}

} // namespace Utf8
