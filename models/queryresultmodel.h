#pragma once

#include "chunkedlist.h"
#include "clickhouse/clickhousecolumn.h"
#include "clickhouse/resultrows.h"

#include <QAbstractTableModel>

/// A query's result as a table, fed in blocks while it streams in. Values keep their ClickHouse
/// types: numbers are right-aligned and sort as numbers (SortRole), dates and times sort as
/// dates, NULL shows as a grey NULL, arrays, tuples and maps read as [1, 2], (a, 'b') and
/// {'k': v}, and a huge cell shows its first 1,000 characters (the whole value in the tooltip and
/// in copies).
class QueryResultModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< numbers as numbers, dates as QDate/QDateTime, NULL invalid
        RawValueRole, ///< the value as parsed
        ColumnTypeRole, ///< the column's ClickHouse type
        IsNullRole,
    };

    static constexpr int maxShownCharacters = 1000;

    explicit QueryResultModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(QueryResultModel)

    /// Starts a new result with these columns (the rows go).
    void setColumns(const QList<ClickHouseColumn>& columns);
    void appendRows(const ResultRows& rows);
    /// Rows given as lists of values (tests, small results built by hand).
    void appendRows(const QList<QVariantList>& rows) { appendRows(ResultRows::fromLists(rows, int(m_columns.size()))); }
    void clear();
    const QList<ClickHouseColumn>& columns() const { return m_columns; }
    QVariant value(int row, int column) const;
    /// A numeric or Date/DateTime column as numbers, kept side by side with the rows as they
    /// arrive so that a chart reads contiguous memory instead of a million scattered rows (that
    /// took 200 ms for a million points). Times are wall-clock milliseconds as if in UTC (the
    /// caller applies the server's zone); NULL and unreadable values are NaN. Null for other
    /// columns.
    const ChunkedList<double>* numbers(int column) const;
    /// The rows as they arrived, in blocks (shared: a copy may be read on another thread).
    const QList<ResultRows>& blocks() const { return m_blocks; }
    /// A value as a number (numbers as they are, numeric strings read); false if it is none.
    static double toNumber(const QVariant& value, bool* ok);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The cells as tab-separated lines (rows and columns in order, whole values), for the clipboard.
    QString copyText(const QModelIndexList& indexes) const;

    /// A value as the grid shows it (not truncated).
    static QString text(const QVariant& value);
    static bool isNumericType(QStringView type);
    static bool isTimeType(QStringView type); ///< Date, Date32, DateTime, DateTime64
    /// The value as it should sort in a column of `type`.
    static QVariant sortValue(const QVariant& value, QStringView type);

private:
    /// The block holding `row`, and the row's index in it.
    const ResultRows& blockOf(int row, qsizetype* rowInBlock) const;
    double numberAt(const ResultRows& rows, qsizetype row, int column) const;

    QList<ClickHouseColumn> m_columns;
    QList<bool> m_numeric; ///< per column
    QList<ResultRows> m_blocks; ///< as they arrived: no value is copied into the model
    QList<qsizetype> m_blockEnds; ///< per block, the row count up to and including it
    qsizetype m_rowCount = 0;
    QList<ChunkedList<double>> m_numbers; ///< per column; used for numeric and time columns
    QList<bool> m_time; ///< per column: Date or DateTime
};
