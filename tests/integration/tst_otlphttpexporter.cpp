#include "clickhousefixture.h"
#include "collector/httplistener.h"
#include "collector/localcollector.h"
#include "otlp/otlpcodec.h"
#include "otlp/otlpexportresponse.h"
#include "otlp/otlphttpexporter.h"
#include "recordsamples.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace {
QString tlsFixture(const char* name)
{
    return QLatin1StringView(WORKBENCH_FIXTURES_DIR "/tls/") + QLatin1StringView(name);
}

/// A scripted OTLP endpoint: answers the n-th request with the n-th step (the last one repeats).
/// It stands for a remote collector's faults (503 with Retry-After, 400, partial success, a
/// dropped connection), which a real collector does not produce on demand.
class ScriptedEndpoint final
{
public:
    struct Step
    {
        int status = 200; ///< 0: drop the connection without an answer
        QByteArray body;
        HttpReply::Headers headers;
    };

    enum class Scheme
    {
        Http,
        Https, ///< with the test CA's server certificate from tests/fixtures/tls
    };

    explicit ScriptedEndpoint(QList<Step> steps, Scheme scheme = Scheme::Http)
        : m_steps(std::move(steps))
        , m_scheme(scheme)
        , m_listener([this](const QHttpServerRequest& request, HttpReply reply) {
            m_times.append(m_clock.elapsed());
            m_bodies.append(request.body());
            const Step& step = m_steps.at(qMin(m_times.size() - 1, m_steps.size() - 1));
            if (step.status == 0)
                return reply.drop();
            reply.send(step.status, "application/x-protobuf", step.body, step.headers);
        })
    {
        m_clock.start();
        if (m_scheme == Scheme::Https) {
            const auto certificates = QSslCertificate::fromPath(tlsFixture("server.pem"));
            QFile keyFile(tlsFixture("server.key"));
            if (certificates.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
                qFatal("the test certificate is missing from %s", WORKBENCH_FIXTURES_DIR);
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setLocalCertificate(certificates.first());
            tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
            m_listener.setTlsConfiguration(tls);
        }
        QString error;
        if (!m_listener.start(QHostAddress::LocalHost, 0, &error))
            qFatal("%s", qPrintable(error));
    }

    QUrl url(const char* path) const
    {
        const QString scheme = m_scheme == Scheme::Https ? u"https"_s : u"http"_s;
        return QUrl(u"%1://127.0.0.1:%2%3"_s.arg(scheme).arg(m_listener.port()).arg(QLatin1StringView(path)));
    }
    qsizetype requests() const { return m_times.size(); }
    qint64 timeOf(qsizetype request) const { return m_times.at(request); }

private:
    QList<Step> m_steps;
    Scheme m_scheme;
    HttpListener m_listener;
    QElapsedTimer m_clock;
    QList<qint64> m_times;
    QList<QByteArray> m_bodies;
};

OtlpHttpExporterConfig configFor(const ScriptedEndpoint& endpoint)
{
    OtlpHttpExporterConfig config;
    config.tracesUrl = endpoint.url("/v1/traces");
    config.metricsUrl = endpoint.url("/v1/metrics");
    config.logsUrl = endpoint.url("/v1/logs");
    config.retry.baseDelayMs = 50;
    config.retry.maxRetries = 3;
    return config;
}
} // namespace

class TestOtlpHttpExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripThroughTheReceiver_data();
    void roundTripThroughTheReceiver();
    void honoursRetryAfterOn503();
    void doesNotRetryA400();
    void reportsPartialSuccessWithoutRetrying();
    void retriesADroppedConnection();
    void deliversOverHttpsTrustingTheCaFile();
    void refusesAnUntrustedCertificateWithoutRetrying();
    void spoolsWhileTheEndpointIsAwayAndDeliversLater();
    void spoolDrainHonoursRetryAfter();

private:
    ClickHouseFixture m_fixture;
};

