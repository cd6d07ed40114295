#include "clickhousedirectexporter.h"

#include "clickhouseclient.h"
#include "common/eventloopwait.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QThread>

using namespace Qt::StringLiterals;

ClickHouseDirectExporter::ClickHouseDirectExporter(ClickHouseBackendConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_mapper(m_config.dialect)
    , m_client(std::make_unique<ClickHouseClient>(m_config.endpoint))
{
    qRegisterMetaType<ClickHouseBatchSender::Outcome>();
    m_client->setTimeoutMs(m_config.timeoutMs);
    m_flushTimer.setInterval(m_config.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ClickHouseDirectExporter::flushNow);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &ClickHouseDirectExporter::drainSpool);
    RetryPolicy drainPolicy = m_config.retry;
    drainPolicy.maxRetries = 0; // the drain timer does the retrying, with the spool's order kept
    m_spoolSender = new ClickHouseBatchSender(m_client.get(), drainPolicy, m_config.compressionLevel, this);
    connect(m_spoolSender, &ClickHouseBatchSender::finished, this, &ClickHouseDirectExporter::onSpoolSenderFinished);
}

ClickHouseDirectExporter::~ClickHouseDirectExporter()
{
    // Whatever the owner did not wait for still goes somewhere durable.
    shutdown(0);
}

bool ClickHouseDirectExporter::start(QString* error)
{
    if (!m_config.spoolPath.isEmpty()) {
        m_spool = std::make_unique<DurableSpool>(m_config.spoolPath, m_config.spoolMaxBytes);
        QString warning;
        if (!m_spool->open(error, &warning)) {
            m_spool.reset();
            return false;
        }
        if (!warning.isEmpty())
            reportError(warning);
        updateSpoolStatistics();
        if (!m_spool->isEmpty())
            m_drainTimer.start(0);
    }
    m_flushTimer.start();
    probeServer();
    return true;
}

QString ClickHouseDirectExporter::tableName(Table table) const
{
    switch (table) {
    case Table::Traces:
        return m_config.tracesTable;
    case Table::Metrics:
        return m_config.metricsTable;
    case Table::Logs:
        break;
    }
    return m_config.logsTable;
}

bool ClickHouseDirectExporter::tableOf(const QString& destination, Table* table) const
{
    for (Table candidate : { Table::Traces, Table::Metrics, Table::Logs }) {
        if (tableName(candidate) == destination) {
            *table = candidate;
            return true;
        }
    }
    return false;
}

ClickHouseTableKeys ClickHouseDirectExporter::tableKeys(Table table) const
{
    ClickHouseTableKeys keys;
    keys.table = ClickHouseClient::quoteIdentifier(m_config.endpoint.database) + u'.'
        + ClickHouseClient::quoteIdentifier(tableName(table));
    switch (table) {
    case Table::Traces:
        keys.idColumn = QString::fromLatin1(ClickHouseRowMapper::traceIdColumn());
        keys.keyExpression = QString::fromLatin1(ClickHouseRowMapper::traceKeyExpression());
        break;
    case Table::Metrics:
        keys.idColumn = keys.keyExpression = QString::fromLatin1(ClickHouseRowMapper::metricIdColumn());
        break;
    case Table::Logs:
        keys.idColumn = keys.keyExpression = QString::fromLatin1(ClickHouseRowMapper::logIdColumn());
        break;
    }
    return keys;
}

bool ClickHouseDirectExporter::isBackedUp() const
{
    QMutexLocker locker(&m_mutex);
    return m_statistics.heldBatches > 0
        || (m_config.spoolMaxBytes > 0 && m_statistics.spoolBytes > m_config.spoolMaxBytes / 10 * 9);
}

void ClickHouseDirectExporter::flush()
{
    QMetaObject::invokeMethod(this, &ClickHouseDirectExporter::flushNow, Qt::QueuedConnection);
}

