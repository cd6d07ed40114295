#pragma once

#include "delivery/durablespool.h"
#include "otlphttpexporterconfig.h"
#include "otlphttpsender.h"
#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QMutex>
#include <QObject>
#include <QTimer>

#include <array>
#include <memory>
#include <vector>

class QNetworkAccessManager;

/// The SDKs' `otlp` backend, done right: records are batched per signal (by size and by
/// interval), encoded (protobuf or JSON, gzip) and sent by OtlpHttpSender with the spec's retry
/// rules; a batch that still cannot be delivered goes to a durable spool on disk and is sent, in
/// order, when the endpoint answers again or at the next start. A request the endpoint refuses for
/// good (400, 401, 404, 413, ...) is reported and dropped, never retried. Partial successes are
/// counted. track*() and flush() may be called from any thread; the rest runs on the exporter's.
class OtlpHttpExporter final : public QObject
{
    Q_OBJECT

public:
    struct Statistics
    {
        qint64 recordsTracked = 0;
        qint64 recordsDelivered = 0;
        qint64 requestsDelivered = 0;
        qint64 recordsRejected = 0; ///< refused by the endpoint in partial successes
        qint64 recordsFailed = 0; ///< refused for good, or lost without a spool
        qint64 retries = 0;
        qint64 bytesRaw = 0;
        qint64 bytesSent = 0;
        qint64 lastLatencyMs = 0;
        qint64 spooledBatches = 0;
        qint64 spooledRecords = 0;
        QString lastError;
    };

    explicit OtlpHttpExporter(OtlpHttpExporterConfig config, QObject* parent = nullptr);
    ~OtlpHttpExporter() override;
    Q_DISABLE_COPY_MOVE(OtlpHttpExporter)

    /// Reads the CA file, opens the spool (sending what an earlier run left) and starts the timer.
    bool start(QString* error);

    // Thread-safe.
    void trackSpans(const QList<SpanRecord>& spans);
    void trackMetrics(const QList<MetricPoint>& points);
    void trackLogs(const QList<LogRecord>& logs);
    void flush();
    Statistics statistics() const;

    // Owner thread only.
    bool isIdle() const;
    /// Flushes and processes events until idle or `timeoutMs`; true when idle.
    bool flushAndWait(int timeoutMs);
    /// Flushes, waits up to `timeoutMs`, then spools what is still undelivered.
    void shutdown(int timeoutMs);
    const OtlpHttpExporterConfig& config() const { return m_config; }

Q_SIGNALS:
    void statisticsChanged();
    void errorOccurred(const QString& error);

private:
    struct Lane
    {
        QList<SpanRecord> spans; ///< guarded by m_mutex (only the lane's own kind is used)
        QList<MetricPoint> points;
        QList<LogRecord> logs;
        QList<DeliveryBatch> queue; ///< owner thread
        std::vector<OtlpHttpSender*> senders;
    };

    void sealAll();
    void seal(Otlp::Signal signal);
    void enqueue(Otlp::Signal signal, DeliveryBatch batch);
    void pump(Otlp::Signal signal);
    void onSenderFinished(Otlp::Signal signal, const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome);
    /// Appends to the spool; without one (or when it is full) the batch is lost and reported
    /// with `reason`, the failure that sent it there. False when lost.
    bool spool(DeliveryBatch batch, const QString& reason = {});
    void drainSpool();
    void onSpoolSenderFinished(const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome);
    void count(const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome);
    void reportError(const QString& error);
    OtlpHttpSender::Request requestFor(Otlp::Signal signal) const;
    Lane& lane(Otlp::Signal signal) { return m_lanes[static_cast<size_t>(signal)]; }

    OtlpHttpExporterConfig m_config;
    QList<QSslCertificate> m_caCertificates;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<DurableSpool> m_spool;
    OtlpHttpSender* m_spoolSender = nullptr;
    std::array<Lane, 3> m_lanes;
    mutable QMutex m_mutex;
    Statistics m_statistics; ///< guarded by m_mutex
    QTimer m_flushTimer;
    QTimer m_drainTimer;
    bool m_shuttingDown = false;
};
