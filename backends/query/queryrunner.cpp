#include "queryrunner.h"

#include "queryworker.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

QueryRunner::QueryRunner(QObject* parent)
    : QObject(parent)
    , m_worker(new QueryWorker)
{
    m_thread.setObjectName(QStringLiteral("query runner"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &QueryWorker::started, this, &QueryRunner::onStarted);
    connect(m_worker, &QueryWorker::columnsReady, this, &QueryRunner::onColumns);
    connect(m_worker, &QueryWorker::rowsReady, this, &QueryRunner::onRows);
    connect(m_worker, &QueryWorker::waitingForAllowance, this, &QueryRunner::onWaiting);
    connect(m_worker, &QueryWorker::finished, this, &QueryRunner::onFinished);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [] {
#ifdef Q_OS_LINUX
        // Reading and parsing yield to the GUI thread: on two cores shared with the server, an
        // equal-priority parser measurably delayed repaints (GUI-thread gaps of 30-60 ms).
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
    });
}

QueryRunner::~QueryRunner()
{
    // A running query is stopped on the server too, before the worker's thread goes away.
    QMetaObject::invokeMethod(m_worker, &QueryWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void QueryRunner::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, endpoint, info] { worker->setServer(endpoint, info); });
}

void QueryRunner::run(const QString& sql, const ClickHouseClient::Settings& settings, qint64 initialAllowance)
{
    const int run = ++m_run;
    m_running = true;
    m_queryId.clear();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, run, sql, settings, initialAllowance] {
        worker->run(run, sql, settings, initialAllowance);
    });
}

void QueryRunner::grant(qint64 rows)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, run = m_run, rows] { worker->grant(run, rows); });
}

void QueryRunner::cancel()
{
    if (!m_running)
        return;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, run = m_run] { worker->cancel(run); });
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
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, run] { worker->blockConsumed(run); });
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
