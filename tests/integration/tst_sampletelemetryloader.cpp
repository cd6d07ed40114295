#include "clickhouse/clickhousebackendconfig.h"
#include "clickhousefixture.h"
#include "query/grafanamacroexpander.h"
#include "sample/sampletelemetryloader.h"
#include "upstreampanels.h"

#include <QDateTime>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using Result = SampleTelemetryLoader::Result;

/// `automagik-workbench sample` and the Health page's button drive this loader: it must fill a
/// fresh server so that every upstream dashboard panel has data, install a missing schema,
/// deliver exactly what it made (also when cancelled), and fail clearly without a server.
class TestSampleTelemetryLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyUpstreamPanelHasDataAfterTwoHours();
    void aMissingSchemaIsInstalledFirst();
    void cancelDeliversWhatWasMadeAndCountsIt();
    void noServerIsAClearFailure();

private:
    static ClickHouseBackendConfig configFor(const ClickHouseEndpoint& endpoint, const QString& database);
    static Result load(SampleTelemetryLoader& loader, const ClickHouseBackendConfig& config, int hours);
    QString count(const QString& table);

    ClickHouseFixture m_fixture;
};

void TestSampleTelemetryLoader::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

ClickHouseBackendConfig TestSampleTelemetryLoader::configFor(
    const ClickHouseEndpoint& endpoint, const QString& database)
{
    ClickHouseBackendConfig config;
    config.endpoint = endpoint;
    config.endpoint.database = database;
    return config;
}

Result TestSampleTelemetryLoader::load(SampleTelemetryLoader& loader, const ClickHouseBackendConfig& config, int hours)
{
    QSignalSpy finished(&loader, &SampleTelemetryLoader::finished);
    SampleTelemetry::Options options;
    options.hours = hours;
    loader.start(config, options);
    if (finished.isEmpty() && !finished.wait(120000))
        return {};
    return finished.first().first().value<Result>();
}

QString TestSampleTelemetryLoader::count(const QString& table)
{
    return ClickHouseFixture::run(m_fixture.endpoint(), u"SELECT count() FROM %1"_s.arg(table));
}

void TestSampleTelemetryLoader::everyUpstreamPanelHasDataAfterTwoHours()
{
    SampleTelemetryLoader loader;
    QSignalSpy progressed(&loader, &SampleTelemetryLoader::progressed);
    const Result result = load(loader, configFor(m_fixture.endpoint(), u"telemetry"_s), 2);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.schemaInstalled); // the managed server installed it at its start
    QCOMPARE(result.delivered, result.rows());
    QVERIFY(!progressed.isEmpty());
    QCOMPARE(progressed.last().at(0).toLongLong(), result.rows()); // the bar ends at what was written
    QCOMPARE(count(u"telemetry.traces"_s), QString::number(result.spans));
    QCOMPARE(count(u"telemetry.metrics"_s), QString::number(result.metrics));
    QCOMPARE(count(u"telemetry.logs"_s), QString::number(result.logs));

    // Every panel of the four upstream dashboards, with its macros expanded for the last six
    // hours, returns rows; every stat panel shows a number above zero.
    QString error;
    const QList<UpstreamPanels::Target> targets = UpstreamPanels::load(&error);
    QVERIFY2(!targets.isEmpty(), qPrintable(error));
    GrafanaMacroContext context;
    context.toMs = QDateTime::currentMSecsSinceEpoch();
    context.fromMs = context.toMs - 6 * 3600 * 1000;
    context.serverHasToStartOfInterval = m_fixture.serverInfo().hasToStartOfInterval();
    context.serverHasDateTime64 = m_fixture.serverInfo().hasDateTime64();
    for (const UpstreamPanels::Target& target : targets) {
        const GrafanaMacroExpander::Result expanded = GrafanaMacroExpander::expand(target.rawSql, context);
        QVERIFY2(expanded.ok(), qPrintable(target.title + u": "_s + expanded.error));
        bool ok = false;
        const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), expanded.sql, &ok);
        QVERIFY2(ok, qPrintable(target.title + u": "_s + answer));
        QVERIFY2(!answer.trimmed().isEmpty(), qPrintable(target.dashboard + u" / "_s + target.title + u": no rows"_s));
        if (target.type == u"stat"_s) {
            const double value = answer.section(u'\t', 0, 0).toDouble();
            QVERIFY2(value > 0, qPrintable(target.dashboard + u" / "_s + target.title + u": "_s + answer));
        }
    }
}

void TestSampleTelemetryLoader::aMissingSchemaIsInstalledFirst()
{
    SampleTelemetryLoader loader;
    const Result result = load(loader, configFor(m_fixture.endpoint(), u"sample_fresh"_s), 1);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.schemaInstalled);
    QCOMPARE(result.database, u"sample_fresh"_s);
    QCOMPARE(count(u"sample_fresh.traces"_s), QString::number(result.spans));
    QVERIFY(result.spans > 0 && result.metrics > 0 && result.logs > 0);
}

void TestSampleTelemetryLoader::cancelDeliversWhatWasMadeAndCountsIt()
{
    // A month at a high rate would take long: cancel once the first rows have arrived.
    const ClickHouseBackendConfig config = configFor(m_fixture.endpoint(), u"sample_cancel"_s);
    SampleTelemetryLoader loader;
    QSignalSpy finished(&loader, &SampleTelemetryLoader::finished);
    QObject::connect(&loader, &SampleTelemetryLoader::progressed, &loader, [&loader](qint64 delivered, qint64) {
        if (delivered > 0)
            loader.cancel();
    });
    SampleTelemetry::Options options;
    options.hours = 24 * 30;
    options.eventsPerMinute = 200;
    loader.start(config, options);
    QVERIFY(finished.wait(120000));
    const Result result = finished.first().first().value<Result>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.cancelled);
    QVERIFY(result.rows() > 0);
    QVERIFY2(result.rows() < 1000000, "cancel stopped the making");
    // Exactly what was made is in the tables: nothing lost, nothing made after the cancel.
    QCOMPARE(result.delivered, result.rows());
    QCOMPARE(count(u"sample_cancel.traces"_s), QString::number(result.spans));
    QCOMPARE(count(u"sample_cancel.logs"_s), QString::number(result.logs));
}

void TestSampleTelemetryLoader::noServerIsAClearFailure()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    ClickHouseEndpoint nowhere = m_fixture.endpoint();
    nowhere.url.setPort(holder.serverPort());
    holder.close();
    SampleTelemetryLoader loader;
    const Result result = load(loader, configFor(nowhere, u"telemetry"_s), 1);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(u"cannot reach ClickHouse at "_s), qPrintable(result.error));
    QCOMPARE(result.rows(), 0);
    QVERIFY(!loader.isRunning());
}

QTEST_GUILESS_MAIN(TestSampleTelemetryLoader)
#include "tst_sampletelemetryloader.moc"
