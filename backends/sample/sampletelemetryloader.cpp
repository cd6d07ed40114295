#include "sampletelemetryloader.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousedirectexporter.h"
#include "clickhouse/clickhouseschema.h"

#include <QDeadlineTimer>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {
/// Longest stretch of record making before the event loop gets a turn (a GUI thread's frame).
constexpr int produceSliceMs = 8;
/// Once everything is handed over: how often to look whether the backend is done.
constexpr int idleCheckMs = 20;

template<typename T>
void retire(std::unique_ptr<T>& object, QObject* owner)
{
    if (!object)
        return;
    T* retired = object.release();
    retired->disconnect(owner); // nothing of an old run reaches a new one
    retired->setParent(owner);
    retired->deleteLater();
}

bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    return host == u"localhost"_s || QHostAddress(host).isLoopback();
}
} // namespace

SampleTelemetryLoader::SampleTelemetryLoader(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<SampleTelemetryLoader::Result>();
    connect(&m_produceTimer, &QTimer::timeout, this, &SampleTelemetryLoader::produce);
    connect(&m_serverInfo, &ClickHouseServerInfoLoader::loaded, this,
        [this](const ClickHouseEndpoint&, const ClickHouseServerInfo& info) { onServerInfo(info); });
    connect(&m_serverInfo, &ClickHouseServerInfoLoader::failed, this, [this](const QString& error) {
        finish(tr("cannot reach ClickHouse at %1: %2").arg(m_client->endpoint().displayString(), error));
    });
}

SampleTelemetryLoader::~SampleTelemetryLoader()
{
    // Members go in reverse order: the schema's reply before the client it came from.
    m_exporter.reset();
    m_schema.reset();
}

void SampleTelemetryLoader::start(const ClickHouseBackendConfig& config, const SampleTelemetry::Options& options)
{
    if (m_running)
        return;
    m_running = true;
    m_config = config;
    m_cancelled = false;
    m_flushed = false;
    m_nextMinute = 0;
    m_result = {};
    m_result.database = m_config.endpoint.database;
    m_sample.emplace(options);
    m_elapsed.start();
    // The database may not exist yet: the probe and the schema name it in every statement.
    ClickHouseEndpoint serverOnly = m_config.endpoint;
    serverOnly.database.clear();
    m_client = std::make_unique<ClickHouseClient>(serverOnly);
    m_client->setTimeoutMs(m_config.timeoutMs);
    Q_EMIT stepChanged(tr("Asking ClickHouse at %1 what it can do").arg(serverOnly.displayString()));
    m_serverInfo.load(serverOnly);
}

void SampleTelemetryLoader::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_result.cancelled = true;
    if (!m_exporter)
        return finish({}); // nothing written yet
    Q_EMIT stepChanged(tr("Cancelled: delivering what was already made"));
    produce(); // stops making records and flushes
}

void SampleTelemetryLoader::onServerInfo(const ClickHouseServerInfo& info)
{
    m_info = info;
    if (m_cancelled)
        return finish({});
    m_client->setServerInfo(m_info);
    m_step = SchemaStep::Verifying;
    m_schema = std::make_unique<ClickHouseSchema>(
        m_client.get(), ClickHouseSchemaDefinition::load(m_info.dialect(), m_config.endpoint.database));
    connect(m_schema.get(), &ClickHouseSchema::finished, this, &SampleTelemetryLoader::onSchemaChecked);
    Q_EMIT stepChanged(tr("Checking the telemetry schema in %1").arg(m_config.endpoint.database));
    m_schema->verify();
}

void SampleTelemetryLoader::onSchemaChecked(bool ok, const QString& error)
{
    if (!m_running)
        return;
    if (!ok)
        return finish(error);
    if (m_cancelled)
        return finish({});
    const ClickHouseSchemaReport report = m_schema->lastReport();
    if (m_step == SchemaStep::Verifying && !report.isComplete()) {
        // Missing tables would refuse every row: create what is missing (IF NOT EXISTS), then
        // look again, because columns of a different shape are not something install changes.
        m_step = SchemaStep::Installing;
        Q_EMIT stepChanged(tr("Installing the telemetry schema in %1").arg(m_config.endpoint.database));
        return m_schema->install();
    }
    if (m_step == SchemaStep::Installing) {
        m_step = SchemaStep::Verifying;
        m_result.schemaInstalled = true;
        return m_schema->verify();
    }
    if (!report.isComplete())
        return finish(tr("the telemetry schema in %1 is not the upstream one (%2); 'automagik-workbench schema "
                         "upgrade' adds what is missing")
                          .arg(m_config.endpoint.database, report.summary()));
    startWriting();
}

