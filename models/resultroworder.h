#pragma once

#include "chunkedlist.h"
#include "clickhouse/resultrows.h"

#include <QByteArrayView>
#include <QList>

class QueryResultModel;

/// The order of a result's rows by one column, computed from sort keys taken once per row: the
/// column's numbers (numeric, Date and DateTime columns, which the model already keeps as
/// numbers; integer columns exactly, as 64-bit integers, since a double confuses neighbours
/// above 2^53) or its text as UTF-8 (compared by code point). NULLs come last in both directions,
/// as ClickHouse orders them; equal keys keep their arrival order. Comparing through QVariants
/// (QSortFilterProxyModel's way) took seconds for a million rows, and tens of seconds for
/// DateTime text; typed keys take a fraction of a second.
///
/// The keys refer to the model's blocks, which it holds by implicitly shared copies: an order
/// built on the GUI thread may be sorted on another while the model goes on growing.
class ResultRowOrder final
{
public:
    ResultRowOrder() = default;
    /// Keys for the model's rows so far. Cheap: copies of shared lists, no key is computed yet.
    ResultRowOrder(const QueryResultModel& model, int column, Qt::SortOrder order);

    int column() const { return m_column; }
    Qt::SortOrder order() const { return m_order; }
    /// Rows that have keys.
    qsizetype size() const { return m_size; }

    /// Computes the keys of the rows taken in so far (the slow part: on the sorting thread).
    void computeKeys();
    /// Takes in the rows the model got since, keys computed (on the model's thread).
    void extend(const QueryResultModel& model);
    /// Source rows [first, first + count) in order (stable).
    QList<int> sorted(int first, int count) const;
    /// `rows` and `more`, each in order, as one list in order.
    QList<int> merged(const QList<int>& rows, const QList<int>& more) const;
    bool lessThan(int a, int b) const;

private:
    void takeBlocks(const QueryResultModel& model);
    void addKeys(const ResultRows& block);
    void addIntegerKeys(const ResultRows& block);

    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    bool m_numeric = false;
    bool m_integer = false; ///< an integer column: m_integers are the keys (NULLs from the numbers)
    bool m_unsigned = false; ///< UInt64: the keys as they are; other integers with the sign bit flipped
    QList<ResultRows> m_blocks; ///< the model's blocks when taken, keeping the text alive
    ChunkedList<double> m_sourceNumbers; ///< the model's numbers for the column, when numeric
    qsizetype m_size = 0; ///< rows covered by m_blocks / m_sourceNumbers
    qsizetype m_keyedBlocks = 0; ///< blocks whose rows have text or integer keys
    QList<QByteArrayView> m_texts; ///< per row, for a text column; a null view is NULL
    QList<quint64> m_integers; ///< per row, for an integer column, in unsigned order
    QList<QByteArray> m_spelled; ///< text of cells kept as QVariants (arrays, odd strings)
};
