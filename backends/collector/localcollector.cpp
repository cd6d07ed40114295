#include "localcollector.h"

#include "clickhouse/clickhousedirectexporter.h"

#include <QDir>
#include <QJsonObject>

using namespace Qt::StringLiterals;

LocalCollector::LocalCollector(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

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
    if (m_running || m_exporter) {
        *error = u"a collector starts once"_s;
        return m_running;
    }
    ClickHouseBackendConfig config = m_options.clickHouse;
    // Many senders at once: large group commits, two inserts per table under way.
    config.mode = ClickHouseBackendConfig::Mode::Throughput;
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
        connect(m_receiver, &OtlpReceiver::statisticsChanged, this, &LocalCollector::statisticsChanged);
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

void LocalCollector::stop(int timeoutMs)
{
    // Listeners first, so nothing new arrives while the exporter empties.
    if (m_receiver)
        m_receiver->stopListening();
    if (m_gateway)
        m_gateway->stopListening();
    if (m_exporter && m_running)
        m_exporter->shutdown(timeoutMs);
    m_running = false;
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
