#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "clickhouseprobesample.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class ClickHouseClient;
class ClickHouseReply;
class LocalClickHouse;

/// Asks a ClickHouse server at a fixed interval whether it answers a real query with our
/// credentials (SELECT version()), so that "reachable" means "usable", not merely "port open".
/// One request at a time; a slow server delays the next sample instead of piling requests up.
class ClickHouseProbe final : public QObject
{
    Q_OBJECT

public:
    explicit ClickHouseProbe(QObject* parent = nullptr);
    ~ClickHouseProbe() override;
    Q_DISABLE_COPY_MOVE(ClickHouseProbe)

    /// Forgets the previous samples; probing continues against the new endpoint if it was running.
    void setEndpoint(const ClickHouseEndpoint& endpoint);
    ClickHouseEndpoint endpoint() const { return m_endpoint; }
    bool hasEndpoint() const { return m_endpoint.isValid(); }

    /// Follows a managed server: probes it from the moment it is ready and goes quiet (closing its
    /// kept-alive connection) as soon as it stops running, so that it never delays the shutdown.
    void follow(LocalClickHouse* server);
    /// Whether it follows the managed server: its queries, and the Health page's, are then left
    /// out of the server's query log (a setting an external read-only user may not change).
    bool followsManagedServer() const { return m_followsManaged; }

    void setIntervalMs(int milliseconds);
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    /// Takes a sample now (unless one is in flight).
    void probeNow();

    bool hasSample() const { return m_hasSample; }
    const ClickHouseProbeSample& lastSample() const { return m_last; }
    /// The latest samples, oldest first, at most `historySize` (for the latency sparkline).
    const QList<ClickHouseProbeSample>& history() const { return m_history; }
    static constexpr int historySize = 120;

Q_SIGNALS:
    void sampled(const ClickHouseProbeSample& sample);
    void reachabilityChanged(bool reachable);

private:
    void onFinished(ClickHouseReply* reply);

    ClickHouseEndpoint m_endpoint;
    std::unique_ptr<ClickHouseClient> m_client;
    ClickHouseReply* m_inFlight = nullptr;
    QTimer m_timer;
    ClickHouseProbeSample m_last;
    QList<ClickHouseProbeSample> m_history;
    bool m_hasSample = false;
    bool m_followsManaged = false;
};
