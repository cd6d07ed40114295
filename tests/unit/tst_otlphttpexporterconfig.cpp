#include "common/retryafter.h"
#include "otlp/otlphttpexporterconfig.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestOtlpHttpExporterConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpointsFollowThePrecedence_data();
    void endpointsFollowThePrecedence();
    void readsProtocolCompressionTimeoutAndHeaders();
    void reportsValuesItCannotUse();
    void retryAfterReadsSecondsAndDates_data();
    void retryAfterReadsSecondsAndDates();
};

void TestOtlpHttpExporterConfig::endpointsFollowThePrecedence_data()
{
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QString>("traces");
    QTest::addColumn<QString>("metrics");
    QTest::addColumn<QString>("logs");

    QTest::addRow("defaults") << QStringList() << u"http://localhost:4318/v1/traces"_s
                              << u"http://localhost:4318/v1/metrics"_s << u"http://localhost:4318/v1/logs"_s;
    QTest::addRow("OTEL base") << QStringList { u"OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318/"_s }
                               << u"http://collector:4318/v1/traces"_s << u"http://collector:4318/v1/metrics"_s
                               << u"http://collector:4318/v1/logs"_s;
    QTest::addRow("signal URL used as given")
        << QStringList { u"OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318"_s,
               u"OTEL_EXPORTER_OTLP_LOGS_ENDPOINT=https://logs.example/custom"_s }
        << u"http://collector:4318/v1/traces"_s << u"http://collector:4318/v1/metrics"_s
        << u"https://logs.example/custom"_s;
    QTest::addRow("SDK base ending in /v1/traces")
        << QStringList { u"AUTOMAGIK_TELEMETRY_ENDPOINT=https://telemetry.example/v1/traces"_s }
        << u"https://telemetry.example/v1/traces"_s << u"https://telemetry.example/v1/metrics"_s
        << u"https://telemetry.example/v1/logs"_s;
    QTest::addRow("SDK base without a path")
        << QStringList { u"AUTOMAGIK_TELEMETRY_ENDPOINT=http://127.0.0.1:4318"_s }
        << u"http://127.0.0.1:4318/v1/traces"_s << u"http://127.0.0.1:4318/v1/metrics"_s
        << u"http://127.0.0.1:4318/v1/logs"_s;
    QTest::addRow("SDK signal variable") << QStringList { u"AUTOMAGIK_TELEMETRY_ENDPOINT=http://a:1/v1/traces"_s,
        u"AUTOMAGIK_TELEMETRY_METRICS_ENDPOINT=http://m:2/metrics"_s }
                                         << u"http://a:1/v1/traces"_s << u"http://m:2/metrics"_s
                                         << u"http://a:1/v1/logs"_s;
    QTest::addRow("OTEL base over SDK base")
        << QStringList { u"AUTOMAGIK_TELEMETRY_ENDPOINT=http://sdk:1"_s,
               u"OTEL_EXPORTER_OTLP_ENDPOINT=http://otel:2"_s }
        << u"http://otel:2/v1/traces"_s << u"http://otel:2/v1/metrics"_s << u"http://otel:2/v1/logs"_s;
    QTest::addRow("signal variable over any base")
        << QStringList { u"OTEL_EXPORTER_OTLP_ENDPOINT=http://otel:2"_s,
               u"AUTOMAGIK_TELEMETRY_LOGS_ENDPOINT=http://sdk-logs:3/v1/logs"_s }
        << u"http://otel:2/v1/traces"_s << u"http://otel:2/v1/metrics"_s << u"http://sdk-logs:3/v1/logs"_s;
}

