#include "clickhousefixture.h"
#include "failedinsertmodel.h"
#include "health/clickhousefiguresprobe.h"
#include "health/clickhouseprobe.h"
#include "health/telemetrytablesprobe.h"
#include "httptestclient.h"
#include "pages/healthpage.h"
#include "screenshots.h"
#include "stackstateannouncer.h"
#include "tablefiguresmodel.h"
#include "widgets/clickhousefigurestile.h"
#include "widgets/clickhousetile.h"
#include "widgets/sparkline.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using Level = ClickHouseStatusSummary::Level;

/// The Health page against a real managed ClickHouse 18.16: the telemetry tables' figures match
/// the server's count(), an insert another client sent and the server refused is listed with the
/// server's message, and a killed server turns the tile red within one probe interval and green
/// again after a start from the page.
class TestHealthPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tablesAndFailedInsertsOfOtherClients();
    void killedServerTurnsRedAndStartsFromThePage();

private:
    ClickHouseFixture m_fixture;
    ClickHouseProbe m_probe;
    TelemetryTablesProbe m_tables;
};

namespace {
constexpr int probeIntervalMs = 1000;
}

void TestHealthPage::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    QString error;
    QVERIFY2(m_fixture.loadSample(1, &error), qPrintable(error));
    m_probe.setIntervalMs(probeIntervalMs);
    m_probe.follow(&m_fixture.server());
    m_tables.follow(&m_probe);
}

