#pragma once

#include "clickhouse/clickhousebackendconfig.h"
#include "clickhouseingestgateway.h"
#include "collectorstatus.h"
#include "otlpreceiver.h"

#include <QObject>
#include <QTimer>

#include <memory>

class ClickHouseDirectExporter;

/// The local collector: the OTLP/HTTP receiver and the ClickHouse ingest gateway in front of one
/// ClickHouse, both delivering through one direct exporter with a durable spool. `stack start`,
/// `receive` and the window run this one object; it lives on the thread that calls start().
class LocalCollector final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        ClickHouseBackendConfig clickHouse; ///< endpoint, dialect and spool path of the target
        OtlpReceiver::Options receiver;
        ClickHouseIngestGateway::Options gateway;
        /// When the preferred port (4318, 8124) is taken, listen on any free one instead; a port
        /// the user asked for is never swapped.
        bool fallBackToFreePorts = true;
        bool withGateway = true;
    };

    explicit LocalCollector(Options options, QObject* parent = nullptr);
    /// Configured later, with configure(), as the window does.
    LocalCollector()
        : LocalCollector(Options())
    { }
    ~LocalCollector() override;
    Q_DISABLE_COPY_MOVE(LocalCollector)

    /// Opens the spool and starts both listeners; false with `error` set when one cannot start.
    /// A stopped collector starts again (with fresh statistics).
    bool start(QString* error);
    /// Options for the next start() (the window learns the managed server's address late).
    void configure(Options options) { m_options = std::move(options); }
    /// start() for callers on other threads: the outcome comes as statusChanged().
    void startAndReport();
    /// stop() with the window's grace period, for WorkerThread.
    void shutdown() { stop(10000); }
    /// Stops listening and puts whatever is not delivered within `timeoutMs` in the spool. The
    /// statistics stay readable.
    void stop(int timeoutMs);

    /// Where the receiver also writes what it takes (a recording), now and after a restart;
    /// null stops it. On the collector's thread: setCaptureSinkFrom() calls it from any thread.
    void setCaptureSink(CaptureSink* sink);
    /// Calls setCaptureSink() on the collector's thread and returns once it has: after that, the
    /// old sink gets nothing more and may be closed.
    static void setCaptureSinkFrom(LocalCollector* collector, CaptureSink* sink);

    OtlpReceiver* receiver() const { return m_receiver; }
    ClickHouseIngestGateway* gateway() const { return m_gateway; }
    ClickHouseDirectExporter* exporter() const { return m_exporter.get(); }
    bool isRunning() const { return m_running; }
    /// Statistics of the receiver, the gateway and the exporter as one JSON object.
    QJsonObject statisticsJson() const;
    CollectorStatus status() const;

    /// The default spool file for a data folder.
    static QString spoolPathIn(const QString& dataDirectory);

Q_SIGNALS:
    void statisticsChanged();
    /// The receiver's live stream, forwarded (queued to the listeners' threads): every accepted batch.
    void spansReceived(const QList<SpanRecord>& spans);
    void metricsReceived(const QList<MetricPoint>& points);
    void logsReceived(const QList<LogRecord>& logs);
    /// At start and stop, and at most twice a second while traffic changes the statistics.
    void statusChanged(const CollectorStatus& status);

private:
    Options m_options;
    std::unique_ptr<ClickHouseDirectExporter> m_exporter;
    OtlpReceiver* m_receiver = nullptr;
    CaptureSink* m_captureSink = nullptr;
    ClickHouseIngestGateway* m_gateway = nullptr;
    bool m_running = false;
    QString m_startError;
    QTimer m_statusTimer;
};
