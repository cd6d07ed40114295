#pragma once

#include "resultrows.h"

#include <QByteArrayView>
#include <QList>
#include <QStringList>

/// The fast path for one row of JSONCompact (`[v1, v2, ...]` on one line): reads plain values
/// (numbers, null, booleans, strings) straight into the cells of a ResultRows block, with no JSON
/// tree and no QVariant in between, and hands anything nested (arrays, tuples, maps) to the
/// general reader (JsonCompactStreamParser::toVariant) element by element. It gives exactly what
/// the general path gives, and says false for anything it is not sure about, or for a row whose
/// value count is not the block's column count: the caller then takes the general path for the
/// whole row, which also words the error.
class JsonCompactRowReader final
{
public:
    /// `types` are the columns' ClickHouse types, in order.
    explicit JsonCompactRowReader(const QStringList& types = {});

    /// Appends the row to `rows` (endRow() included); on false `rows` is as it was.
    bool read(QByteArrayView row, ResultRows* rows) const;

    /// True for a JSON number with more significant digits than a double keeps (Int128/256 and
    /// wide Decimals, which modern servers print unquoted): both readers keep those as text.
    static bool exceedsDouble(QByteArrayView number);

private:
    enum class Kind : quint8
    {
        Other,
        Int64, ///< quoted by ClickHouse: the string becomes a number again
        UInt64,
    };

    bool readValues(const char*& at, const char* end, ResultRows* rows) const;
    static bool readString(const char*& at, const char* end, Kind kind, ResultRows* rows);
    static bool readNumber(const char*& at, const char* end, ResultRows* rows);
    /// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    static bool isJsonNumber(const char* begin, const char* end);
    bool readNested(const char*& at, const char* end, qsizetype column, ResultRows* rows) const;

    QList<Kind> m_kinds;
    QStringList m_types;
};
