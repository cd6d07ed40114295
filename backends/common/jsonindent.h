#pragma once

#include <QByteArray>
#include <QByteArrayView>

/// Lays out JSON text for reading: one member or element per line, indented by nesting. Only
/// whitespace changes: keys keep their order and numbers and strings their exact text (a
/// parse-and-print would sort keys and round 64-bit numbers). Empty objects and arrays stay `{}`
/// and `[]`. Text that is not JSON comes back laid out as far as it goes, never shortened.
namespace JsonIndent {
QByteArray indent(QByteArrayView json, int width = 2);
} // namespace JsonIndent
