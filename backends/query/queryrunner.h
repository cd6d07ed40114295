#pragma once

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousecolumn.h"
#include "clickhouse/clickhouseerror.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "clickhouse/resultrows.h"
#include "common/workerthread.h"
#include "queryworker.h"

#include <QObject>

/// Runs SQL against ClickHouse on a worker thread of its own, so that reading and parsing a
/// million rows never blocks the thread that shows them: rows arrive here in blocks, by queued
/// signals. Flow control is by allowance: the worker hands out only as many rows as granted and
/// then stops reading (TCP makes the server wait), so a grid that shows 10,000 rows holds 10,000
/// rows, and "load all" is bounded by how fast the receiver grants more. One query at a time;
/// run() while one is running cancels it first.
class QueryRunner final : public QObject
{
    Q_OBJECT

public:
    explicit QueryRunner(QObject* parent = nullptr);
    ~QueryRunner() override;
    Q_DISABLE_COPY_MOVE(QueryRunner)

    /// Where to run queries; `info` decides which settings are sent.
    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    /// Starts `sql` (one statement, no FORMAT clause) with `initialAllowance` rows granted
    /// (negative: unlimited).
    void run(const QString& sql, const ClickHouseClient::Settings& settings, qint64 initialAllowance);
    /// Allows `rows` more rows to be handed out; negative: every row from now on.
    void grant(qint64 rows);
    /// Stops the query here and on the server (KILL QUERY); finished() follows with Cancelled.
    void cancel();
    bool isRunning() const { return m_running; }
    QString queryId() const { return m_queryId; }

Q_SIGNALS:
    void started(const QString& queryId);
    void columnsReady(const QList<ClickHouseColumn>& columns);
    void rowsReady(const ResultRows& rows);
    /// Rows are waiting for an allowance (the server is held back meanwhile).
    void waitingForAllowance();
    void finished(const ClickHouseError& error, const ClickHouseQueryStatistics& statistics, qint64 elapsedMs);

private:
    void onStarted(int run, const QString& queryId);
    void onColumns(int run, const QList<ClickHouseColumn>& columns);
    void onRows(int run, const ResultRows& rows);
    void onWaiting(int run);
    void onFinished(
        int run, const ClickHouseError& error, const ClickHouseQueryStatistics& statistics, qint64 elapsedMs);

    WorkerThread<QueryWorker> m_worker;
    int m_run = 0; ///< signals of older runs are ignored
    bool m_running = false;
    QString m_queryId;
};
