#include "servicehealthprobe.h"

#include "prometheustext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
constexpr int defaultIntervalMs = 5000;
constexpr int requestTimeoutMs = 3000;
} // namespace

ServiceHealthProbe::ServiceHealthProbe(Kind kind, QObject* parent)
    : QObject(parent)
    , m_kind(kind)
{
    m_timer.setInterval(defaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ServiceHealthProbe::probeNow);
}

ServiceHealthProbe::~ServiceHealthProbe()
{
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
        delete m_inFlight;
    }
}

void ServiceHealthProbe::setUrls(const QUrl& health, const QUrl& metrics)
{
    if (health == m_health && metrics == m_metrics)
        return;
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
        std::exchange(m_inFlight, nullptr)->deleteLater();
    }
    m_health = health;
    m_metrics = m_kind == Kind::Grafana ? QUrl() : metrics;
    m_history.clear();
    if (m_timer.isActive())
        probeNow();
}

void ServiceHealthProbe::start()
{
    m_timer.start();
    probeNow();
}

void ServiceHealthProbe::stop()
{
    m_timer.stop();
}

QNetworkReply* ServiceHealthProbe::get(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(requestTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"automagik-workbench health"_s);
    m_inFlight = m_network.get(request);
    return m_inFlight;
}

void ServiceHealthProbe::probeNow()
{
    if (m_inFlight || !isConfigured())
        return;
    m_next = {};
    m_clock.start();
    if (m_health.isEmpty()) {
        QNetworkReply* reply = get(m_metrics);
        connect(reply, &QNetworkReply::finished, this, [this, reply] { onMetrics(reply); });
        return;
    }
    QUrl url = m_health;
    if (m_kind == Kind::Grafana && !url.path().endsWith(u"/api/health"_s)) {
        // Under the base URL, which may have a path of its own.
        url.setPath(url.path().endsWith(u'/') ? url.path() + u"api/health"_s : url.path() + u"/api/health"_s);
    }
    QNetworkReply* reply = get(url);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onHealth(reply); });
}

void ServiceHealthProbe::onHealth(QNetworkReply* reply)
{
    reply->deleteLater();
    m_inFlight = nullptr;
    m_next.latencyMs = m_clock.elapsed();
    m_next.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_next.reachable = m_next.httpStatus > 0;
    if (!m_next.reachable) {
        m_next.error = reply->errorString();
        return finish();
    }
    const QByteArray body = reply->readAll();
    if (m_kind == Kind::Grafana)
        readGrafanaHealth(body, &m_next);
    else
        readCollectorHealth(body, &m_next);
    m_next.healthy = m_next.healthy && m_next.httpStatus == 200;
    if (!m_next.healthy && m_next.error.isEmpty())
        m_next.error = tr("HTTP %1: %2").arg(m_next.httpStatus).arg(QString::fromUtf8(body.left(300)).trimmed());
    if (m_metrics.isEmpty())
        return finish();
    QNetworkReply* metrics = get(m_metrics);
    connect(metrics, &QNetworkReply::finished, this, [this, metrics] { onMetrics(metrics); });
}

void ServiceHealthProbe::onMetrics(QNetworkReply* reply)
{
    reply->deleteLater();
    m_inFlight = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_health.isEmpty()) {
        // The metrics are the only sign of life.
        m_next.latencyMs = m_clock.elapsed();
        m_next.httpStatus = status;
        m_next.reachable = status > 0;
        m_next.healthy = status == 200;
        m_next.state = status == 200 ? tr("Metrics answer") : QString();
    }
    if (status == 200)
        readCollectorMetrics(reply->readAll(), &m_next);
    else if (m_next.error.isEmpty())
        m_next.error = status > 0 ? tr("Metrics: HTTP %1").arg(status) : tr("Metrics: %1").arg(reply->errorString());
    finish();
}

void ServiceHealthProbe::finish()
{
    m_next.takenAt = QDateTime::currentDateTimeUtc();
    if (m_history.size() == historySize)
        m_history.removeFirst();
    m_history.append(std::exchange(m_next, {}));
    Q_EMIT sampled(m_history.last());
}

void ServiceHealthProbe::readCollectorHealth(const QByteArray& body, ServiceHealthSample* sample)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    sample->state = object.value(u"status"_s).toString();
    // health_check answers 200 only when the collector is ready.
    sample->healthy = true;
    const QDateTime upSince = QDateTime::fromString(object.value(u"upSince"_s).toString(), Qt::ISODateWithMs);
    if (upSince.isValid())
        sample->uptimeSeconds = qMax<qint64>(0, upSince.secsTo(QDateTime::currentDateTimeUtc()));
}

void ServiceHealthProbe::readCollectorMetrics(const QByteArray& body, ServiceHealthSample* sample)
{
    const PrometheusText metrics = PrometheusText::parse(body);
    if (sample->version.isEmpty())
        sample->version = metrics.serviceVersion();
    if (sample->uptimeSeconds < 0) {
        for (const QString& family : { u"otelcol_process_uptime"_s, u"otelcol_process_uptime_seconds"_s }) {
            if (metrics.contains(family) && std::isfinite(metrics.value(family)))
                sample->uptimeSeconds = qint64(metrics.value(family));
        }
    }
    const auto add = [&](const QString& label, const QStringList& families) {
        bool any = false;
        double sum = 0;
        for (const QString& family : families) {
            any = any || metrics.contains(family);
            sum += metrics.value(family);
        }
        if (any)
            sample->figures.append({ label, sum });
    };
    add(tr("Spans accepted"), { u"otelcol_receiver_accepted_spans"_s });
    add(tr("Metric points accepted"), { u"otelcol_receiver_accepted_metric_points"_s });
    add(tr("Log records accepted"), { u"otelcol_receiver_accepted_log_records"_s });
    add(tr("Refused by receivers"),
        { u"otelcol_receiver_refused_spans"_s, u"otelcol_receiver_refused_metric_points"_s,
            u"otelcol_receiver_refused_log_records"_s });
    add(tr("Sent by exporters"),
        { u"otelcol_exporter_sent_spans"_s, u"otelcol_exporter_sent_metric_points"_s,
            u"otelcol_exporter_sent_log_records"_s });
    add(tr("Failed to send"),
        { u"otelcol_exporter_send_failed_spans"_s, u"otelcol_exporter_send_failed_metric_points"_s,
            u"otelcol_exporter_send_failed_log_records"_s });
    add(tr("Export queue"), { u"otelcol_exporter_queue_size"_s });
}

void ServiceHealthProbe::readGrafanaHealth(const QByteArray& body, ServiceHealthSample* sample)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(body, &error).object();
    if (error.error != QJsonParseError::NoError) {
        sample->healthy = false;
        sample->error = tr("Not Grafana's health answer: %1").arg(error.errorString());
        return;
    }
    const QString database = object.value(u"database"_s).toString();
    sample->version = object.value(u"version"_s).toString();
    sample->state = tr("database %1").arg(database.isEmpty() ? tr("unknown") : database);
    sample->healthy = database == u"ok"_s;
}
