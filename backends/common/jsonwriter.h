#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVarLengthArray>

/// Appends compact JSON to a byte array, fast: no DOM, no QString round trips. Strings are UTF-8
/// in and out; commas and nesting are tracked here so callers only say what comes next. Doubles
/// use the shortest text that reads back to the same bits; NaN and the infinities are written as
/// the strings "NaN", "Infinity", "-Infinity" (the proto3 JSON mapping).
class JsonWriter final
{
public:
    explicit JsonWriter(QByteArray& out);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// An object member's name; the next call writes its value.
    void key(QByteArrayView utf8);

    void string(QByteArrayView utf8);
    void boolean(bool value);
    void null();
    void integer(qint64 value);
    void unsignedInteger(quint64 value);
    /// 64-bit integers as decimal strings, as OTLP/JSON requires.
    void integerAsString(qint64 value);
    void unsignedAsString(quint64 value);
    void number(double value);
    /// A value that is already valid JSON text.
    void raw(QByteArrayView json);

    /// Escapes `utf8` as the inside of a JSON string (no quotes) onto `out`.
    static void appendEscaped(QByteArray& out, QByteArrayView utf8);

private:
    void separate();

    QByteArray& m_out;
    /// One entry per open container: true while it has no element yet (no comma before the first).
    QVarLengthArray<bool, 32> m_containerEmpty;
    bool m_afterKey = false;
};
