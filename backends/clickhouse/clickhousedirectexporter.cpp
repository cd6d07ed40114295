#include "clickhousedirectexporter.h"

#include "clickhouseclient.h"
#include "common/eventloopwait.h"
#include "telemetry/rowbinarywriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMutexLocker>
#include <QThread>

#include <limits>

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

template<typename Record>
void ClickHouseDirectExporter::track(Table table, const QList<Record>& records, AppendText<Record> appendText,
    AppendBinary<Record> appendBinary, const DeliveryTicketPtr& ticket)
{
    BinaryTable binary;
    qsizetype bufferedRows = 0;
    qsizetype bufferedBytes = 0;
    {
        QMutexLocker locker(&m_mutex);
        binary = m_binaryTables[static_cast<size_t>(table)];
        bufferedRows = m_lanes[static_cast<size_t>(table)].keys.size();
        bufferedBytes = m_lanes[static_cast<size_t>(table)].rows.size();
    }
    // Serialised in pieces that fill the lane's batch exactly, by rows or (bulk work) by bytes:
    // a piece that makes a whole batch becomes that batch without a copy, where appending and
    // splitting copied every row's bytes twice or three times (docs/PERFORMANCE.md). Another
    // producer (or the flush timer) may have changed the lane meanwhile; that costs a copy, or a
    // batch of up to twice the byte limit, never a row.
    const qsizetype batchRows = m_config.rowsPerBatch();
    const qsizetype batchBytes = m_config.mode == ClickHouseBackendConfig::Mode::Throughput
        ? m_config.throughputBatchBytes
        : std::numeric_limits<qsizetype>::max();
    qsizetype rowRoom = batchRows - bufferedRows % batchRows;
    qsizetype byteRoom = std::max<qsizetype>(batchBytes - bufferedBytes, 1);
    QString error;
    for (qsizetype from = 0; from < records.size(); rowRoom = batchRows, byteRoom = batchBytes) {
        const auto piece = std::span(records).subspan(size_t(from), size_t(std::min(rowRoom, records.size() - from)));
        from += trackPiece(table, piece, byteRoom, binary, appendText, appendBinary, ticket, &error);
    }
    // A value the table's types cannot hold (an enum without that name): those rows went as
    // text, and the server's answer to them says what is wrong. Said once per call.
    if (!error.isEmpty())
        reportError(u"rows for %1 written as JSONEachRow: %2"_s.arg(tableName(table), error));
}

template<typename Record>
qsizetype ClickHouseDirectExporter::trackPiece(Table table, std::span<const Record> records, qsizetype byteRoom,
    const BinaryTable& binary, AppendText<Record> appendText, AppendBinary<Record> appendBinary,
    const DeliveryTicketPtr& ticket, QString* error)
{
    // Serialise outside the lock, on the caller's thread: producers work in parallel. Sized for
    // the records, or for the byte limit and the row that crosses it (a piece cut there would
    // otherwise double its buffer, and copy it, for its last row).
    QByteArray rows;
    const qsizetype expected = qsizetype(records.size()) * 900;
    rows.reserve(expected <= byteRoom ? expected : byteRoom + std::min(byteRoom / 16, expected - byteRoom));
    QList<QByteArray> keys;
    keys.reserve(qsizetype(records.size()));
    qsizetype taken = 0;
    if (binary.layout) {
        QList<qint32> rowEnds;
        rowEnds.reserve(qsizetype(records.size()));
        QString binaryError;
        {
            // Its own scope: the writer sizes `rows` when it goes, which must be before a retry.
            RowBinaryWriter writer(rows, *binary.layout);
            for (const Record& record : records) {
                keys.append((m_mapper.*appendBinary)(writer, record));
                rowEnds.append(qint32(writer.size()));
                ++taken;
                if (writer.size() >= byteRoom)
                    break;
            }
            writer.finish();
            binaryError = writer.error();
        }
        if (binaryError.isEmpty()) {
            appendRows(table, std::move(rows), std::move(keys), ticket, binary.spec, std::move(rowEnds));
            return taken;
        }
        if (error->isEmpty())
            *error = binaryError;
        rows.clear();
        keys.clear();
        taken = 0;
    }
    for (const Record& record : records) {
        keys.append((m_mapper.*appendText)(rows, record));
        ++taken;
        if (rows.size() >= byteRoom)
            break;
    }
    appendRows(table, std::move(rows), std::move(keys), ticket);
    return taken;
}

