#pragma once

#include "jsonvalue.h"

#include <QByteArrayView>
#include <QString>

/// A strict RFC 8259 parser into JsonValue (or a validator, with no tree). Rejects invalid UTF-8, lone surrogates,
/// control characters in strings, trailing garbage and nesting deeper than a limit, each with the byte offset, line and
/// column; never recurses without bound, never reads past the input.
class JsonReader final
{
public:
    static constexpr int defaultMaxDepth = 128;
    /// Each value costs about 100 bytes in the tree; this caps a document at roughly 400 MB of
    /// nodes however small its values are (64 MiB of "0," would otherwise need 3 GB).
    static constexpr qsizetype defaultMaxValues = 4'000'000;

    explicit JsonReader(int maxDepth = defaultMaxDepth, qsizetype maxValues = defaultMaxValues)
        : m_maxDepth(maxDepth)
        , m_maxValues(maxValues)
    { }

    /// Parses one JSON text (surrounding whitespace allowed). On failure returns false and
    /// error() says what and where.
    bool parse(QByteArrayView text, JsonValue* root);
    /// Checks the text as parse() does (same errors) without building anything: for readers
    /// that walk the text afterwards (JsonView) and allocate only what they keep.
    bool validate(QByteArrayView text);
    QString error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }

private:
    bool parseValue(JsonValue* value, int depth);
    bool parseValueText(JsonValue* value, int depth);
    bool parseString(QByteArray* out);
    bool parseNumber(JsonValue* value);
    bool parseLiteral(const char* literal, qsizetype length);
    bool parseUnicodeEscape(QByteArray* out);
    bool copyUtf8Sequence(QByteArray* out);
    void skipWhitespace();
    bool fail(const QString& message);
    bool fail(const char* message) { return fail(QString::fromLatin1(message)); }

    int m_maxDepth;
    qsizetype m_maxValues;
    qsizetype m_values = 0;
    const char* m_begin = nullptr;
    const char* m_pos = nullptr;
    const char* m_end = nullptr;
    QString m_error;
    qsizetype m_errorOffset = -1;
};
