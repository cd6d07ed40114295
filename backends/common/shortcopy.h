#pragma once

#include <QtGlobal>

#include <cstring>

/// Copies `size` bytes like memcpy, without a call into the C library for up to 64 bytes: most
/// strings of a ClickHouse row are that short (attribute keys and values, enum names, hex ids,
/// UUIDs),
/// and for them memcpy's call and size dispatch cost more than the copy (the replay's profile:
/// docs/PERFORMANCE.md). Reads and writes stay inside [from, from + size) and [to, to + size):
/// the fixed-size copies overlap in the middle instead of running past the end.
inline void shortCopy(char* to, const char* from, qsizetype size)
{
    const auto fixed = [](char* out, const char* in, auto word) {
        std::memcpy(&word, in, sizeof word);
        std::memcpy(out, &word, sizeof word);
    };
    if (size >= 8 && size <= 16) {
        fixed(to, from, quint64());
        fixed(to + size - 8, from + size - 8, quint64());
    } else if (size > 16 && size <= 32) {
        fixed(to, from, quint64());
        fixed(to + 8, from + 8, quint64());
        fixed(to + size - 16, from + size - 16, quint64());
        fixed(to + size - 8, from + size - 8, quint64());
    } else if (size >= 4 && size < 8) {
        fixed(to, from, quint32());
        fixed(to + size - 4, from + size - 4, quint32());
    } else if (size > 32 && size <= 64) {
        for (qsizetype at = 0; at < 32; at += 8)
            fixed(to + at, from + at, quint64());
        for (qsizetype at = size - 32; at < size; at += 8)
            fixed(to + at, from + at, quint64());
    } else if (size > 64) {
        std::memcpy(to, from, size_t(size));
    } else {
        for (qsizetype i = 0; i < size; ++i)
            to[i] = from[i];
    }
}
