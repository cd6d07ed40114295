#pragma once

#include <QByteArrayView>

/// Exact conversions of JSON number text (RFC 8259 grammar), shared by the tree (JsonValue) and
/// the lazy walk (JsonView), so 64-bit integers never pass through a double.
namespace JsonNumber {

/// True when `text` is exactly one number as RFC 8259 writes it (no sign "+", no leading zeros).
bool isValid(QByteArrayView text);
/// False when the text is not an integer in range; "1e3" and "5.0" count when exactly integral.
bool toInt64(QByteArrayView text, qint64* value);
bool toUInt64(QByteArrayView text, quint64* value);
/// False when out of a double's range (1e400) rather than a silent infinity.
bool toDouble(QByteArrayView text, double* value);

} // namespace JsonNumber
