#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <utility>
#include <vector>

/// A parsed JSON document node that keeps what QJsonValue loses: numbers stay as the text that
/// was written (so 64-bit integers are exact and "1.0" can be told from "1"), strings stay UTF-8,
/// object members keep their order, and every node knows its byte offset for error messages.
class JsonValue final
{
public:
    enum class Type : quint8
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
    };
    using Member = std::pair<QByteArray, JsonValue>;

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool boolean() const { return m_bool; }
    /// For strings: the decoded UTF-8 text. For numbers: the number as written.
    const QByteArray& text() const { return m_text; }
    const std::vector<JsonValue>& elements() const { return m_elements; }
    const std::vector<Member>& members() const { return m_members; }
    /// The first member with this name, or null.
    const JsonValue* member(QByteArrayView name) const;
    /// Byte offset of the node's first character in the parsed text.
    qsizetype offset() const { return m_offset; }
    /// Length in bytes of the node's text (from its first to its last character).
    qsizetype length() const { return m_length; }

    /// Exact conversions of a number node; false when the text is not an integer in range.
    bool toInt64(qint64* value) const;
    bool toUInt64(quint64* value) const;
    bool toDouble(double* value) const;

    static const char* typeName(Type type);

private:
    friend class JsonReader;

    Type m_type = Type::Null;
    bool m_bool = false;
    qsizetype m_offset = 0;
    qsizetype m_length = 0;
    QByteArray m_text;
    std::vector<JsonValue> m_elements;
    std::vector<Member> m_members;
};
