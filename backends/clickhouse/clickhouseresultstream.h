#pragma once

#include "clickhouseexchange.h"
#include "jsoncompactstreamparser.h"

/// A query whose result is read while it arrives (JSONCompact), handed out in blocks of rows, so
/// that a million-row result never sits in memory as a whole: the socket's read buffer is capped
/// (TCP slows the server down when we are slower) and only the unfinished last line is kept.
/// Cancel stops the query on the server too. Lives on the thread of the client that made it.
class ClickHouseResultStream final : public ClickHouseExchange
{
    Q_OBJECT

public:
    ~ClickHouseResultStream() override;
    Q_DISABLE_COPY_MOVE(ClickHouseResultStream)

    const QList<ClickHouseColumn>& columns() const { return m_parser.columns(); }
    /// Rows received so far, statistics from the server once finished.
    ClickHouseQueryStatistics statistics() const { return m_parser.statistics(); }

    /// Stops reading for now (a grid that shows its first rows wants no more yet); the server
    /// waits once the socket's buffer is full. Rows already parsed are still handed out.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }

    /// Largest block of rows handed out by rowsReady().
    static constexpr qsizetype rowsPerBlock = JsonCompactStreamParser::maxRowsPerBlock;

Q_SIGNALS:
    void columnsReady(const QList<ClickHouseColumn>& columns);
    void rowsReady(const ResultRows& rows);

private:
    friend class ClickHouseClient;
    ClickHouseResultStream(
        ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client);
    void onBody() override;
    void onTransportFinished(const QString& networkError, bool timedOut) override;
    void deliverRows();
    ClickHouseError parserError() const;

    QByteArray m_errorBody; ///< the text of a non-200 answer
    JsonCompactStreamParser m_parser;
    bool m_columnsAnnounced = false;
    bool m_paused = false;
};
