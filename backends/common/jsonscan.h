#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Finds where a run of plain string content ends, sixteen bytes at a time where the processor
/// can (SSE2, which every x86-64 has): strings are most of an OTLP/JSON document's bytes, and the
/// byte-at-a-time loops that looked for their ends were a fifth of a replay's decoding time
/// (docs/PERFORMANCE.md). Each function stops at the first byte of interest or where fewer than
/// sixteen bytes are left before `stop`, never later: the caller's byte loop goes on from there.
/// Nothing at or past `stop` is read.
namespace JsonScan {

#if defined(__SSE2__)
/// The first byte from `at` that `special` marks (it maps sixteen bytes to a mask of 0xff bytes).
template<typename Special>
inline const char* firstMarked(const char* at, const char* stop, Special special)
{
    while (stop - at >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        const int mask = _mm_movemask_epi8(special(bytes));
        if (mask != 0)
            return at + __builtin_ctz(static_cast<unsigned>(mask));
        at += 16;
    }
    return at;
}
#endif

/// Towards the first quote or backslash (the end of a string in validated text).
inline const char* towardsQuoteOrBackslash(const char* at, const char* stop)
{
#if defined(__SSE2__)
    return firstMarked(at, stop, [](__m128i bytes) {
        return _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
    });
#else
    (void)stop;
    return at;
#endif
}

/// Towards the first byte a validator must look at: a quote, a backslash, a control character
/// or a byte of a multi-byte UTF-8 sequence.
inline const char* towardsNonPlainByte(const char* at, const char* stop)
{
#if defined(__SSE2__)
    return firstMarked(at, stop, [](__m128i bytes) {
        // A signed comparison: bytes from 0x80 up are negative, so "below 0x20" takes them too.
        const __m128i below = _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20));
        return _mm_or_si128(
            below, _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
    });
#else
    (void)stop;
    return at;
#endif
}

} // namespace JsonScan
