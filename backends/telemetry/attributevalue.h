#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <variant>

class AttributeValue;
struct KeyValue;
using AttributeArray = QList<AttributeValue>;
using Attributes = QList<KeyValue>;

/// An OTLP AnyValue with its type kept: string, bool, int64, double, array, key-value list, bytes,
/// or empty. Strings are UTF-8 bytes, as on the wire, so that encoding and decoding copy instead of
/// converting. Arrays and key-value lists are shared (copy-on-write is never needed: values are
/// immutable once built), which keeps copies of records cheap.
class AttributeValue final
{
public:
    enum class Type : quint8
    {
        Empty,
        String,
        Bool,
        Int,
        Double,
        Array,
        KeyValueList,
        Bytes,
    };

    AttributeValue() = default;

    static AttributeValue fromString(QByteArray utf8);
    static AttributeValue fromString(const QString& text);
    static AttributeValue fromBool(bool value);
    static AttributeValue fromInt(qint64 value);
    static AttributeValue fromDouble(double value);
    static AttributeValue fromArray(AttributeArray values);
    static AttributeValue fromKeyValueList(Attributes values);
    static AttributeValue fromBytes(QByteArray bytes);

    Type type() const { return static_cast<Type>(m_value.index()); }
    bool isEmpty() const { return type() == Type::Empty; }

    /// The value of the matching type; other types give the type's zero value.
    const QByteArray& stringUtf8() const;
    QString toQString() const { return QString::fromUtf8(stringUtf8()); }
    bool toBool() const;
    qint64 toInt() const;
    double toDouble() const;
    const AttributeArray& array() const;
    const Attributes& keyValueList() const;
    const QByteArray& bytes() const;

    /// The value as one line of text, the way a ClickHouse `Map(String, String)` column stores
    /// it: strings as they are, numbers in their shortest exact form, bools as true/false,
    /// arrays and lists as compact JSON, bytes as base64.
    QByteArray toDisplayUtf8() const;

    /// Exact equality: doubles compare by bit pattern, except that every NaN equals every NaN
    /// (JSON cannot carry NaN payloads), so a round trip through any codec compares equal.
    friend bool operator==(const AttributeValue& a, const AttributeValue& b);

    static const char* typeName(Type type);

private:
    using Storage = std::variant<std::monostate, QByteArray, bool, qint64, double,
        std::shared_ptr<const AttributeArray>, std::shared_ptr<const Attributes>, QByteArray>;
    explicit AttributeValue(Storage value)
        : m_value(std::move(value))
    { }

    Storage m_value;
};
// Byte arrays, shared pointers and numbers hold no pointer into themselves: lists of records move
// them by memcpy when they grow.
Q_DECLARE_TYPEINFO(AttributeValue, Q_RELOCATABLE_TYPE);

/// One attribute: a key (UTF-8) and its typed value.
struct KeyValue
{
    QByteArray key;
    AttributeValue value;

    friend bool operator==(const KeyValue&, const KeyValue&) = default;
};
Q_DECLARE_TYPEINFO(KeyValue, Q_RELOCATABLE_TYPE);

/// Looks an attribute up by key; null when absent.
const AttributeValue* findAttribute(const Attributes& attributes, QByteArrayView key);
