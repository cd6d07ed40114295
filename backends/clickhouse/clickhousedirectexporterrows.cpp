#include "clickhousedirectexporter.h"
#include "telemetry/rowbinarywriter.h"

#include <QDateTime>
#include <QMutexLocker>

#include <limits>

using namespace Qt::StringLiterals;

// The row intake: records become rows on the producers' threads, and rows become sealed batches
// (sealLocked() also serves flushNow() on the exporter's thread).

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