void ClickHouseDirectExporter::appendRows(Table table, QByteArray rows, QList<QByteArray> keys,
    const DeliveryTicketPtr& ticket, const QByteArray& binaryColumns, QList<qint32> rowEnds)
{
    if (keys.isEmpty())
        return;
    QList<DeliveryBatch> sealed;
    {
        QMutexLocker locker(&m_mutex);
        Lane& lane = m_lanes[static_cast<size_t>(table)];
        m_statistics.rowsTracked += keys.size();
        // One format per batch: rows written the other way seal what is buffered first.
        while (!lane.keys.isEmpty() && lane.binaryColumns != binaryColumns)
            sealed.append(sealLocked(table));
        lane.binaryColumns = binaryColumns;
        if (lane.keys.isEmpty()) {
            // Taken as they are: no copy, and a batch sealed from them owns its buffer alone
            // (squeezing a buffer still shared with `rows` would copy it).
            lane.rows = std::move(rows);
            lane.keys = std::move(keys);
            lane.rowEnds = std::move(rowEnds);
        } else {
            const auto offset = qint32(lane.rows.size());
            for (qint32& end : rowEnds)
                end += offset;
            lane.rowEnds += rowEnds;
            lane.rows += rows;
            lane.keys += keys;
        }
        const bool throughput = m_config.mode == ClickHouseBackendConfig::Mode::Throughput;
        // A waiting producer gets its rows sealed now, not at the next interval; batches that
        // queue behind an insert under way are coalesced again by pump() (group commit).
        while (lane.keys.size() >= m_config.rowsPerBatch()
            || (throughput && lane.rows.size() >= m_config.throughputBatchBytes) || (ticket && !lane.keys.isEmpty())) {
            sealed.append(sealLocked(table));
            if (ticket) {
                ticket->addPart();
                sealed.last().tickets.append(ticket);
            }
        }
    }
    for (DeliveryBatch& batch : sealed)
        QMetaObject::invokeMethod(
            this, [this, table, batch = std::move(batch)]() mutable { enqueue(table, std::move(batch)); },
            Qt::QueuedConnection);
}

bool ClickHouseDirectExporter::isBackedUp() const
{
    QMutexLocker locker(&m_mutex);
    return m_statistics.heldBatches > 0
        || (m_config.spoolMaxBytes > 0 && m_statistics.spoolBytes > m_config.spoolMaxBytes / 10 * 9);
}

DeliveryBatch ClickHouseDirectExporter::sealLocked(Table table)
{
    Lane& lane = m_lanes[static_cast<size_t>(table)];
    const qsizetype count = qMin<qsizetype>(lane.keys.size(), m_config.rowsPerBatch());
    DeliveryBatch batch;
    batch.destination = tableName(table);
    batch.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    batch.binaryColumns = lane.binaryColumns;
    if (count == lane.keys.size()) {
        batch.rows = std::exchange(lane.rows, {});
        batch.keys = std::exchange(lane.keys, {});
        batch.rowEnds = std::exchange(lane.rowEnds, {});
    } else {
        qsizetype end = 0;
        if (!lane.rowEnds.isEmpty()) {
            end = lane.rowEnds.at(count - 1);
            batch.rowEnds = lane.rowEnds.first(count);
            lane.rowEnds.remove(0, count);
            for (qint32& rest : lane.rowEnds)
                rest -= qint32(end);
        } else {
            for (qsizetype i = 0; i < count; ++i)
                end = lane.rows.indexOf('\n', end) + 1;
        }
        batch.rows = lane.rows.left(end);
        lane.rows.remove(0, end);
        batch.keys = lane.keys.first(count);
        lane.keys.remove(0, count);
    }
    // The lane grew by doubling: a batch waiting for its insert would keep up to twice its bytes
    // (glibc shrinks a block in place, so this costs no copy).
    if (batch.rows.capacity() > batch.rows.size() + batch.rows.size() / 4)
        batch.rows.squeeze();
    ++m_postedBatches;
    return batch;
}

void ClickHouseDirectExporter::trackSpans(const QList<SpanRecord>& spans, const DeliveryTicketPtr& ticket)
{
    track(
        Table::Traces, spans, &ClickHouseRowMapper::appendTraceRow, &ClickHouseRowMapper::appendBinaryTraceRow, ticket);
}

void ClickHouseDirectExporter::trackMetrics(const QList<MetricPoint>& points, const DeliveryTicketPtr& ticket)
{
    track(Table::Metrics, points, &ClickHouseRowMapper::appendMetricRow, &ClickHouseRowMapper::appendBinaryMetricRow,
        ticket);
}

void ClickHouseDirectExporter::trackLogs(const QList<LogRecord>& logs, const DeliveryTicketPtr& ticket)
{
    track(Table::Logs, logs, &ClickHouseRowMapper::appendLogRow, &ClickHouseRowMapper::appendBinaryLogRow, ticket);
}

void ClickHouseDirectExporter::trackRows(
    Table table, QByteArray rows, QList<QByteArray> keys, const DeliveryTicketPtr& ticket)
{
    if (keys.isEmpty())
        return;
    if (!ticket)
        return appendRows(table, std::move(rows), std::move(keys), ticket);
    // Rows from outside: a batch of their own, never coalesced with others (DeliveryBatch::alone).
    DeliveryBatch batch;
    batch.destination = tableName(table);
    batch.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    batch.rows = std::move(rows);
    batch.keys = std::move(keys);
    batch.alone = true;
    ticket->addPart();
    batch.tickets.append(ticket);
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.rowsTracked += batch.rowCount();
    }
    ++m_postedBatches;
    QMetaObject::invokeMethod(
        this, [this, table, batch = std::move(batch)]() mutable { enqueue(table, std::move(batch)); },
        Qt::QueuedConnection);
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
}