void TestOtlpHttpExporter::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

void TestOtlpHttpExporter::roundTripThroughTheReceiver_data()
{
    QTest::addColumn<bool>("useProtobuf");
    QTest::addColumn<bool>("gzip");
    QTest::addRow("protobuf gzip") << true << true;
    QTest::addRow("protobuf") << true << false;
    QTest::addRow("JSON gzip") << false << true;
    QTest::addRow("JSON") << false << false;
}

void TestOtlpHttpExporter::roundTripThroughTheReceiver()
{
    QFETCH(bool, useProtobuf);
    QFETCH(bool, gzip);
    for (const char* table : { "traces", "metrics", "logs" }) {
        bool ok = false;
        const QString answer = ClickHouseFixture::run(
            m_fixture.endpoint(), u"TRUNCATE TABLE telemetry.%1"_s.arg(QLatin1StringView(table)), &ok);
        QVERIFY2(ok, qPrintable(answer));
    }
    QTemporaryDir spool;
    LocalCollector::Options options;
    options.clickHouse.endpoint = m_fixture.endpoint();
    options.clickHouse.endpoint.database = u"telemetry"_s;
    options.clickHouse.dialect = m_fixture.rowDialect();
    options.clickHouse.spoolPath = spool.filePath(u"collector.spool"_s);
    options.receiver.port = 0;
    options.withGateway = false;
    LocalCollector collector(options);
    QString error;
    QVERIFY2(collector.start(&error), qPrintable(error));

    OtlpHttpExporterConfig config;
    config.setBaseUrl(collector.receiver()->url());
    config.encoding = useProtobuf ? Encoding::Protobuf : Encoding::Json;
    config.gzip = gzip;
    config.batchSize = 100;
    config.headers = { { "X-Test", "yes" } };
    OtlpHttpExporter exporter(config);
    QVERIFY2(exporter.start(&error), qPrintable(error));
    const QList<SpanRecord> spans = RecordSamples::realisticEvents(350);
    exporter.trackSpans(spans);
    exporter.trackMetrics(RecordSamples::metrics());
    exporter.trackLogs(RecordSamples::logs());
    QVERIFY(exporter.flushAndWait(30000));
    const auto statistics = exporter.statistics();
    QCOMPARE(
        statistics.recordsDelivered, spans.size() + RecordSamples::metrics().size() + RecordSamples::logs().size());
    QCOMPARE(statistics.requestsDelivered, 4 + 1 + 1); // 350 spans in batches of 100
    QCOMPARE(statistics.recordsFailed, 0);
    QCOMPARE(statistics.retries, 0);
    if (gzip)
        QVERIFY(statistics.bytesSent < statistics.bytesRaw);
    QCOMPARE(ClickHouseFixture::run(m_fixture.endpoint(), u"SELECT count() FROM telemetry.traces"_s).trimmed(),
        QString::number(spans.size()));
    QCOMPARE(ClickHouseFixture::run(m_fixture.endpoint(), u"SELECT count() FROM telemetry.metrics"_s).trimmed(),
        QString::number(RecordSamples::metrics().size()));
    QCOMPARE(ClickHouseFixture::run(m_fixture.endpoint(), u"SELECT count() FROM telemetry.logs"_s).trimmed(),
        QString::number(RecordSamples::logs().size()));
    const auto received = collector.receiver()->statistics();
    QCOMPARE(received.accepted[ListenerStatistics::Traces], spans.size());
    QCOMPARE(received.answersByStatus.value(200), 6);
}

void TestOtlpHttpExporter::honoursRetryAfterOn503()
{
    ScriptedEndpoint endpoint({ { 503, {}, { { "Retry-After", "1" } } }, { 200, {}, {} } });
    OtlpHttpExporter exporter(configFor(endpoint));
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackSpans(RecordSamples::realisticEvents(3));
    QVERIFY(exporter.flushAndWait(20000));
    QCOMPARE(endpoint.requests(), 2);
    // The second attempt waited for the server's second, not the 50 ms backoff.
    const qint64 gap = endpoint.timeOf(1) - endpoint.timeOf(0);
    QVERIFY2(gap >= 950 && gap < 5000, qPrintable(u"retried after %1 ms"_s.arg(gap)));
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.recordsDelivered, 3);
    QCOMPARE(statistics.retries, 1);
}

