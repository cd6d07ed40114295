#include "clickhouse/clickhousebackendconfig.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestClickHouseBackendConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheSdks();
    void environmentOverridesDefaults();
    void badValuesAreReportedAndIgnored();
};

void TestClickHouseBackendConfig::defaultsAreTheSdks()
{
    QStringList problems;
    const auto config = ClickHouseBackendConfig::fromEnvironment(QProcessEnvironment(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(config.endpoint.url, QUrl(u"http://localhost:8123"_s));
    QCOMPARE(config.endpoint.database, u"telemetry"_s);
    QCOMPARE(config.endpoint.user, u"default"_s);
    QCOMPARE(config.endpoint.password, QString());
    QCOMPARE(config.tracesTable, u"traces"_s);
    QCOMPARE(config.metricsTable, u"metrics"_s);
    QCOMPARE(config.logsTable, u"logs"_s);
    QCOMPARE(config.batchSize, 100);
    QCOMPARE(config.flushIntervalMs, 5000);
    QCOMPARE(config.timeoutMs, 5000);
}

void TestClickHouseBackendConfig::environmentOverridesDefaults()
{
    QProcessEnvironment environment;
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s, u"http://db.local:18123"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE"_s, u"tele"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_TABLE"_s, u"spans"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_METRICS_TABLE"_s, u"m"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_LOGS_TABLE"_s, u"l"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME"_s, u"telemetry"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, u"telemetry_password"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_BATCH_SIZE"_s, u"250"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_TIMEOUT"_s, u"2.5"_s);
    QStringList problems;
    const auto config = ClickHouseBackendConfig::fromEnvironment(environment, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(config.endpoint.url, QUrl(u"http://db.local:18123"_s));
    QCOMPARE(config.endpoint.database, u"tele"_s);
    QCOMPARE(config.tracesTable, u"spans"_s);
    QCOMPARE(config.metricsTable, u"m"_s);
    QCOMPARE(config.logsTable, u"l"_s);
    QCOMPARE(config.endpoint.user, u"telemetry"_s);
    QCOMPARE(config.endpoint.password, u"telemetry_password"_s);
    QCOMPARE(config.batchSize, 250);
    QCOMPARE(config.timeoutMs, 2500);
    QVERIFY2(!config.endpoint.displayString().contains(u"telemetry_password"_s), "the password is never shown");
}

void TestClickHouseBackendConfig::badValuesAreReportedAndIgnored()
{
    QProcessEnvironment environment;
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s, u"::not a url::"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_BATCH_SIZE"_s, u"-3"_s);
    environment.insert(u"AUTOMAGIK_TELEMETRY_TIMEOUT"_s, u"soon"_s);
    QStringList problems;
    const auto config = ClickHouseBackendConfig::fromEnvironment(environment, &problems);
    QCOMPARE(problems.size(), 3);
    QVERIFY(problems.at(0).contains(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s));
    QVERIFY(problems.at(1).contains(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_BATCH_SIZE is not a positive number: -3"_s));
    QVERIFY(problems.at(2).contains(u"AUTOMAGIK_TELEMETRY_TIMEOUT"_s));
    QCOMPARE(config.endpoint.url, QUrl(u"http://localhost:8123"_s));
    QCOMPARE(config.batchSize, 100);
    QCOMPARE(config.timeoutMs, 5000);
}

QTEST_GUILESS_MAIN(TestClickHouseBackendConfig)
#include "tst_clickhousebackendconfig.moc"
