#pragma once

#include "clickhousebackendconfig.h"
#include "clickhousebatchsender.h"
#include "delivery/durablespool.h"
#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/rowbinarylayout.h"
#include "telemetry/spanrecord.h"

#include <QAtomicInteger>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <array>
#include <memory>
#include <span>

class ClickHouseClient;
class RowBinaryWriter;

/// The SDKs' `clickhouse` backend, done right: records become rows of the upstream tables,
/// batched by size and by interval, inserted as RowBinary where the table's column types allow it
/// (else JSONEachRow; gzip when configured), retried with backoff, and
/// never lost: a batch that still fails goes to a durable spool on disk and is delivered, in
/// order, when the server answers again or at the next start. Exactly once: rows are sealed into
/// batches under a lock (the upstream Python SDK's timer and caller flushes race and lose and
/// duplicate rows), and a resend first checks which rows already landed.
///
/// track*() and flush() may be called from any thread; everything else runs on the thread the
/// exporter lives in, whose event loop does the network work.
class ClickHouseDirectExporter final : public QObject
{
    Q_OBJECT

public:
    enum class Table
    {
        Traces,
        Metrics,
        Logs,
    };

    struct Statistics
    {
        qint64 rowsTracked = 0;
        qint64 rowsDelivered = 0; ///< inserted, or found already stored by a check
        qint64 rowBinaryRows = 0; ///< of those, rows inserted as RowBinary
        std::array<qint64, 3> rowsDeliveredByTable {}; ///< the same per Table
        qint64 batchesDelivered = 0;
        qint64 retries = 0;
        qint64 failedAttempts = 0; ///< batches that went to the spool (or were lost without one)
        qint64 rowsLost = 0; ///< only without a spool, or when the spool is full; always reported
        qint64 bytesRaw = 0;
        qint64 bytesSent = 0;
        qint64 lastLatencyMs = 0;
        double averageLatencyMs = 0;
        qint64 spooledBatches = 0;
        qint64 spooledRows = 0;
        qint64 spoolBytes = 0;
        qint64 spoolOldestMs = 0;
        qint64 heldBatches = 0; ///< batches the spool had no room for, kept in memory
        qint64 heldRows = 0; ///< their rows (counted in spooledRows too)
        QString lastError;
    };

    explicit ClickHouseDirectExporter(ClickHouseBackendConfig config, QObject* parent = nullptr);
    ~ClickHouseDirectExporter() override;
    Q_DISABLE_COPY_MOVE(ClickHouseDirectExporter)

    /// Opens the spool (delivering what an earlier run left in it) and starts the flush timer.
    bool start(QString* error);
    /// Processes events until the server has answered what it is and which types its tables'
    /// columns have (so rows are written as RowBinary from the first), or until `timeoutMs`.
    /// Not needed for correctness: until then rows are written as JSONEachRow.
    bool waitUntilReady(int timeoutMs);

    // Thread-safe. With a ticket, the rows (and whatever was buffered before them) are sealed at
    // once, and the ticket is settled when they are delivered or in the spool; the ticket's
    // holder must release() it after the call.
    void trackSpans(const QList<SpanRecord>& spans, const DeliveryTicketPtr& ticket = {});
    void trackMetrics(const QList<MetricPoint>& points, const DeliveryTicketPtr& ticket = {});
    void trackLogs(const QList<LogRecord>& logs, const DeliveryTicketPtr& ticket = {});
    /// Rows already serialised for `table` in the configured dialect (one JSON object per line,
    /// newline-terminated), with one key per row as ClickHouseRowMapper makes them.
    void trackRows(Table table, QByteArray rows, QList<QByteArray> keys, const DeliveryTicketPtr& ticket = {});
    /// True when the spool is close to its size limit or could not take a batch: new work would
    /// only wait in memory, so a receiver should refuse it (503) until this clears.
    bool isBackedUp() const;
    /// Seals whatever is buffered and sends it now (asynchronously).
    void flush();
    Statistics statistics() const;

