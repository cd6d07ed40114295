#pragma once

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousecolumn.h"
#include "clickhouse/clickhouseerror.h"
#include "clickhouse/resultrows.h"

#include <QObject>
#include <QPointer>

#include <memory>

class ClickHouseResultStream;

/// QueryRunner's half on the worker thread: the client, the stream, and the rows held back until
/// they are granted. Every signal carries the run number it belongs to.
class QueryWorker final : public QObject
{
    Q_OBJECT

public:
    /// Blocks handed out and not yet taken in. The receiving thread handles every queued block
    /// in one go before it repaints: ten blocks queued at once were a 50-80 ms stall there.
    static constexpr int maxBlocksInFlight = 2;

    QueryWorker() = default;
    ~QueryWorker() override;
    Q_DISABLE_COPY_MOVE(QueryWorker)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void run(int run, const QString& sql, const ClickHouseClient::Settings& settings, qint64 allowance);
    void grant(int run, qint64 rows);
    /// The receiver has taken in a block: the next may go.
    void blockConsumed(int run);
    void cancel(int run);
    /// Cancels a running query and waits (up to 2 s) until the server has the KILL QUERY.
    void shutdown();

Q_SIGNALS:
    void started(int run, const QString& queryId);
    void columnsReady(int run, const QList<ClickHouseColumn>& columns);
    void rowsReady(int run, const ResultRows& rows);
    void waitingForAllowance(int run);
    void finished(int run, const ClickHouseError& error, const ClickHouseQueryStatistics& statistics, qint64 elapsedMs);

private:
    void onRows(const ResultRows& rows);
    void onStreamFinished();
    /// Hands out what the allowance permits; pauses or resumes reading accordingly.
    void deliver();
    void finishIfDone();

    std::unique_ptr<ClickHouseClient> m_client;
    QPointer<ClickHouseResultStream> m_stream;
    int m_run = 0;
    qint64 m_allowance = 0; ///< rows that may still be handed out; negative: unlimited
    QList<ResultRows> m_held; ///< blocks as the stream gave them, in order
    int m_blocksInFlight = 0; ///< handed out, not yet taken in by the receiver
    bool m_waitingReported = false;
    bool m_streamFinished = false;
};
