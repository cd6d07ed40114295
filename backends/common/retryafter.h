#pragma once

#include <QByteArrayView>
#include <QDateTime>

/// The HTTP Retry-After header (RFC 9110 10.2.3): delay-seconds or an HTTP-date. Returns the wait
/// in milliseconds from `now`, 0 for a date in the past, or -1 when the value is neither.
qint64 retryAfterMs(QByteArrayView value, const QDateTime& now = QDateTime::currentDateTimeUtc());