    // Owner thread only.
    /// Nothing buffered, queued or in flight, and the spool empty.
    bool isIdle() const;
    /// Flushes and processes events until idle or until `timeoutMs`; true when idle.
    bool flushAndWait(int timeoutMs);
    /// Flushes, waits up to `timeoutMs`, then puts every undelivered batch in the spool.
    void shutdown(int timeoutMs);
    ClickHouseClient* client() const { return m_client.get(); }
    const ClickHouseBackendConfig& config() const { return m_config; }

Q_SIGNALS:
    void statisticsChanged();
    void errorOccurred(const QString& error);

private:
    struct Lane
    {
        QByteArray rows; ///< guarded by m_mutex
        QList<QByteArray> keys; ///< guarded by m_mutex
        QByteArray binaryColumns; ///< guarded by m_mutex: the format of `rows` (DeliveryBatch)
        QList<qint32> rowEnds; ///< guarded by m_mutex: of RowBinary rows
        QList<DeliveryBatch> queue; ///< sealed, waiting for a sender (owner thread)
        std::vector<ClickHouseBatchSender*> senders;
    };

    template<typename Record>
    using AppendText = QByteArray (ClickHouseRowMapper::*)(QByteArray&, const Record&) const;
    template<typename Record>
    using AppendBinary = QByteArray (ClickHouseRowMapper::*)(RowBinaryWriter&, const Record&) const;
    /// How rows of a table are written as RowBinary; null while unknown, or when its columns'
    /// types have no RowBinary encoding here (then JSONEachRow).
    struct BinaryTable
    {
        std::shared_ptr<const RowBinaryLayout> layout;
        QByteArray spec;
    };
    /// Rows of `records` as RowBinary when the table's layout is known, otherwise as JSONEachRow.
    template<typename Record>
    void track(Table table, const QList<Record>& records, AppendText<Record> appendText,
        AppendBinary<Record> appendBinary, const DeliveryTicketPtr& ticket);
    /// Appends rows of the first of `records` to the lane, up to `byteRoom` bytes (the row that
    /// reaches it included); returns how many records it took. `error` gets the first reason a
    /// record could not be written as RowBinary (those rows go as text).
    template<typename Record>
    qsizetype trackPiece(Table table, std::span<const Record> records, qsizetype byteRoom, const BinaryTable& binary,
        AppendText<Record> appendText, AppendBinary<Record> appendBinary, const DeliveryTicketPtr& ticket,
        QString* error);

    void appendRows(Table table, QByteArray rows, QList<QByteArray> keys, const DeliveryTicketPtr& ticket,
        const QByteArray& binaryColumns = {}, QList<qint32> rowEnds = {});
    void loadLayouts();
    /// Text rows for the spool (and its .refused.jsonl): RowBinary depends on the table's types.
    bool toText(DeliveryBatch* batch);
    /// Takes the lane's buffered rows as a batch (caller holds m_mutex).
    DeliveryBatch sealLocked(Table table);
    void flushNow();
    void enqueue(Table table, DeliveryBatch batch);
    void pump(Table table);
    void onSenderFinished(Table table, ClickHouseBatchSender* sender, const DeliveryBatch& batch,
        const ClickHouseBatchSender::Outcome& outcome);
    void spool(DeliveryBatch batch);
    /// A batch too large for even an empty spool: counted lost and reported, never held.
    void loseUnspoolable(DeliveryBatch batch);
    void drainSpool();
    void onSpoolSenderFinished(const DeliveryBatch& batch, const ClickHouseBatchSender::Outcome& outcome);
    void reportError(const QString& error);
    void probeServer();
    void updateSpoolStatistics();
    QString tableName(Table table) const;
    ClickHouseTableKeys tableKeys(Table table) const;
    bool tableOf(const QString& destination, Table* table) const;

    ClickHouseBackendConfig m_config;
    ClickHouseRowMapper m_mapper;
    std::unique_ptr<ClickHouseClient> m_client;
    std::unique_ptr<DurableSpool> m_spool;
    ClickHouseBatchSender* m_spoolSender = nullptr;
    std::array<Lane, 3> m_lanes;
    std::array<BinaryTable, 3> m_binaryTables; ///< guarded by m_mutex
    bool m_ready = false; ///< the server and its column types are known (or cannot be)
    bool m_loadingLayouts = false; ///< the column types are being read
    QList<DeliveryBatch> m_held; ///< batches the spool had no room for (reported), in order
    QAtomicInteger<qint64> m_postedBatches = 0; ///< sealed by track() and not yet enqueued
    mutable QMutex m_mutex;
    Statistics m_statistics; ///< guarded by m_mutex
    QTimer m_flushTimer;
    QTimer m_drainTimer;
    int m_drainFailures = 0;
    qsizetype m_drainingBatches = 0; ///< spooled batches in the insert under way
    bool m_shuttingDown = false;
};
