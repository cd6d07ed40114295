#pragma once

#include <QByteArrayView>
#include <QList>
#include <QStringList>
#include <QVariantList>

/// The fast path for one row of JSONCompact (`[v1, v2, ...]` on one line): reads plain values
/// (numbers, null, booleans, strings without escapes) straight into QVariants, with no JSON tree
/// in between, and hands anything else (escapes, arrays, tuples, maps) to the general reader
/// (JsonCompactStreamParser::toVariant) element by element. It gives exactly what the general
/// path gives, and says false for anything it is not sure about: the caller then takes the
/// general path for the whole row, which also words the error.
class JsonCompactRowReader final
{
public:
    /// `types` are the columns' ClickHouse types, in order.
    explicit JsonCompactRowReader(const QStringList& types = {});

    bool read(QByteArrayView row, QVariantList* fields) const;

private:
    enum class Kind : quint8
    {
        Other,
        Int64, ///< quoted by ClickHouse: the string becomes a number again
        UInt64,
    };

    bool readString(const char*& at, const char* end, Kind kind, QVariant* value) const;
    static bool readNumber(const char*& at, const char* end, QVariant* value);
    /// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    static bool isJsonNumber(const char* begin, const char* end);
    bool readNested(const char*& at, const char* end, qsizetype column, QVariant* value) const;

    QList<Kind> m_kinds;
    QStringList m_types;
};
