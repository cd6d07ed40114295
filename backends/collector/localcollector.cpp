#include "localcollector.h"

#include "clickhouse/clickhousedirectexporter.h"

#include <QDir>
#include <QJsonObject>
#include <QThread>

using namespace Qt::StringLiterals;

LocalCollector::LocalCollector(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_statusTimer(this) // a child, so that it moves to the collector's thread with it
{
    qRegisterMetaType<CollectorStatus>();
    // The live stream is queued to the window's thread.
    qRegisterMetaType<QList<SpanRecord>>();
    qRegisterMetaType<QList<MetricPoint>>();
    qRegisterMetaType<QList<LogRecord>>();
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(500);
    connect(&m_statusTimer, &QTimer::timeout, this, [this] { Q_EMIT statusChanged(status()); });
    connect(this, &LocalCollector::statisticsChanged, this, [this] {
        if (!m_statusTimer.isActive())
            m_statusTimer.start();
    });
}

void LocalCollector::startAndReport()
{
    QString error;
    m_startError = start(&error) ? QString() : error;
    Q_EMIT statusChanged(status());
}

CollectorStatus LocalCollector::status() const
{
    CollectorStatus status;
    status.state = m_running     ? CollectorStatus::State::Running
        : m_startError.isEmpty() ? CollectorStatus::State::Stopped
                                 : CollectorStatus::State::Failed;
    status.error = m_startError;
    if (m_receiver) {
        status.receiver = m_receiver->statistics();
        if (m_running)
            status.otlpUrl = m_receiver->url();
    }
    if (m_gateway) {
        status.gateway = m_gateway->statistics();
        if (m_running)
            status.gatewayUrl = m_gateway->url();
    }
    if (m_exporter) {
        const ClickHouseDirectExporter::Statistics s = m_exporter->statistics();
        status.rowsDelivered = s.rowsDelivered;
        status.rowsStored = s.rowsDeliveredByTable;
        status.spooledRows = s.spooledRows;
        status.spoolOldestMs = s.spoolOldestMs;
        status.rowsLost = s.rowsLost;
        status.deliveryError = s.lastError;
    }
    return status;
}

LocalCollector::~LocalCollector()
{
    stop(0);
    // The listeners go before the exporter they deliver through.
    delete m_receiver;
    delete m_gateway;
}

QString LocalCollector::spoolPathIn(const QString& dataDirectory)
{
    return QDir(dataDirectory).filePath(u"collector.spool"_s);
}

bool LocalCollector::start(QString* error)
{
    if (m_running)
        return true;
    // A start after a stop begins afresh: listeners go before the exporter they deliver through.
    delete std::exchange(m_receiver, nullptr);
    delete std::exchange(m_gateway, nullptr);
    m_exporter.reset();
    ClickHouseBackendConfig config = m_options.clickHouse;
    // Many senders at once: large group commits, two inserts per table under way.
    config.mode = ClickHouseBackendConfig::Mode::Throughput;
    // Senders wait for their answer (and an OTel SDK gives up after 10 s, then sends again): a
    // failed insert goes to the spool at once, which checks what landed before it resends,
    // instead of retrying while the request waits.
    config.retry.maxRetries = 0;
    m_exporter = std::make_unique<ClickHouseDirectExporter>(config);
    if (!m_exporter->start(error)) {
        m_exporter.reset();
        return false;
    }
    QString problem;
    for (quint16 port : { m_options.receiver.port, quint16(0) }) {
        OtlpReceiver::Options options = m_options.receiver;
        options.port = port;
        delete m_receiver;
        m_receiver = new OtlpReceiver(options, this);
        m_receiver->setExporter(m_exporter.get());
        m_receiver->setCaptureSink(m_captureSink);
        connect(m_receiver, &OtlpReceiver::statisticsChanged, this, &LocalCollector::statisticsChanged);
        connect(m_receiver, &OtlpReceiver::spansReceived, this, &LocalCollector::spansReceived);
        connect(m_receiver, &OtlpReceiver::metricsReceived, this, &LocalCollector::metricsReceived);
        connect(m_receiver, &OtlpReceiver::logsReceived, this, &LocalCollector::logsReceived);
        if (m_receiver->start(&problem))
            break;
        if (!m_options.fallBackToFreePorts || port == 0) {
            *error = u"the OTLP receiver: "_s + problem;
            stop(0);
            return false;
        }
    }
    if (m_options.withGateway) {
        for (quint16 port : { m_options.gateway.port, quint16(0) }) {
            ClickHouseIngestGateway::Options options = m_options.gateway;
            options.port = port;
            delete m_gateway;
            m_gateway = new ClickHouseIngestGateway(options, m_exporter.get(), this);
            m_gateway->setClickHouseUrl(config.endpoint.url);
            connect(m_gateway, &ClickHouseIngestGateway::statisticsChanged, this, &LocalCollector::statisticsChanged);
            if (m_gateway->start(&problem))
                break;
            if (!m_options.fallBackToFreePorts || port == 0) {
                *error = u"the ClickHouse gateway: "_s + problem;
                stop(0);
                return false;
            }
        }
    }
    connect(m_exporter.get(), &ClickHouseDirectExporter::statisticsChanged, this, &LocalCollector::statisticsChanged);
    m_running = true;
    return true;
}

void LocalCollector::setCaptureSink(CaptureSink* sink)
{
    m_captureSink = sink;
    if (m_receiver)
        m_receiver->setCaptureSink(sink);
}

void LocalCollector::setCaptureSinkFrom(LocalCollector* collector, CaptureSink* sink)
{
    if (collector->thread() == QThread::currentThread())
        return collector->setCaptureSink(sink);
    QMetaObject::invokeMethod(
        collector, [collector, sink] { collector->setCaptureSink(sink); }, Qt::BlockingQueuedConnection);
}

void LocalCollector::stop(int timeoutMs)
{
    // Listeners first, so nothing new arrives while the exporter empties.
    if (m_receiver)
        m_receiver->stopListening();
    if (m_gateway)
        m_gateway->stopListening();
    if (m_exporter && m_running)
        m_exporter->shutdown(timeoutMs);
    const bool wasRunning = m_running;
    m_running = false;
    if (wasRunning)
        Q_EMIT statusChanged(status());
}

QJsonObject LocalCollector::statisticsJson() const
{
    QJsonObject object;
    if (m_receiver) {
        QJsonObject receiver = m_receiver->statistics().toJson();
        receiver.insert(u"url"_s, m_receiver->url().toString());
        object.insert(u"receiver"_s, receiver);
    }
    if (m_gateway) {
        QJsonObject gateway = m_gateway->statistics().toJson();
        gateway.insert(u"url"_s, m_gateway->url().toString());
        object.insert(u"gateway"_s, gateway);
    }
    if (m_exporter) {
        const ClickHouseDirectExporter::Statistics s = m_exporter->statistics();
        QJsonObject exporter { { u"rows_delivered"_s, s.rowsDelivered }, { u"batches_delivered"_s, s.batchesDelivered },
            { u"retries"_s, s.retries }, { u"rows_lost"_s, s.rowsLost }, { u"spooled_rows"_s, s.spooledRows },
            { u"spooled_batches"_s, s.spooledBatches }, { u"spool_bytes"_s, s.spoolBytes } };
        if (!s.lastError.isEmpty())
            exporter.insert(u"last_error"_s, s.lastError);
        object.insert(u"clickhouse"_s, exporter);
    }
    return object;
}