void TestHealthPage::tablesAndFailedInsertsOfOtherClients()
{
    HealthPage page(&m_fixture.server(), &m_probe, &m_tables, nullptr, nullptr);
    page.figuresProbe()->setMinimumIntervalMs(500);
    page.resize(1100, 900);
    page.show();
    const ClickHouseFiguresTile* figures = page.figuresTile();
    QAbstractItemModelTester tablesTester(
        figures->tablesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester failedTester(
        figures->failedInsertsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(page.clickHouseTile()->level(), Level::Ok, 30000);

    // Every telemetry table with its rows as count() has them, and how old its newest row is.
    QTRY_VERIFY_WITH_TIMEOUT(figures->tablesModel()->rowCount() >= 3, 15000);
    // Copied: the direct queries below run the event loop, and a look may replace the model's rows.
    QList<ClickHouseFigures::Table> tables;
    for (int row = 0; row < figures->tablesModel()->rowCount(); ++row)
        tables.append(figures->tablesModel()->table(row));
    int checked = 0;
    for (const ClickHouseFigures::Table& table : std::as_const(tables)) {
        if (table.name != u"traces"_s && table.name != u"metrics"_s && table.name != u"logs"_s)
            continue;
        ++checked;
        QCOMPARE(QString::number(table.rows),
            ClickHouseFixture::run(m_fixture.endpoint(), u"SELECT count() FROM telemetry."_s + table.name).trimmed());
        QVERIFY(table.bytesOnDisk > 0);
        QVERIFY(table.mostPartsInAPartition >= 1);
        QVERIFY2(table.newestRow.isValid(), qPrintable(table.name));
        QCOMPARE(table.newestRow.toSecsSinceEpoch(),
            ClickHouseFixture::run(
                m_fixture.endpoint(), u"SELECT toUnixTimestamp(max(timestamp)) FROM telemetry."_s + table.name)
                .trimmed()
                .toLongLong());
    }
    QCOMPARE(checked, 3);
    QVERIFY2(figures->loadText().contains(u"queries running"_s), qPrintable(figures->loadText()));
    QVERIFY(page.clickHouseTile()->latencyLine()->values().size() >= 1);

    // Another client's insert the server refuses: listed with the server's own message.
    HttpTestClient client;
    const ClickHouseEndpoint endpoint = m_fixture.endpoint();
    QUrl url = endpoint.url;
    url.setQuery(u"query=INSERT%20INTO%20telemetry.logs%20FORMAT%20JSONEachRow"_s);
    const QByteArray credentials = (endpoint.user + u':' + endpoint.password).toUtf8().toBase64();
    const HttpTestClient::Answer answer = client.post(url, "application/x-ndjson",
        R"({"timestamp": "not a time", "body": "from a careless SDK"})"
        "\n",
        { { "Authorization", "Basic " + credentials }, { "User-Agent", "careless-sdk/0.1" } });
    QCOMPARE(answer.status, 500);
    QVERIFY2(answer.body.contains("Cannot parse"), answer.body.constData());
    // The server writes its query log every 7.5 s.
    const FailedInsertModel* failed = figures->failedInsertsModel();
    QTRY_VERIFY_WITH_TIMEOUT(failed->rowCount() >= 1, 30000);
    const ClickHouseFigures::FailedInsert& insert = failed->failedInsert(0);
    QCOMPARE(insert.client, u"careless-sdk/0.1"_s);
    QCOMPARE(insert.user, endpoint.user);
    QVERIFY2(insert.query.startsWith(u"INSERT INTO telemetry.logs"_s), qPrintable(insert.query));
    QVERIFY2(insert.error.startsWith(u"Cannot parse"_s), qPrintable(insert.error));
    QVERIFY2(
        QString::fromUtf8(answer.body).contains(insert.error.section(u" (code"_s, 0, 0)), qPrintable(insert.error));
    QVERIFY2(figures->failedInsertsText().contains(u"24 hours: %1 "_s.arg(failed->rowCount())),
        qPrintable(figures->failedInsertsText()));
    QVERIFY(figures->failedInsertsView()->isVisible());

    // A healthy first look is no news, also when the server was not known before.
    ClickHouseProbe fresh;
    StackStateAnnouncer quiet;
    QSignalSpy quietAnnouncements(&quiet, &StackStateAnnouncer::announced);
    quiet.watchClickHouse(nullptr, &fresh);
    fresh.setEndpoint(m_fixture.endpoint());
    fresh.start();
    QTRY_VERIFY(fresh.hasSample() && fresh.lastSample().reachable);
    QCOMPARE(quietAnnouncements.size(), 0);
    // The workbench's own requests are not another client's.
    for (int row = 0; row < failed->rowCount(); ++row)
        QVERIFY(!failed->failedInsert(row).client.startsWith(u"automagik-workbench/"_s));
    Screenshots::save(&page, u"health"_s);
}

void TestHealthPage::killedServerTurnsRedAndStartsFromThePage()
{
    HealthPage page(&m_fixture.server(), &m_probe, &m_tables, nullptr, nullptr);
    page.resize(1100, 900);
    page.show();
    ClickHouseTile* tile = page.clickHouseTile();
    QTRY_COMPARE_WITH_TIMEOUT(tile->level(), Level::Ok, 30000);
    // The same server seen as an external one: only the probe can tell it went away.
    ClickHouseProbe external;
    external.setIntervalMs(probeIntervalMs);
    external.setEndpoint(m_fixture.endpoint());
    external.start();
    ClickHouseTile externalTile(nullptr, &external);
    QTRY_COMPARE_WITH_TIMEOUT(externalTile.level(), Level::Ok, 10000);
    StackStateAnnouncer announcer;
    QSignalSpy announced(&announcer, &StackStateAnnouncer::announced);
    announcer.watchClickHouse(&m_fixture.server(), &m_probe);
    QCOMPARE(announced.size(), 0); // a healthy start is no news
    const qint64 pid = m_fixture.server().serverPid();
    QVERIFY(pid > 0);
    QElapsedTimer sinceKill;
    sinceKill.start();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(tile->level(), Level::Error, probeIntervalMs);
    qInfo("red %lld ms after the kill (probe interval %d ms)", sinceKill.elapsed(), probeIntervalMs);
    QVERIFY(tile->startButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(externalTile.level(), Level::Error, 3 * probeIntervalMs);
    qInfo("the external probe's tile red %lld ms after the kill", sinceKill.elapsed());
    QCOMPARE(announced.size(), 1);
    QVERIFY(announced.first().at(1).toBool()); // a problem
    QCOMPARE(announced.first().at(0).toString(), tile->stateText()); // said once, as the tile says it

    QTest::mouseClick(tile->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tile->level(), Level::Ok, 60000);
    QVERIFY2(tile->stateText().contains(u"reachable"_s), qPrintable(tile->stateText()));
    QVERIFY(!tile->startButton()->isEnabled());
    QTRY_COMPARE(announced.size(), 2); // up again, once
    QVERIFY(!announced.last().at(1).toBool());

    // And the schema it has is the one the workbench installs.
    QTest::mouseClick(tile->verifyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(tile->actionText().startsWith(u"The schema in telemetry is complete"_s), 15000);
}

QTEST_MAIN(TestHealthPage)
#include "tst_healthpage.moc"