void TestOtlpHttpExporterConfig::endpointsFollowThePrecedence()
{
    QFETCH(QStringList, variables);
    QFETCH(QString, traces);
    QFETCH(QString, metrics);
    QFETCH(QString, logs);
    QProcessEnvironment environment;
    for (const QString& variable : variables)
        environment.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    QStringList problems;
    const auto config = OtlpHttpExporterConfig::fromEnvironment(environment, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    QCOMPARE(config.tracesUrl.toString(), traces);
    QCOMPARE(config.metricsUrl.toString(), metrics);
    QCOMPARE(config.logsUrl.toString(), logs);
}

void TestOtlpHttpExporterConfig::readsProtocolCompressionTimeoutAndHeaders()
{
    QProcessEnvironment environment;
    environment.insert(u"OTEL_EXPORTER_OTLP_PROTOCOL"_s, u"http/json"_s);
    environment.insert(u"OTEL_EXPORTER_OTLP_COMPRESSION"_s, u"none"_s);
    environment.insert(u"OTEL_EXPORTER_OTLP_TIMEOUT"_s, u"2500"_s);
    environment.insert(u"OTEL_EXPORTER_OTLP_HEADERS"_s, u"api-key=a%20b%3Dc, x-tenant = 7"_s);
    QStringList problems;
    const auto config = OtlpHttpExporterConfig::fromEnvironment(environment, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    QCOMPARE(config.encoding, Otlp::Encoding::Json);
    QCOMPARE(config.gzip, false);
    QCOMPARE(config.timeoutMs, 2500);
    QCOMPARE(config.headers.size(), 2);
    QCOMPARE(config.headers.at(0).first, QByteArray("api-key"));
    QCOMPARE(config.headers.at(0).second, QByteArray("a b=c"));
    QCOMPARE(config.headers.at(1).second, QByteArray("7"));

    QProcessEnvironment sdk;
    sdk.insert(u"AUTOMAGIK_TELEMETRY_TIMEOUT"_s, u"1.5"_s);
    QCOMPARE(OtlpHttpExporterConfig::fromEnvironment(sdk).timeoutMs, 1500);
}

void TestOtlpHttpExporterConfig::reportsValuesItCannotUse()
{
    QProcessEnvironment environment;
    environment.insert(u"OTEL_EXPORTER_OTLP_ENDPOINT"_s, u"ftp://nowhere"_s);
    environment.insert(u"OTEL_EXPORTER_OTLP_PROTOCOL"_s, u"grpc"_s);
    environment.insert(u"OTEL_EXPORTER_OTLP_TIMEOUT"_s, u"soon"_s);
    environment.insert(u"OTEL_EXPORTER_OTLP_HEADERS"_s, u"secret-token"_s);
    QStringList problems;
    const auto config = OtlpHttpExporterConfig::fromEnvironment(environment, &problems);
    QCOMPARE(problems.size(), 4);
    QVERIFY(problems.at(0).contains(u"not an http(s) URL"_s));
    QVERIFY(problems.join(u'\n').contains(u"grpc is not supported"_s));
    QVERIFY2(!problems.join(u'\n').contains(u"secret-token=\""_s), "a header value is repeated in the message");
    QCOMPARE(config.tracesUrl, OtlpHttpExporterConfig().tracesUrl);
    QCOMPARE(config.encoding, Otlp::Encoding::Protobuf);
}

void TestOtlpHttpExporterConfig::retryAfterReadsSecondsAndDates_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");
    QTest::addRow("seconds") << QByteArray("1") << qint64(1000);
    QTest::addRow("spaces") << QByteArray(" 30 ") << qint64(30000);
    QTest::addRow("date ahead") << QByteArray("Sun, 29 Nov 2026 12:00:05 GMT") << qint64(5000);
    QTest::addRow("date past") << QByteArray("Sun, 29 Nov 2026 11:00:00 GMT") << qint64(0);
    QTest::addRow("negative") << QByteArray("-4") << qint64(-1);
    QTest::addRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::addRow("empty") << QByteArray() << qint64(-1);
}

void TestOtlpHttpExporterConfig::retryAfterReadsSecondsAndDates()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    const QDateTime now(QDate(2026, 11, 29), QTime(12, 0, 0), Qt::UTC);
    QCOMPARE(retryAfterMs(value, now), expected);
}

QTEST_GUILESS_MAIN(TestOtlpHttpExporterConfig)
#include "tst_otlphttpexporterconfig.moc"
