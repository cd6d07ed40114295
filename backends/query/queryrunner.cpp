#include "queryrunner.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

QueryRunner::QueryRunner(QObject* parent)
    : QObject(parent)
    // A running query is stopped on the server too, before the worker's thread goes away.
    , m_worker(u"query runner"_s, new QueryWorker, &QueryWorker::shutdown)
{
    QueryWorker* worker = m_worker.worker();
    connect(worker, &QueryWorker::started, this, &QueryRunner::onStarted);
    connect(worker, &QueryWorker::columnsReady, this, &QueryRunner::onColumns);
    connect(worker, &QueryWorker::rowsReady, this, &QueryRunner::onRows);
    connect(worker, &QueryWorker::waitingForAllowance, this, &QueryRunner::onWaiting);
    connect(worker, &QueryWorker::finished, this, &QueryRunner::onFinished);
    m_worker.post([](QueryWorker*) {
#ifdef Q_OS_LINUX
        // Reading and parsing yield to the GUI thread: on two cores shared with the server, an
        // equal-priority parser measurably delayed repaints (GUI-thread gaps of 30-60 ms).
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
    });
}

QueryRunner::~QueryRunner() = default;

void QueryRunner::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_worker.post([endpoint, info](QueryWorker* worker) { worker->setServer(endpoint, info); });
}

void QueryRunner::run(const QString& sql, const ClickHouseClient::Settings& settings, qint64 initialAllowance)
{
    const int run = ++m_run;
    m_running = true;
    m_queryId.clear();
    m_worker.post([run, sql, settings, initialAllowance](
                      QueryWorker* worker) { worker->run(run, sql, settings, initialAllowance); });
}

void QueryRunner::grant(qint64 rows)
{
    m_worker.post([run = m_run, rows](QueryWorker* worker) { worker->grant(run, rows); });
}

void QueryRunner::cancel()
{
    if (!m_running)
        return;
    m_worker.post([run = m_run](QueryWorker* worker) { worker->cancel(run); });
}

void QueryRunner::onStarted(int run, const QString& queryId)
{
    if (run != m_run)
        return;
    m_queryId = queryId;
    Q_EMIT started(queryId);
}

void QueryRunner::onColumns(int run, const QList<ClickHouseColumn>& columns)
{
    if (run == m_run)
        Q_EMIT columnsReady(columns);
}

void QueryRunner::onRows(int run, const ResultRows& rows)
{
    if (run != m_run)
        return;
    Q_EMIT rowsReady(rows);
    // The receivers (on this thread) have taken the block in: the worker may send the next.
    m_worker.post([run](QueryWorker* worker) { worker->blockConsumed(run); });
}

void QueryRunner::onWaiting(int run)
{
    if (run == m_run)
        Q_EMIT waitingForAllowance();
}

void QueryRunner::onFinished(
    int run, const ClickHouseError& error, const ClickHouseQueryStatistics& statistics, qint64 elapsedMs)
{
    if (run != m_run)
        return;
    m_running = false;
    Q_EMIT finished(error, statistics, elapsedMs);
}