void SampleTelemetryLoader::startWriting()
{
    ClickHouseBackendConfig config = m_config;
    config.mode = ClickHouseBackendConfig::Mode::Throughput;
    config.dialect = m_info.dialect() == ClickHouseServerInfo::Dialect::Modern ? ClickHouseRowMapper::Dialect::Modern
                                                                               : ClickHouseRowMapper::Dialect::Legacy;
    // On loopback compressing only costs CPU; elsewhere the wire is the limit.
    config.compressionLevel = isLoopback(config.endpoint.url) ? 0 : 1;
    config.spoolPath.clear(); // sample data is made again more cheaply than it is spooled
    m_exporter = std::make_unique<ClickHouseDirectExporter>(config);
    connect(m_exporter.get(), &ClickHouseDirectExporter::statisticsChanged, this, &SampleTelemetryLoader::onStatistics);
    QString error;
    if (!m_exporter->start(&error))
        return finish(error);
    Q_EMIT stepChanged(tr("Writing %1 hours of sample telemetry").arg(m_sample->minuteCount() / 60));
    m_produceTimer.start(0);
}

qint64 SampleTelemetryLoader::delivered() const
{
    return m_exporter ? m_exporter->statistics().rowsDelivered : 0;
}

void SampleTelemetryLoader::produce()
{
    if (!m_exporter)
        return;
    if (m_cancelled || m_nextMinute >= m_sample->minuteCount()) {
        if (!m_flushed) {
            m_flushed = true;
            m_exporter->flush();
            Q_EMIT stepChanged(tr("Waiting for ClickHouse to take the last rows"));
        }
        m_produceTimer.start(idleCheckMs);
        return onStatistics();
    }
    const QDeadlineTimer slice(produceSliceMs);
    while (m_nextMinute < m_sample->minuteCount() && !slice.hasExpired()) {
        if (m_result.rows() - delivered() >= maxRowsInFlight) {
            m_produceTimer.stop(); // onStatistics() resumes once the backend has caught up
            break;
        }
        const SampleTelemetry::Minute minute = m_sample->minute(m_nextMinute++);
        m_exporter->trackSpans(minute.spans);
        m_exporter->trackMetrics(minute.metrics);
        m_exporter->trackLogs(minute.logs);
        m_result.spans += minute.spans.size();
        m_result.metrics += minute.metrics.size();
        m_result.logs += minute.logs.size();
    }
    onStatistics();
}

void SampleTelemetryLoader::onStatistics()
{
    if (!m_running || !m_exporter)
        return;
    const ClickHouseDirectExporter::Statistics statistics = m_exporter->statistics();
    if (statistics.rowsLost > 0)
        return finish(tr("%n rows could not be written: %1", nullptr, int(qMin<qint64>(statistics.rowsLost, INT_MAX)))
                          .arg(statistics.lastError));
    const bool allMade = m_nextMinute >= m_sample->minuteCount();
    Q_EMIT progressed(
        statistics.rowsDelivered, allMade || m_cancelled ? m_result.rows() : m_sample->estimatedRecords());
    if (m_flushed) {
        if (m_exporter->isIdle())
            finish({});
        return;
    }
    if (!m_produceTimer.isActive() && m_result.rows() - statistics.rowsDelivered < maxRowsInFlight / 2)
        m_produceTimer.start(0);
}

void SampleTelemetryLoader::finish(const QString& error)
{
    if (!m_running)
        return;
    m_running = false;
    m_produceTimer.stop();
    m_serverInfo.cancel(); // an answer for this run must not reach the next
    if (m_exporter) {
        const ClickHouseDirectExporter::Statistics statistics = m_exporter->statistics();
        m_result.delivered = statistics.rowsDelivered;
        if (error.isEmpty() && statistics.rowsDelivered != m_result.rows()) {
            m_result.error =
                tr("%1 rows were made but ClickHouse confirmed %2").arg(m_result.rows()).arg(statistics.rowsDelivered);
        }
        m_exporter->shutdown(0);
    }
    // finish() may run inside a signal of any of them: they go once it has returned, and with
    // this object at the latest (as children, in this order: the schema before its client).
    retire(m_exporter, this);
    retire(m_schema, this);
    retire(m_client, this);
    if (m_result.error.isEmpty())
        m_result.error = error;
    m_result.ok = m_result.error.isEmpty();
    m_result.elapsedMs = m_elapsed.elapsed();
    Q_EMIT finished(m_result);
}
