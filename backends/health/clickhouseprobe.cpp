#include "clickhouseprobe.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/localclickhouse.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int defaultIntervalMs = 2000;
constexpr int requestTimeoutMs = 3000;
} // namespace

ClickHouseProbe::ClickHouseProbe(QObject* parent)
    : QObject(parent)
{
    m_timer.setInterval(defaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ClickHouseProbe::probeNow);
}

ClickHouseProbe::~ClickHouseProbe()
{
    delete m_inFlight;
}

void ClickHouseProbe::setEndpoint(const ClickHouseEndpoint& endpoint)
{
    delete std::exchange(m_inFlight, nullptr);
    m_endpoint = endpoint;
    // Reachable means "server and credentials work"; a missing database is the schema's business.
    ClickHouseEndpoint serverOnly = endpoint;
    serverOnly.database.clear();
    m_client = std::make_unique<ClickHouseClient>(serverOnly);
    m_client->setTimeoutMs(requestTimeoutMs);
    m_hasSample = false;
    m_last = {};
    m_history.clear();
    if (m_timer.isActive())
        probeNow();
}

void ClickHouseProbe::follow(LocalClickHouse* server)
{
    m_followsManaged = true;
    connect(server, &LocalClickHouse::ready, this, [this, server] {
        setEndpoint(server->endpoint());
        start();
    });
    connect(server, &LocalClickHouse::stateChanged, this, [this](LocalClickHouse::State state) {
        if (state != LocalClickHouse::State::Running)
            stop();
    });
    if (server->isRunning()) {
        setEndpoint(server->endpoint());
        start();
    }
}

void ClickHouseProbe::setIntervalMs(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void ClickHouseProbe::start()
{
    m_timer.start();
    probeNow();
}

void ClickHouseProbe::stop()
{
    m_timer.stop();
    delete std::exchange(m_inFlight, nullptr);
    if (m_client)
        m_client->closeIdleConnections();
}

void ClickHouseProbe::probeNow()
{
    if (m_inFlight || !m_client || !m_endpoint.isValid())
        return;
    // Not one log row every 2 s on the managed server, which logs every client's queries.
    ClickHouseClient::Settings settings;
    if (m_followsManaged)
        settings.append({ u"log_queries"_s, u"0"_s });
    m_inFlight = m_client->query(u"SELECT version()"_s, settings);
    connect(m_inFlight, &ClickHouseReply::finished, this, [this, reply = m_inFlight] { onFinished(reply); });
}

void ClickHouseProbe::onFinished(ClickHouseReply* reply)
{
    reply->deleteLater();
    if (reply != m_inFlight)
        return;
    m_inFlight = nullptr;
    const bool wasReachable = m_hasSample && m_last.reachable;
    const bool firstSample = !m_hasSample;
    ClickHouseProbeSample sample;
    sample.takenAt = QDateTime::currentDateTimeUtc();
    sample.reachable = reply->isOk();
    sample.latencyMs = reply->elapsedMs();
    sample.error = reply->error();
    if (sample.reachable)
        sample.version = reply->text().trimmed();
    m_last = sample;
    m_hasSample = true;
    if (m_history.size() == historySize)
        m_history.removeFirst();
    m_history.append(sample);
    Q_EMIT sampled(sample);
    if (firstSample || wasReachable != sample.reachable)
        Q_EMIT reachabilityChanged(sample.reachable);
}
