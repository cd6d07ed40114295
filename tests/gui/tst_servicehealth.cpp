#include "collector/httplistener.h"
#include "health/prometheustext.h"
#include "health/servicehealthprobe.h"
#include "widgets/servicetile.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using Level = ClickHouseStatusSummary::Level;

namespace {
/// The OpenTelemetry collector's own metrics as 0.96 writes them (counters without `_total`)
/// and as 0.105 and later do (with it): the same figures must come out of both.
QByteArray collectorMetrics(bool totalSuffix)
{
    const QByteArray total = totalSuffix ? "_total" : "";
    const QByteArray labels = R"({receiver="otlp",service_instance_id="7c4e",service_name="otelcol-contrib",)"
                              R"(service_version="0.96.0",transport="http"})";
    return "# HELP otelcol_process_uptime Uptime of the process\n# TYPE otelcol_process_uptime counter\n"
           "otelcol_process_uptime"
        + total + R"({service_instance_id="7c4e",service_name="otelcol-contrib",service_version="0.96.0"} 754.25)"
        + "\n# TYPE otelcol_receiver_accepted_spans counter\notelcol_receiver_accepted_spans" + total + labels
        + " 40\notelcol_receiver_accepted_spans" + total
        + R"({receiver="otlp",service_name="otelcol-contrib",transport="grpc"} 2)" + "\notelcol_receiver_refused_spans"
        + total + labels + " 3\notelcol_receiver_accepted_log_records" + total + labels
        + " 17\notelcol_exporter_sent_spans" + total + R"({exporter="debug",service_name="otelcol-contrib"} 39)"
        + "\notelcol_exporter_send_failed_spans" + total + R"({exporter="debug",service_name="otelcol-contrib"} 1)"
        + "\notelcol_exporter_queue_size{exporter=\"debug\"} 5\n";
}

/// A stand-in for the services the Health page looks at: no OpenTelemetry collector or Grafana
/// binary is packaged for Debian 12 or on npm, so this answers their endpoints with bodies in
/// their documented shapes (health_check's JSON, Prometheus text, Grafana's /api/health).
class ServiceStandIn final
{
public:
    ServiceStandIn()
        : m_listener([this](const QHttpServerRequest& request, HttpReply reply) {
            const QString path = request.url().path();
            if (path == u"/metrics"_s)
                return void(reply.send(200, "text/plain; version=0.0.4", collectorMetrics(m_totalSuffix)));
            if (path == u"/api/health"_s)
                return void(reply.send(m_grafanaDatabase == "ok" ? 200 : 503, "application/json",
                    R"({"commit": "f0b3a4c", "database": ")" + m_grafanaDatabase + R"(", "version": "10.4.2"})"));
            if (path == u"/"_s)
                return void(reply.send(200, "application/json",
                    R"({"status":"Server available","upSince":")" + m_upSince.toString(Qt::ISODateWithMs).toUtf8()
                        + R"(","uptime":"1h0m0s"})"));
            reply.send(404, "text/plain", "404 page not found\n");
        })
    {
        QString error;
        if (!m_listener.start(QHostAddress::LocalHost, 0, &error))
            qFatal("%s", qPrintable(error));
    }

    QUrl url(const QString& path) const { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_listener.port()).arg(path)); }
    void setTotalSuffix(bool on) { m_totalSuffix = on; }
    void setGrafanaDatabase(const QByteArray& state) { m_grafanaDatabase = state; }

private:
    HttpListener m_listener;
    QDateTime m_upSince = QDateTime::currentDateTimeUtc().addSecs(-3600);
    bool m_totalSuffix = false;
    QByteArray m_grafanaDatabase = "ok";
};
} // namespace

/// The Health page's tiles for an OpenTelemetry collector and a Grafana, and the Prometheus text
/// reading under them.
class TestServiceHealth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prometheusText_data();
    void prometheusText();
    void collectorWithAndWithoutTotalSuffix_data();
    void collectorWithAndWithoutTotalSuffix();
    void collectorThatGoesAwayTurnsRed();
    void grafanaHealthyAndFailing();
    void notSetIsSaidSo();
};

void TestServiceHealth::prometheusText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("family");
    QTest::addColumn<double>("sum");
    QTest::addColumn<int>("skipped");
    QTest::newRow("plain") << QByteArray("up 1\n") << u"up"_s << 1.0 << 0;
    QTest::newRow("summed over labels") << QByteArray("a{x=\"1\"} 2\na{x=\"2\"} 3.5\n") << u"a"_s << 5.5 << 0;
    QTest::newRow("total suffix dropped") << QByteArray("a_total{x=\"1\"} 2\n") << u"a"_s << 2.0 << 0;
    QTest::newRow("timestamp ignored") << QByteArray("a 7 1700000000000\n") << u"a"_s << 7.0 << 0;
    QTest::newRow("comments skipped") << QByteArray("# HELP a x\n# TYPE a counter\na 1\n") << u"a"_s << 1.0 << 0;
    QTest::newRow("brace and quote in a label") << QByteArray(R"(a{path="/x}y",msg="say \"hi\""} 4)"
                                                              "\n")
                                                << u"a"_s << 4.0 << 0;
    QTest::newRow("scientific") << QByteArray("a 1.5e3\n") << u"a"_s << 1500.0 << 0;
    QTest::newRow("bad value skipped, rest kept") << QByteArray("a one\na 2\n") << u"a"_s << 2.0 << 1;
    QTest::newRow("unclosed labels skipped") << QByteArray("a{x=\"1\" 2\na 3\n") << u"a"_s << 3.0 << 1;
    QTest::newRow("windows line ends") << QByteArray("a 1\r\na 2\r\n") << u"a"_s << 3.0 << 0;
    QTest::newRow("tab before the timestamp") << QByteArray("a{x=\"1\"} 2\t1700000000000\n") << u"a"_s << 2.0 << 0;
    QTest::newRow("NaN is no sample") << QByteArray("a NaN\na 2\n") << u"a"_s << 2.0 << 1;
    QTest::newRow("infinity") << QByteArray("a +Inf\n") << u"a"_s << HUGE_VAL << 0;
}

