#pragma once

#include <QByteArrayView>

/// UTF-8 validation for bytes that arrive from outside (protobuf strings, JSON text): strict
/// RFC 3629 (no overlong forms, no surrogates, nothing above U+10FFFF).
namespace Utf8 {

/// Length of the valid sequence at the start of `bytes` (1 to 4), or 0 when it is not valid.
qsizetype sequenceLength(QByteArrayView bytes);

/// -1 when the whole view is valid UTF-8; otherwise the offset of the first invalid byte.
qsizetype firstInvalidOffset(QByteArrayView bytes);

inline bool isValid(QByteArrayView bytes)
{
    return firstInvalidOffset(bytes) < 0;
}

} // namespace Utf8
