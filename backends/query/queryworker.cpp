#include "queryworker.h"

#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseresultstream.h"

#include <QEventLoop>
#include <QTimer>

QueryWorker::~QueryWorker()
{
    shutdown();
}

void QueryWorker::shutdown()
{
    if (m_client) // a query cancelled just before: its KILL reaches the server before we end
        m_client->waitForKills(2000);
    ClickHouseResultStream* stream = m_stream.data();
    if (!stream || !m_client)
        return;
    // Stop reading, then make sure the server hears KILL QUERY before this thread's event loop
    // is gone (a query left running would go on using the server's CPU).
    const QString queryId = stream->queryId();
    stream->disconnect(this);
    delete stream;
    std::unique_ptr<ClickHouseReply> kill(m_client->kill(queryId));
    QEventLoop loop;
    QTimer::singleShot(2000, &loop, &QEventLoop::quit);
    connect(kill.get(), &ClickHouseReply::finished, &loop, &QEventLoop::quit);
    if (!kill->isFinished())
        loop.exec();
}

void QueryWorker::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_client = std::make_unique<ClickHouseClient>(endpoint);
    m_client->setServerInfo(info);
    m_client->setTimeoutMs(300000); // a long aggregation may say nothing for minutes
}

void QueryWorker::run(int run, const QString& sql, const ClickHouseClient::Settings& settings, qint64 allowance)
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
        m_stream->deleteLater();
    }
    m_run = run;
    m_allowance = allowance;
    m_held.clear();
    m_blocksInFlight = 0;
    m_waitingReported = false;
    m_streamFinished = false;
    if (!m_client) {
        Q_EMIT finished(run, ClickHouseError::network(QStringLiteral("no ClickHouse server is set")), {}, 0);
        return;
    }
    ClickHouseResultStream* stream = m_client->stream(sql, settings);
    m_stream = stream;
    connect(stream, &ClickHouseResultStream::columnsReady, this,
        [this](const QList<ClickHouseColumn>& columns) { Q_EMIT columnsReady(m_run, columns); });
    connect(stream, &ClickHouseResultStream::rowsReady, this, &QueryWorker::onRows);
    connect(stream, &ClickHouseResultStream::finished, this, &QueryWorker::onStreamFinished);
    Q_EMIT started(run, stream->queryId());
}

void QueryWorker::onRows(const ResultRows& rows)
{
    m_held.append(rows);
    deliver();
}

void QueryWorker::deliver()
{
    // Out in blocks of at most rowsPerBlock: each block is one event on the receiving thread,
    // and a small event keeps that thread responsive.
    while (!m_held.isEmpty() && m_allowance != 0 && m_blocksInFlight < maxBlocksInFlight) {
        // The stream's blocks are at most rowsPerBlock already; only the allowance splits one.
        ResultRows out = m_held.takeFirst();
        if (m_allowance > 0 && out.rowCount() > m_allowance) {
            ResultRows rest = out;
            out = rest.takeFirst(m_allowance);
            m_held.prepend(rest);
        }
        if (m_allowance > 0)
            m_allowance -= out.rowCount();
        ++m_blocksInFlight;
        Q_EMIT rowsReady(m_run, out);
    }
    if (!m_held.isEmpty() && m_allowance == 0 && !m_waitingReported) {
        m_waitingReported = true;
        Q_EMIT waitingForAllowance(m_run);
    }
    // (Through a plain pointer: GCC cannot see that a QPointer it has checked stays set.)
    ClickHouseResultStream* stream = m_stream.data();
    if (!stream || m_streamFinished)
        return;
    // Keep reading until a row has to be held back: a result that ends exactly at the
    // allowance then finishes instead of looking as if it had more.
    if (m_held.isEmpty()) {
        if (stream->isPaused())
            stream->resume();
    } else if (!stream->isPaused()) {
        stream->pause();
    }
}

void QueryWorker::blockConsumed(int run)
{
    if (run != m_run || m_blocksInFlight == 0)
        return;
    --m_blocksInFlight;
    deliver();
    finishIfDone();
}

void QueryWorker::grant(int run, qint64 rows)
{
    if (run != m_run)
        return;
    m_allowance = rows < 0 || m_allowance < 0 ? -1 : m_allowance + rows;
    m_waitingReported = false;
    deliver();
    finishIfDone();
}

void QueryWorker::onStreamFinished()
{
    m_streamFinished = true;
    finishIfDone();
}

void QueryWorker::finishIfDone()
{
    // A finished stream with rows still held back is not finished for the receiver, unless it
    // ended in an error (then the held rows are handed out: what arrived is kept).
    ClickHouseResultStream* stream = m_stream.data();
    if (!m_streamFinished || !stream)
        return;
    const bool failed = stream->error().isError();
    if (!m_held.isEmpty() && !failed)
        return;
    m_stream.clear();
    for (const ResultRows& rows : std::exchange(m_held, {}))
        Q_EMIT rowsReady(m_run, rows);
    Q_EMIT finished(m_run, stream->error(), stream->statistics(), stream->elapsedMs());
    stream->deleteLater();
}

void QueryWorker::cancel(int run)
{
    if (run != m_run || !m_stream)
        return;
    m_held.clear();
    m_stream->cancel(); // emits finished: onStreamFinished reports it
}