void ClickHouseDirectExporter::flushNow()
{
    QList<std::pair<Table, DeliveryBatch>> sealed;
    {
        QMutexLocker locker(&m_mutex);
        for (Table table : { Table::Traces, Table::Metrics, Table::Logs }) {
            while (!m_lanes[static_cast<size_t>(table)].keys.isEmpty())
                sealed.append({ table, sealLocked(table) });
        }
    }
    for (auto& [table, batch] : sealed)
        enqueue(table, std::move(batch));
}

void ClickHouseDirectExporter::enqueue(Table table, DeliveryBatch batch)
{
    --m_postedBatches;
    // While older batches wait in the spool, newer ones queue behind them: order is kept. After
    // shutdown() nothing is sent any more: what still comes goes to the spool (or fails).
    if (m_shuttingDown || (m_spool && (!m_spool->isEmpty() || !m_held.isEmpty())))
        return spool(std::move(batch));
    m_lanes[static_cast<size_t>(table)].queue.append(std::move(batch));
    pump(table);
}

void ClickHouseDirectExporter::pump(Table table)
{
    if (m_shuttingDown)
        return;
    Lane& lane = m_lanes[static_cast<size_t>(table)];
    // While the server is away (the spool holds batches), queued batches join the spool at once
    // instead of each waiting out its own retries: their producers learn they are safe sooner.
    while (m_spool && (!m_spool->isEmpty() || !m_held.isEmpty()) && !lane.queue.isEmpty())
        spool(lane.queue.takeFirst());
    while (!lane.queue.isEmpty()) {
        ClickHouseBatchSender* idle = nullptr;
        for (ClickHouseBatchSender* sender : lane.senders) {
            if (!sender->isBusy()) {
                idle = sender;
                break;
            }
        }
        if (!idle && lane.senders.size() < size_t(m_config.inFlightPerTable())) {
            idle = new ClickHouseBatchSender(m_client.get(), m_config.retry, m_config.compressionLevel, this);
            connect(idle, &ClickHouseBatchSender::finished, this,
                [this, table, idle](const DeliveryBatch& batch, const ClickHouseBatchSender::Outcome& outcome) {
                    onSenderFinished(table, idle, batch, outcome);
                });
            lane.senders.push_back(idle);
        }
        if (!idle)
            return;
        DeliveryBatch batch = lane.queue.takeFirst();
        while (!batch.alone && !lane.queue.isEmpty() && !lane.queue.first().alone
            && batch.sameFormat(lane.queue.first())
            && batch.rowCount() + lane.queue.first().rowCount() <= m_config.coalescedRowsLimit()
            && batch.rows.size() + lane.queue.first().rows.size() <= m_config.throughputBatchBytes)
            batch.append(lane.queue.takeFirst());
        idle->deliver(batch, tableKeys(table), false);
    }
}

