#pragma once

#include "clickhouse/clickhousebackendconfig.h"
#include "clickhouseingestgateway.h"
#include "otlpreceiver.h"

#include <QObject>

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
    ~LocalCollector() override;
    Q_DISABLE_COPY_MOVE(LocalCollector)

    /// Opens the spool and starts both listeners; false with `error` set when one cannot start.
    bool start(QString* error);
    /// Stops listening and puts whatever is not delivered within `timeoutMs` in the spool. The
    /// statistics stay readable.
    void stop(int timeoutMs);

    OtlpReceiver* receiver() const { return m_receiver; }
    ClickHouseIngestGateway* gateway() const { return m_gateway; }
    ClickHouseDirectExporter* exporter() const { return m_exporter.get(); }
    bool isRunning() const { return m_running; }
    /// Statistics of the receiver, the gateway and the exporter as one JSON object.
    QJsonObject statisticsJson() const;

    /// The default spool file for a data folder.
    static QString spoolPathIn(const QString& dataDirectory);

Q_SIGNALS:
    void statisticsChanged();

private:
    Options m_options;
    std::unique_ptr<ClickHouseDirectExporter> m_exporter;
    OtlpReceiver* m_receiver = nullptr;
    ClickHouseIngestGateway* m_gateway = nullptr;
    bool m_running = false;
};
