#pragma once

#include "jsonvalue.h"

#include <QByteArray>
#include <QByteArrayView>

/// One value inside a JSON text that JsonReader::validate() accepted, read where it lies: no tree
/// is built, a container is walked only when asked, strings without escapes are views into the
/// text, and a value nobody reads is skipped by a scan for its end. A view is a few pointers and
/// copies freely; the text must outlive it. Walking a value remembers where it ended, so the walk
/// of the enclosing container goes on from there instead of scanning the value again.
class JsonView final
{
public:
    using Type = JsonValue::Type;

    /// The root value of a validated text (a byte order mark and whitespace before it skipped).
    static JsonView root(QByteArrayView validatedText);

    Type type() const;
    bool isNull() const { return *m_at == 'n'; }
    bool isBool() const { return *m_at == 't' || *m_at == 'f'; }
    bool isNumber() const { return *m_at == '-' || (*m_at >= '0' && *m_at <= '9'); }
    bool isString() const { return *m_at == '"'; }
    bool isArray() const { return *m_at == '['; }
    bool isObject() const { return *m_at == '{'; }
    bool boolean() const { return *m_at == 't'; }
    /// Byte offset of the value's first character in the text.
    qsizetype offset() const { return m_at - m_text; }
    /// The value's text as written, quotes and brackets included.
    QByteArrayView raw() const { return QByteArrayView(m_at, end() - m_at); }

    /// A string's content: a view into the text when it has no escapes, otherwise decoded into
    /// `scratch` (which the view then points into).
    QByteArrayView string(QByteArray* scratch) const;
    /// True when the string's content is a view into the text (no escapes), so it lives as long
    /// as the text does.
    bool stringIsVerbatim() const;
    /// A number's text as written.
    QByteArrayView numberText() const;

    /// Calls visit(name, value) for each member in order; stops and returns false when it does.
    template<typename Visit>
    bool forEachMember(Visit&& visit) const;
    /// Calls visit(element, index) for each element in order; stops and returns false when it does.
    template<typename Visit>
    bool forEachElement(Visit&& visit) const;

private:
    JsonView(const char* text, const char* stop, const char* at)
        : m_text(text)
        , m_stop(stop)
        , m_at(at)
    { }

    const char* end() const;
    static const char* skipWhitespace(const char* at);
    /// The end of the value at `at`, found by a scan that trusts the text (ending at `stop`) to be valid.
    static const char* skipValue(const char* at, const char* stop);
    /// The end of the string whose opening quote is at `at`; `escaped` says whether it has escapes.
    static const char* skipString(const char* at, const char* stop, bool* escaped);
    static void decodeEscapes(QByteArrayView content, QByteArray* out);

    const char* m_text;
    const char* m_stop; ///< where the whole text ends: no scan reads past it
    const char* m_at;
    mutable const char* m_end = nullptr; ///< known once read or walked
};

template<typename Visit>
bool JsonView::forEachMember(Visit&& visit) const
{
    const char* at = skipWhitespace(m_at + 1);
    QByteArray nameScratch;
    while (*at != '}') {
        bool escaped = false;
        const char* nameEnd = skipString(at, m_stop, &escaped);
        QByteArrayView name(at + 1, nameEnd - at - 2);
        if (escaped) {
            decodeEscapes(name, &nameScratch);
            name = nameScratch;
        }
        at = skipWhitespace(skipWhitespace(nameEnd) + 1); // past ':'
        const JsonView value(m_text, m_stop, at);
        if (!visit(name, value))
            return false;
        at = skipWhitespace(value.end());
        if (*at == ',')
            at = skipWhitespace(at + 1);
    }
    m_end = at + 1;
    return true;
}

template<typename Visit>
bool JsonView::forEachElement(Visit&& visit) const
{
    const char* at = skipWhitespace(m_at + 1);
    qsizetype index = 0;
    while (*at != ']') {
        const JsonView value(m_text, m_stop, at);
        if (!visit(value, index++))
            return false;
        at = skipWhitespace(value.end());
        if (*at == ',')
            at = skipWhitespace(at + 1);
    }
    m_end = at + 1;
    return true;
}