void TestServiceHealth::prometheusText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, family);
    QFETCH(double, sum);
    QFETCH(int, skipped);
    const PrometheusText metrics = PrometheusText::parse(text);
    QVERIFY(metrics.contains(family));
    QCOMPARE(metrics.value(family), sum);
    QCOMPARE(metrics.skippedLines(), skipped);
    QCOMPARE(metrics.familyCount(), 1);
}

void TestServiceHealth::collectorWithAndWithoutTotalSuffix_data()
{
    QTest::addColumn<bool>("totalSuffix");
    QTest::newRow("0.96: no _total") << false;
    QTest::newRow("0.105 and later: _total") << true;
}

void TestServiceHealth::collectorWithAndWithoutTotalSuffix()
{
    QFETCH(bool, totalSuffix);
    ServiceStandIn standIn;
    standIn.setTotalSuffix(totalSuffix);
    ServiceHealthProbe probe(ServiceHealthProbe::Kind::OtelCollector);
    ServiceTile tile(u"OpenTelemetry collector"_s, &probe);
    QCOMPARE(tile.level(), Level::Idle);
    probe.setIntervalMs(200);
    probe.setUrls(standIn.url(u"/"_s), standIn.url(u"/metrics"_s));
    probe.start();
    QTRY_COMPARE(tile.level(), Level::Ok);
    QCOMPARE(tile.stateText(), u"Healthy: Server available"_s);
    QCOMPARE(tile.versionText(), u"0.96.0"_s);
    const ServiceHealthSample sample = probe.lastSample();
    QVERIFY2(qAbs(sample.uptimeSeconds - 3600) <= 5, qPrintable(QString::number(sample.uptimeSeconds)));
    for (const QString& figure : { u"Spans accepted: 42"_s, u"Log records accepted: 17"_s, u"Refused by receivers: 3"_s,
             u"Sent by exporters: 39"_s, u"Failed to send: 1"_s, u"Export queue: 5"_s })
        QVERIFY2(tile.figuresText().contains(figure), qPrintable(tile.figuresText()));
    QVERIFY(!tile.figuresText().contains(u"Metric points accepted"_s)); // the collector exported none
    QTRY_VERIFY(probe.history().size() >= 2);
}

void TestServiceHealth::collectorThatGoesAwayTurnsRed()
{
    auto standIn = std::make_unique<ServiceStandIn>();
    ServiceHealthProbe probe(ServiceHealthProbe::Kind::OtelCollector);
    ServiceTile tile(u"OpenTelemetry collector"_s, &probe);
    probe.setIntervalMs(200);
    // Only the metrics: the collector runs without the health_check extension.
    probe.setUrls(QUrl(), standIn->url(u"/metrics"_s));
    probe.start();
    QTRY_COMPARE(tile.level(), Level::Ok);
    QCOMPARE(probe.lastSample().uptimeSeconds, 754);
    standIn.reset();
    QTRY_COMPARE(tile.level(), Level::Error);
    QVERIFY2(tile.stateText().startsWith(u"Not reachable"_s), qPrintable(tile.stateText()));
    QVERIFY(!probe.history().last().reachable);
}

void TestServiceHealth::grafanaHealthyAndFailing()
{
    ServiceStandIn standIn;
    ServiceHealthProbe probe(ServiceHealthProbe::Kind::Grafana);
    ServiceTile tile(u"Grafana"_s, &probe);
    probe.setIntervalMs(200);
    probe.setUrls(standIn.url(u"/api/health"_s)); // as the help text names it: the same request
    probe.start();
    QTRY_COMPARE(tile.level(), Level::Ok);
    QCOMPARE(tile.versionText(), u"10.4.2"_s);
    QCOMPARE(tile.stateText(), u"Healthy: database ok"_s);
    standIn.setGrafanaDatabase("failing");
    QTRY_COMPARE(tile.level(), Level::Error);
    QVERIFY2(tile.stateText().contains(u"HTTP 503"_s), qPrintable(tile.stateText()));
}

void TestServiceHealth::notSetIsSaidSo()
{
    ServiceHealthProbe probe(ServiceHealthProbe::Kind::Grafana);
    ServiceTile tile(u"Grafana"_s, &probe);
    probe.start();
    QCOMPARE(tile.level(), Level::Idle);
    QVERIFY2(tile.stateText().contains(u"Settings"_s), qPrintable(tile.stateText()));
    QVERIFY(!probe.hasSample());
}

QTEST_MAIN(TestServiceHealth)
#include "tst_servicehealth.moc"
