#pragma once

#include <QByteArrayView>

/// Compares secrets (tokens, passwords) in time that does not depend on where they differ, so a
/// client cannot find a token byte by byte by timing the answers.
inline bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    const qsizetype length = qMax(a.size(), b.size());
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < length; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        difference |= x ^ y;
    }
    return difference == 0;
}
