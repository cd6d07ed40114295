#pragma once

#include <QByteArrayView>

/// The quick yes-or-no of JSON validation: accepts exactly the texts JsonReader::parse() accepts
/// (RFC 8259, strict UTF-8, a byte order mark allowed, containers nested at most `maxDepth`
/// deep) and says nothing about where a refused one is wrong. One loop with the position in a
/// register and no recursion: validating was a sixth of a replay's decoding time while it went
/// through the tree parser's functions. JsonReader::validate() asks this first and parses again
/// only for the message about a text it refuses.
namespace JsonValidator {
bool accepts(QByteArrayView text, int maxDepth);
} // namespace JsonValidator