void TestOtlpHttpExporter::doesNotRetryA400()
{
    const QByteArray status = OtlpStatus { 3, "traceId is not 32 hex digits" }.encode(Encoding::Protobuf);
    ScriptedEndpoint endpoint({ { 400, status, {} } });
    OtlpHttpExporter exporter(configFor(endpoint));
    QSignalSpy errors(&exporter, &OtlpHttpExporter::errorOccurred);
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackLogs(RecordSamples::logs());
    QVERIFY(exporter.flushAndWait(20000));
    QCOMPARE(endpoint.requests(), 1);
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.recordsFailed, RecordSamples::logs().size());
    QCOMPARE(statistics.retries, 0);
    QCOMPARE(errors.size(), 1);
    // The error body (a google.rpc.Status) is read, not shown as bytes.
    QVERIFY2(statistics.lastError.contains(u"HTTP 400"_s)
            && statistics.lastError.contains(u"traceId is not 32 hex digits"_s),
        qPrintable(statistics.lastError));
}

void TestOtlpHttpExporter::reportsPartialSuccessWithoutRetrying()
{
    OtlpExportResponse partial;
    partial.partialSuccess = true;
    partial.rejected = 2;
    partial.errorMessage = "2 points without a name";
    ScriptedEndpoint endpoint({ { 200, partial.encode(Otlp::Signal::Metrics, Encoding::Protobuf), {} } });
    OtlpHttpExporter exporter(configFor(endpoint));
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackMetrics(RecordSamples::metrics());
    QVERIFY(exporter.flushAndWait(20000));
    QCOMPARE(endpoint.requests(), 1);
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.recordsRejected, 2);
    QCOMPARE(statistics.recordsDelivered, RecordSamples::metrics().size() - 2);
    QVERIFY2(statistics.lastError.contains(u"2 points without a name"_s), qPrintable(statistics.lastError));
}

void TestOtlpHttpExporter::retriesADroppedConnection()
{
    // QNetworkAccessManager itself resends once on a connection closed before any answer; the
    // exporter's own retry takes over after that, so the endpoint drops twice.
    ScriptedEndpoint endpoint({ { 0, {}, {} }, { 0, {}, {} }, { 200, {}, {} } });
    OtlpHttpExporter exporter(configFor(endpoint));
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackSpans(RecordSamples::realisticEvents(2));
    QVERIFY(exporter.flushAndWait(20000));
    QCOMPARE(endpoint.requests(), 3);
    QCOMPARE(exporter.statistics().recordsDelivered, 2);
    QCOMPARE(exporter.statistics().retries, 1);
}

void TestOtlpHttpExporter::deliversOverHttpsTrustingTheCaFile()
{
    ScriptedEndpoint endpoint({ { 200, {}, {} } }, ScriptedEndpoint::Scheme::Https);
    OtlpHttpExporterConfig config = configFor(endpoint);
    config.caFile = tlsFixture("ca.pem");
    OtlpHttpExporter exporter(config);
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackSpans(RecordSamples::realisticEvents(3));
    exporter.trackLogs(RecordSamples::logs());
    QVERIFY(exporter.flushAndWait(20000));
    const auto statistics = exporter.statistics();
    QVERIFY2(statistics.lastError.isEmpty(), qPrintable(statistics.lastError));
    QCOMPARE(statistics.recordsDelivered, 3 + RecordSamples::logs().size());
    QCOMPARE(endpoint.requests(), 2);
}

