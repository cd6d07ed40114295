#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QVariant>

/// Rows of a query result in a compact form: one 16-byte cell per value, the text of every
/// string of the block in one buffer, anything nested (arrays, tuples, maps) as a QVariant on the
/// side. A block of 5,000 rows is a handful of allocations; a list of QVariant rows was one
/// allocation per row and one per string, and allocating and freeing them was most of the time a
/// million-row result took to reach the grid. Values come out as the QVariants the general JSON
/// reader gives (value()), so nothing downstream sees the difference. Cheap to copy (implicitly
/// shared), so blocks travel through queued signals.
///
/// Built a row at a time: the values in column order, then endRow(), which fills missing values
/// with NULL; values beyond the column count are dropped (ClickHouse never sends them).
class ResultRows final
{
public:
    enum class Kind : quint8
    {
        Null,
        Bool,
        Int, ///< qint64
        UInt, ///< quint64
        Double,
        Text, ///< UTF-8 in the block's text buffer
        Other, ///< any QVariant, kept as it is
    };

    ResultRows() = default;
    explicit ResultRows(int columnCount);
    /// Rows given as QVariant lists (the general reader's output, tests).
    static ResultRows fromLists(const QList<QVariantList>& rows, int columnCount);

    int columnCount() const { return m_columns; }
    qsizetype rowCount() const { return m_rows; }
    bool isEmpty() const { return m_rows == 0; }

    Kind kind(qsizetype row, int column) const { return cell(row, column).kind; }
    QVariant value(qsizetype row, int column) const;
    /// A Text cell's UTF-8 bytes; empty for other kinds.
    QByteArrayView text(qsizetype row, int column) const;
    /// A Bool, Int, UInt or Double cell as a double; false for the others.
    bool number(qsizetype row, int column, double* value) const;
    /// A Bool, Int or UInt cell exactly: its 64 bits, and whether they are a UInt's (unsigned)
    /// or a signed value; false for the others.
    bool integer(qsizetype row, int column, quint64* bits, bool* isUnsigned) const;
    QList<QVariantList> toLists() const;

    void appendNull() { appendCell(Kind::Null, 0, 0); }
    void appendBool(bool value) { appendCell(Kind::Bool, value ? 1 : 0, 0); }
    void appendInt(qint64 value) { appendCell(Kind::Int, value, 0); }
    void appendUInt(quint64 value);
    void appendDouble(double value);
    void appendText(QByteArrayView utf8);
    /// Text written in pieces: the bytes appended since `start` (textSize() before the first
    /// piece) become one Text cell.
    qsizetype textSize() const { return m_text.size(); }
    void appendTextPiece(QByteArrayView utf8) { m_text.append(utf8.data(), utf8.size()); }
    void appendTextPiece(char c) { m_text.append(c); }
    void closeText(qsizetype start);
    /// Any value: scalars become cells of their kind, the rest (strings included, so that every
    /// QString comes back exactly as it went in) is kept as it is.
    void appendVariant(const QVariant& value);
    /// Values in the row being built.
    int pendingValues() const { return int(m_cells.size() - m_rows * m_columns); }
    void endRow();
    /// Drops the values of the row being built.
    void abandonRow();

    /// Appends every row of `other` (same column count).
    void append(const ResultRows& other);
    /// `count` rows from `first`, as a block of their own.
    ResultRows mid(qsizetype first, qsizetype count) const;
    /// Removes the first `count` rows and gives them.
    ResultRows takeFirst(qsizetype count);

private:
    struct Cell
    {
        qint64 bits = 0; ///< the value, or the offset into m_text / index into m_others
        quint32 length = 0; ///< a Text cell's byte count
        Kind kind = Kind::Null;
    };
    static_assert(sizeof(Cell) == 16);

    const Cell& cell(qsizetype row, int column) const { return m_cells.at(row * m_columns + column); }
    void appendCell(Kind kind, qint64 bits, quint32 length);
    /// Copies one cell of `from` (its text or variant too).
    void copyCell(const ResultRows& from, const Cell& cell);

    QList<Cell> m_cells; ///< row-major
    QByteArray m_text;
    QVariantList m_others;
    qsizetype m_rows = 0;
    qsizetype m_rowText = 0; ///< m_text's size when the row being built began
    qsizetype m_rowOthers = 0;
    int m_columns = 0;
};

Q_DECLARE_METATYPE(ResultRows)
