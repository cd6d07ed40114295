#pragma once

#include "servicehealthsample.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

/// Looks at a service of the stack over HTTP at an interval, one look at a time:
/// - an OpenTelemetry collector: its `health_check` extension (`GET /` on 13133: 200 and
///   `{"status": "Server available", "upSince": ...}` when ready) and its own metrics (`/metrics`
///   on 8888, Prometheus text: what its receivers accepted and refused, what its exporters sent
///   and failed to send, the export queue, its uptime and version), either URL optional;
/// - a Grafana: `GET /api/health` (`{"database": "ok", "version": ...}`).
/// Keeps the last 120 samples for the latency sparkline.
class ServiceHealthProbe final : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        OtelCollector,
        Grafana,
    };

    explicit ServiceHealthProbe(Kind kind, QObject* parent = nullptr);
    ~ServiceHealthProbe() override;
    Q_DISABLE_COPY_MOVE(ServiceHealthProbe)

    Kind kind() const { return m_kind; }
    /// The collector's health_check and metrics URLs, or Grafana's base URL (and no second).
    /// Forgets the samples; an empty URL is not looked at.
    void setUrls(const QUrl& health, const QUrl& metrics = {});
    QUrl healthUrl() const { return m_health; }
    QUrl metricsUrl() const { return m_metrics; }
    bool isConfigured() const { return !m_health.isEmpty() || !m_metrics.isEmpty(); }

    void setIntervalMs(int milliseconds) { m_timer.setInterval(milliseconds); }
    void start();
    void stop();
    void probeNow();

    bool hasSample() const { return !m_history.isEmpty(); }
    ServiceHealthSample lastSample() const { return m_history.isEmpty() ? ServiceHealthSample() : m_history.last(); }
    const QList<ServiceHealthSample>& history() const { return m_history; }
    static constexpr int historySize = 120;

    /// What one answer says, apart from the network, for tests.
    static void readCollectorHealth(const QByteArray& body, ServiceHealthSample* sample);
    static void readCollectorMetrics(const QByteArray& body, ServiceHealthSample* sample);
    static void readGrafanaHealth(const QByteArray& body, ServiceHealthSample* sample);

Q_SIGNALS:
    void sampled(const ServiceHealthSample& sample);

private:
    QNetworkReply* get(const QUrl& url);
    void onHealth(QNetworkReply* reply);
    void onMetrics(QNetworkReply* reply);
    void finish();

    Kind m_kind;
    QUrl m_health;
    QUrl m_metrics;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QNetworkReply* m_inFlight = nullptr;
    QElapsedTimer m_clock;
    ServiceHealthSample m_next;
    QList<ServiceHealthSample> m_history;
};