void TestOtlpHttpExporter::refusesAnUntrustedCertificateWithoutRetrying()
{
    // Without the CA file the server's certificate is signed by no authority the system trusts:
    // the batch fails at once with the TLS reason, since asking again cannot change the answer.
    ScriptedEndpoint endpoint({ { 200, {}, {} } }, ScriptedEndpoint::Scheme::Https);
    OtlpHttpExporter exporter(configFor(endpoint));
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackSpans(RecordSamples::realisticEvents(2));
    QVERIFY(exporter.flushAndWait(20000));
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.recordsDelivered, 0);
    QCOMPARE(statistics.recordsFailed, 2);
    QCOMPARE(statistics.retries, 0);
    QCOMPARE(endpoint.requests(), 0);
    QVERIFY2(
        statistics.lastError.contains(u"TLS"_s) && statistics.lastError.contains(u"certificate"_s, Qt::CaseInsensitive),
        qPrintable(statistics.lastError));
}

void TestOtlpHttpExporter::spoolsWhileTheEndpointIsAwayAndDeliversLater()
{
    QTemporaryDir folder;
    OtlpHttpExporterConfig config;
    // Nothing listens on this port yet: the batch goes to the spool after its retries.
    const quint16 port = [] {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }();
    config.tracesUrl = QUrl(u"http://127.0.0.1:%1/v1/traces"_s.arg(port));
    config.retry.baseDelayMs = 20;
    config.retry.maxRetries = 1;
    config.spoolPath = folder.filePath(u"otlp.spool"_s);
    config.spoolRetryIntervalMs = 100;
    {
        OtlpHttpExporter exporter(config);
        QString error;
        QVERIFY2(exporter.start(&error), qPrintable(error));
        exporter.trackSpans(RecordSamples::realisticEvents(5));
        exporter.flush();
        QTRY_COMPARE_WITH_TIMEOUT(exporter.statistics().spooledRecords, 5, 20000);
        exporter.shutdown(0);
    }
    // The next run finds the spool and delivers it once the endpoint answers.
    HttpListener listener(
        [](const QHttpServerRequest&, HttpReply reply) { reply.send(200, "application/x-protobuf", {}); });
    QString error;
    QVERIFY2(listener.start(QHostAddress::LocalHost, port, &error), qPrintable(error));
    OtlpHttpExporter exporter(config);
    QVERIFY2(exporter.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(exporter.statistics().recordsDelivered, 5, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(exporter.statistics().spooledRecords, 0, 20000);
}

void TestOtlpHttpExporter::spoolDrainHonoursRetryAfter()
{
    // The live attempt and the first drain are told "come back in 1 s"; the drain, which tries
    // every 50 ms otherwise, waits for it.
    ScriptedEndpoint endpoint(
        { { 503, {}, { { "Retry-After", "1" } } }, { 503, {}, { { "Retry-After", "1" } } }, { 200, {}, {} } });
    QTemporaryDir folder;
    OtlpHttpExporterConfig config = configFor(endpoint);
    config.retry.maxRetries = 0; // straight to the spool
    config.spoolPath = folder.filePath(u"otlp.spool"_s);
    config.spoolRetryIntervalMs = 50;
    OtlpHttpExporter exporter(config);
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackSpans(RecordSamples::realisticEvents(4));
    exporter.flush();
    QTRY_COMPARE_WITH_TIMEOUT(exporter.statistics().recordsDelivered, 4, 20000);
    QCOMPARE(endpoint.requests(), 3);
    const qint64 gap = endpoint.timeOf(2) - endpoint.timeOf(1);
    QVERIFY2(gap >= 950 && gap < 5000, qPrintable(u"the drain tried again after %1 ms"_s.arg(gap)));
    QTRY_COMPARE_WITH_TIMEOUT(exporter.statistics().spooledRecords, 0, 20000);
}

QTEST_GUILESS_MAIN(TestOtlpHttpExporter)
#include "tst_otlphttpexporter.moc"
