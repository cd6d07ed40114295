// The spool side of ClickHouseDirectExporter: batches that failed go to disk and are drained
// back, in order, when the server answers again. Kept apart from the live queue in
// clickhousedirectexporter.cpp so that each file reads as one path of a batch.
#include "clickhousedirectexporter.h"
#include "telemetry/rowbinaryjson.h"

#include <QFile>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

bool ClickHouseDirectExporter::toText(DeliveryBatch* batch)
{
    if (!batch->isRowBinary())
        return true;
    RowBinaryLayout layout;
    QByteArray lines;
    QString error;
    if (!RowBinaryLayout::fromSpec(batch->binaryColumns, &layout, &error)
        || !RowBinaryJson::toJsonLines(layout, batch->rows, &lines, &error)) {
        reportError(
            u"%1 rows for %2 could not be kept as text: %3"_s.arg(batch->rowCount()).arg(batch->destination, error));
        return false;
    }
    batch->rows = std::move(lines);
    batch->binaryColumns.clear();
    batch->rowEnds.clear();
    return true;
}

void ClickHouseDirectExporter::spool(DeliveryBatch batch)
{
    if (m_spool && !toText(&batch)) {
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.rowsLost += batch.rowCount();
        }
        batch.settleTickets(false, u"rows not kept"_s);
        return;
    }
    if (!m_spool) {
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.rowsLost += batch.rowCount();
        }
        const QString error =
            u"%1 rows for %2 are lost: no spool is configured"_s.arg(batch.rowCount()).arg(batch.destination);
        reportError(error);
        batch.settleTickets(false, error);
        return;
    }
    QString error;
    if (m_held.isEmpty() && m_spool->append(&batch, &error)) {
        batch.settleTickets(true);
        updateSpoolStatistics();
    } else if (!m_spool->couldEverHold(batch)) {
        loseUnspoolable(std::move(batch));
    } else {
        if (!error.isEmpty())
            reportError(error + u"; the batch is kept in memory until the spool has room"_s);
        m_held.append(std::move(batch));
        updateSpoolStatistics();
    }
    if (!m_drainTimer.isActive() && !m_spoolSender->isBusy())
        m_drainTimer.start(m_config.spoolRetryIntervalMs);
}

void ClickHouseDirectExporter::loseUnspoolable(DeliveryBatch batch)
{
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.rowsLost += batch.rowCount();
    }
    const QString error =
        u"%1 rows for %2 are lost: as text they need more than the whole spool (%3 bytes)"_s.arg(batch.rowCount())
            .arg(batch.destination)
            .arg(m_spool->maxBytes());
    reportError(error);
    batch.settleTickets(false, error);
    updateSpoolStatistics();
}

void ClickHouseDirectExporter::drainSpool()
{
    if (!m_spool || m_spoolSender->isBusy())
        return;
    if (m_spool->isEmpty()) {
        // Batches that did not fit earlier go in now, in order.
        while (!m_held.isEmpty()) {
            QString error;
            if (m_spool->append(&m_held.first(), &error))
                m_held.takeFirst().settleTickets(true);
            else if (!m_spool->couldEverHold(m_held.first()))
                loseUnspoolable(m_held.takeFirst());
            else
                break;
        }
        updateSpoolStatistics();
        if (m_spool->isEmpty()) {
            if (!m_held.isEmpty()) // the spool still refuses them: try again later
                m_drainTimer.start(m_config.spoolRetryIntervalMs);
            return;
        }
    }
    QString error;
    std::optional<DeliveryBatch> batch = m_spool->front(&error);
    Table table = Table::Traces;
    if (!batch || !tableOf(batch->destination, &table)) {
        reportError(batch ? u"spooled batch %1 is for an unknown table %2; it stays in %3"_s.arg(batch->sequence)
                                .arg(batch->destination, m_spool->path())
                          : error);
        m_drainTimer.start(m_config.spoolRetryIntervalMs * 8);
        return;
    }
    // An outage leaves many small batches (one per receiver request): the ones that follow for
    // the same table go in the same insert, as pump() coalesces a live queue.
    m_drainingBatches = 1;
    while (m_drainingBatches < m_spool->pendingBatches()) {
        const std::optional<DeliveryBatch> next = m_spool->at(m_drainingBatches, &error);
        if (!next || next->destination != batch->destination
            || batch->rowCount() + next->rowCount() > m_config.coalescedRowsLimit()
            || batch->rows.size() + next->rows.size() > m_config.throughputBatchBytes)
            break;
        batch->append(*next);
        ++m_drainingBatches;
    }
    m_spoolSender->deliver(*batch, tableKeys(table), true);
}