void ClickHouseDirectExporter::onSenderFinished(
    Table table, ClickHouseBatchSender*, const DeliveryBatch& batch, const ClickHouseBatchSender::Outcome& outcome)
{
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.retries += outcome.retries;
        m_statistics.bytesRaw += outcome.bytesRaw;
        m_statistics.bytesSent += outcome.bytesSent;
        if (outcome.delivered) {
            m_statistics.rowsDelivered += batch.rowCount();
            if (batch.isRowBinary())
                m_statistics.rowBinaryRows += outcome.rowsInserted;
            m_statistics.rowsDeliveredByTable[size_t(table)] += batch.rowCount();
            ++m_statistics.batchesDelivered;
            m_statistics.lastLatencyMs = outcome.latencyMs;
            const double n = double(m_statistics.batchesDelivered);
            m_statistics.averageLatencyMs += (double(outcome.latencyMs) - m_statistics.averageLatencyMs) / n;
        } else {
            ++m_statistics.failedAttempts;
        }
    }
    if (outcome.delivered) {
        DeliveryBatch delivered = batch;
        delivered.settleTickets(true);
    } else if (outcome.permanent && batch.alone && ClickHouseBatchSender::isBadData(outcome.error)) {
        // Rows from outside that the server refuses as rows (an unknown column, text where a
        // number goes): a resend cannot help, and spooled they would block every batch behind
        // them. The request that sent them is told (the gateway answers with the server's error).
        const QString error = outcome.error.toString();
        reportError(u"ClickHouse refused %1 rows for %2: %3"_s.arg(batch.rowCount()).arg(batch.destination, error));
        DeliveryBatch refused = batch;
        refused.settleTickets(false, error, true);
    } else if (outcome.error.kind() == ClickHouseError::Kind::Cancelled) {
        spool(batch); // stopped by shutdown(): the next start delivers it
    } else if (!outcome.delivered) {
        reportError(u"%1 rows for %2 not delivered after %3 retries: %4"_s.arg(batch.rowCount())
                        .arg(batch.destination)
                        .arg(outcome.retries)
                        .arg(outcome.error.toString()));
        // The batch may have landed in part: the spool checks before it resends.
        spool(batch);
    }
    // RowBinary carries no types: rows the server refused may have been written for column types
    // the table no longer has (altered, or dropped and made again), so they are read again.
    if (!outcome.delivered && batch.isRowBinary() && outcome.error.kind() == ClickHouseError::Kind::Server)
        loadLayouts();
    Q_EMIT statisticsChanged();
    pump(table);
}

void ClickHouseDirectExporter::reportError(const QString& error)
{
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.lastError = error;
    }
    Q_EMIT errorOccurred(error);
}

ClickHouseDirectExporter::Statistics ClickHouseDirectExporter::statistics() const
{
    QMutexLocker locker(&m_mutex);
    return m_statistics;
}

bool ClickHouseDirectExporter::isIdle() const
{
    {
        QMutexLocker locker(&m_mutex);
        for (const Lane& lane : m_lanes) {
            if (!lane.keys.isEmpty())
                return false;
        }
    }
    if (m_postedBatches.loadRelaxed() != 0 || m_spoolSender->isBusy() || !m_held.isEmpty()
        || (m_spool && !m_spool->isEmpty()))
        return false;
    for (const Lane& lane : m_lanes) {
        if (!lane.queue.isEmpty())
            return false;
        for (const ClickHouseBatchSender* sender : lane.senders) {
            if (sender->isBusy())
                return false;
        }
    }
    return true;
}

bool ClickHouseDirectExporter::flushAndWait(int timeoutMs)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // A nested loop on the owner thread: the replies, timers and queued batches all need it.
    return runEventLoopUntil(timeoutMs, [this] {
        flushNow();
        return isIdle();
    });
}

void ClickHouseDirectExporter::shutdown(int timeoutMs)
{
    if (timeoutMs > 0)
        flushAndWait(timeoutMs);
    m_shuttingDown = true;
    m_flushTimer.stop();
    m_drainTimer.stop();
    // Batches posted from other threads but not yet taken, and everything still buffered.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    flushNow();
    for (Table table : { Table::Traces, Table::Metrics, Table::Logs }) {
        Lane& lane = m_lanes[static_cast<size_t>(table)];
        for (ClickHouseBatchSender* sender : lane.senders)
            sender->abort(); // finished() puts the in-flight batch in the spool
        while (!lane.queue.isEmpty())
            spool(lane.queue.takeFirst());
    }
    m_spoolSender->abort();
    m_drainTimer.stop();
    // Batches the spool had no room for end with this object: their producers are told, and the
    // rows are counted lost (each was reported when it was held).
    for (DeliveryBatch& held : m_held) {
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.rowsLost += held.rowCount();
        }
        held.settleTickets(false, u"the spool was full when the exporter stopped"_s);
    }
    m_held.clear();
    updateSpoolStatistics(); // the held rows are lost now, no longer waiting for the spool
}
