#pragma once

#include "clickhouse/clickhousebackendconfig.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "clickhouse/clickhouseserverinfoloader.h"
#include "telemetry/sampletelemetry.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class ClickHouseClient;
class ClickHouseDirectExporter;
class ClickHouseSchema;

/// Loads SampleTelemetry into a ClickHouse through the direct backend, the way a user's first
/// run wants it: learns the server's dialect, installs the upstream schema when it is missing,
/// then writes minute after minute (throughput mode, a bounded number of rows in flight, so any
/// size runs in bounded memory and the thread it lives on stays responsive), and reports how
/// many rows each table received. Cancel stops making records; what was handed to the backend is
/// still delivered and counted. `automagik-workbench sample` and the Health page's "Load sample
/// telemetry" button are two drivers of this one object.
class SampleTelemetryLoader final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
        QString database;
        /// Rows made for each table; on success every one of them is confirmed written.
        qint64 spans = 0;
        qint64 metrics = 0;
        qint64 logs = 0;
        bool schemaInstalled = false; ///< the schema was missing and was installed (and verified) first
        qint64 delivered = 0; ///< rows ClickHouse confirmed, all tables together
        qint64 elapsedMs = 0;
        qint64 rows() const { return spans + metrics + logs; }
    };

    explicit SampleTelemetryLoader(QObject* parent = nullptr);
    ~SampleTelemetryLoader() override;
    Q_DISABLE_COPY_MOVE(SampleTelemetryLoader)

    /// Asynchronous; finished() follows. One load at a time. `config.endpoint.database` is the
    /// telemetry database; the dialect and the mode are the loader's to choose.
    void start(const ClickHouseBackendConfig& config, const SampleTelemetry::Options& options);
    void cancel();
    bool isRunning() const { return m_running; }

    /// Rows handed to the backend and not yet delivered, at most (the memory bound).
    static constexpr qint64 maxRowsInFlight = 60000;

Q_SIGNALS:
    /// What the loader is doing, in a sentence for a status line.
    void stepChanged(const QString& step);
    /// Rows delivered so far, and the rows expected in all (an estimate until every minute is made).
    void progressed(qint64 delivered, qint64 expected);
    void finished(const SampleTelemetryLoader::Result& result);

private:
    void onServerInfo(const ClickHouseServerInfo& info);
    void onSchemaChecked(bool ok, const QString& error);
    void startWriting();
    void produce();
    void onStatistics();
    void finish(const QString& error);
    qint64 delivered() const;

    ClickHouseBackendConfig m_config;
    std::unique_ptr<ClickHouseClient> m_client;
    std::unique_ptr<ClickHouseSchema> m_schema;
    std::unique_ptr<ClickHouseDirectExporter> m_exporter;
    std::optional<SampleTelemetry> m_sample;
    ClickHouseServerInfo m_info;
    ClickHouseServerInfoLoader m_serverInfo;
    enum class SchemaStep
    {
        Verifying,
        Installing,
    };
    SchemaStep m_step = SchemaStep::Verifying;
    QTimer m_produceTimer;
    QElapsedTimer m_elapsed;
    Result m_result;
    int m_nextMinute = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_flushed = false;
};

Q_DECLARE_METATYPE(SampleTelemetryLoader::Result)
