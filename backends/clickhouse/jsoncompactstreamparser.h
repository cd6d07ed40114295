#pragma once

#include "clickhousecolumn.h"
#include "jsoncompactrowreader.h"
#include "resultrows.h"

#include <QByteArray>
#include <QVariant>

/// Reads ClickHouse's JSONCompact output as it arrives, in any chunks: the column header first,
/// then rows one line at a time (ClickHouse prints each row on its own line, in 18.16 and today),
/// then the statistics. Only the unfinished last line is kept, so memory does not grow with the
/// result. Rows go into ResultRows blocks; 64-bit integers, which ClickHouse quotes, come out as
/// numbers again; Nullable NULLs as null values; arrays and tuples as QVariantList. An exception the server appends
/// after it has started answering (HTTP 200 already sent) is recognised and reported, never taken for data.
class JsonCompactStreamParser final
{
public:
    /// Appends what arrived; false on a parse error or a server exception (see error()).
    bool feed(QByteArrayView chunk);
    /// The answer is complete; false if it ended early or with an exception.
    bool finish();

    bool hasColumns() const { return m_state != State::Header; }
    const QList<ClickHouseColumn>& columns() const { return m_columns; }
    /// Largest block of rows the parser fills: blocks are cut as rows arrive, not split later.
    static constexpr qsizetype maxRowsPerBlock = 5000;
    /// Rows parsed since the last takeBlocks(), in order, in blocks of at most maxRowsPerBlock.
    QList<ResultRows> takeBlocks();
    qsizetype pendingRows() const { return m_fullBlocks.size() * maxRowsPerBlock + m_rows.rowCount(); }
    const ClickHouseQueryStatistics& statistics() const { return m_statistics; }
    QString error() const { return m_error; }
    /// The ClickHouse error code of a server exception, or 0.
    int serverErrorCode() const { return m_serverCode; }

    /// One JSON value of a column of `type` as a QVariant (exposed for tests).
    static QVariant toVariant(const class JsonValue& value, QStringView type);

private:
    enum class State
    {
        Header,
        Data,
        Tail,
        Done,
        Failed,
    };

    bool processLine(QByteArrayView line);
    /// Counts the row just completed in m_rows, and starts a new block when that one is full.
    void rowAdded();
    bool parseHeader();
    bool parseTail();
    bool fail(const QString& message);
    bool failOnException(QByteArrayView text);

    State m_state = State::Header;
    QByteArray m_pending; ///< bytes after the last newline
    QByteArray m_header;
    QByteArray m_tail;
    QList<ClickHouseColumn> m_columns;
    JsonCompactRowReader m_rowReader;
    QList<ResultRows> m_fullBlocks;
    ResultRows m_rows; ///< the block being filled
    ClickHouseQueryStatistics m_statistics;
    QString m_error;
    int m_serverCode = 0;
};