void ClickHouseDirectExporter::onSpoolSenderFinished(
    const DeliveryBatch& batch, const ClickHouseBatchSender::Outcome& outcome)
{
    if (outcome.delivered) {
        QString error;
        if (!m_spool->acknowledgeFront(&error, m_drainingBatches))
            reportError(error);
        Table table = Table::Traces;
        const bool known = tableOf(batch.destination, &table);
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.rowsDelivered += batch.rowCount();
            if (known)
                m_statistics.rowsDeliveredByTable[size_t(table)] += batch.rowCount();
            ++m_statistics.batchesDelivered;
            m_statistics.bytesRaw += outcome.bytesRaw;
            m_statistics.bytesSent += outcome.bytesSent;
        }
        m_drainFailures = 0;
        updateSpoolStatistics();
        Q_EMIT statisticsChanged();
        m_drainTimer.start(0);
        return;
    }
    if (outcome.error.kind() == ClickHouseError::Kind::Cancelled)
        return;
    if (outcome.permanent && ClickHouseBatchSender::isBadData(outcome.error)) {
        // Rows the server refuses as rows: kept aside in a file beside the spool (never silently
        // dropped), so that the batches behind them can go. A set-up error (credentials, a
        // missing table) keeps them in the spool until the user fixes it.
        const QString path = m_spool->path() + u".refused.jsonl"_s;
        QFile refused(path);
        const bool kept =
            refused.open(QIODevice::WriteOnly | QIODevice::Append) && refused.write(batch.rows) == batch.rows.size();
        reportError(
            u"ClickHouse refused %1 spooled rows for %2 (%3); %4"_s.arg(batch.rowCount())
                .arg(batch.destination, outcome.error.toString(),
                    kept ? u"they are kept in "_s + path : u"they could not be kept: "_s + refused.errorString()));
        QString error;
        if (!m_spool->acknowledgeFront(&error, m_drainingBatches))
            reportError(error);
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.rowsLost += batch.rowCount();
        }
        updateSpoolStatistics();
        Q_EMIT statisticsChanged();
        m_drainTimer.start(0);
        return;
    }
    ++m_drainFailures;
    reportError(u"the spool (%1 batches) is still waiting for the server: %2"_s.arg(m_spool->pendingBatches())
                    .arg(outcome.error.toString()));
    m_drainTimer.start(m_config.spoolRetryIntervalMs * (1 << qMin(m_drainFailures - 1, 4)));
}

void ClickHouseDirectExporter::updateSpoolStatistics()
{
    QMutexLocker locker(&m_mutex);
    qint64 heldRows = 0;
    for (const DeliveryBatch& batch : std::as_const(m_held))
        heldRows += batch.rowCount();
    m_statistics.spooledBatches = (m_spool ? m_spool->pendingBatches() : 0) + m_held.size();
    m_statistics.spooledRows = (m_spool ? m_spool->pendingRows() : 0) + heldRows;
    m_statistics.spoolBytes = m_spool ? m_spool->sizeBytes() : 0;
    m_statistics.spoolOldestMs = m_spool ? m_spool->oldestCreatedAtMs() : 0;
    m_statistics.heldBatches = m_held.size();
    m_statistics.heldRows = heldRows;
}
