#pragma once

#include "clickhouseerror.h"
#include "jsoncompactstreamparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class ClickHouseClient;
class ClickHouseHttpConnection;

/// A query whose result is read while it arrives (JSONCompact), handed out in blocks of rows, so
/// that a million-row result never sits in memory as a whole: the socket's read buffer is capped
/// (TCP slows the server down when we are slower) and only the unfinished last line is kept.
/// Cancel stops the query on the server too. Lives on the thread of the client that made it.
class ClickHouseResultStream final : public QObject
{
    Q_OBJECT

public:
    ~ClickHouseResultStream() override;
    Q_DISABLE_COPY_MOVE(ClickHouseResultStream)

    QString queryId() const { return m_queryId; }
    bool isFinished() const { return m_finished; }
    const ClickHouseError& error() const { return m_error; }
    const QList<ClickHouseColumn>& columns() const { return m_parser.columns(); }
    /// Rows received so far, statistics from the server once finished.
    ClickHouseQueryStatistics statistics() const { return m_parser.statistics(); }
    qint64 elapsedMs() const { return m_elapsedMs; }

    /// Stops reading and asks the server to stop the query (KILL QUERY).
    void cancel();
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
    void finished();

private:
    friend class ClickHouseClient;
    ClickHouseResultStream(
        ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client);
    void onBody();
    void onFinished(const QString& networkError, bool timedOut);
    void releaseConnection(bool reusable);
    void deliverRows();
    void complete(const ClickHouseError& error);
    ClickHouseError parserError() const;

    QPointer<ClickHouseHttpConnection> m_connection;
    QByteArray m_errorBody; ///< the text of a non-200 answer
    QPointer<ClickHouseClient> m_client;
    QString m_queryId;
    int m_timeoutMs;
    JsonCompactStreamParser m_parser;
    ClickHouseError m_error;
    QElapsedTimer m_timer;
    qint64 m_elapsedMs = 0;
    bool m_columnsAnnounced = false;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_paused = false;
};
