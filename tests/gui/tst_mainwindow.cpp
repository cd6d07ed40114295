#include "clickhouse/clickhouseclient.h"
#include "clickhousefixture.h"
#include "dashboard/dashboardpanelview.h"
#include "dashboard/dashboardview.h"
#include "dialogs/aboutdialog.h"
#include "health/clickhouseprobe.h"
#include "health/telemetrytablesprobe.h"
#include "mainwindow.h"
#include "pages/dashboardspage.h"
#include "pages/healthpage.h"
#include "pages/livepage.h"
#include "pages/querypage.h"
#include "pages/querytab.h"
#include "pages/replaypage.h"
#include "pages/sendpage.h"
#include "pages/tracespage.h"
#include "querysession.h"
#include "sample/sampletelemetryloader.h"
#include "screenshots.h"
#include "traces/traceview.h"
#include "traces/tracewaterfallview.h"
#include "widgets/sendcomposer.h"
#include "widgets/sqleditor.h"
#include "widgets/telemetrydatatile.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Page = NavigationModel::Page;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusBarSaysClickHouseIsReachable();
    void everyPageIsReachableAndPictured();
    void everyPageIsBuiltSoNoneIsGreyed();
    void aSendIsLookedUpOnTheQueryPage();
    void firstRunLoadsSampleTelemetryAndTheFirstQueryReturnsRows();
    void schemaThatCannotBeInstalledIsShownOnTheHealthPage();
    void aboutBoxShowsTheVersions();
    void stoppingTheServerIsShown();
    void missingServerSaysHowToInstallAndTheWindowStillOpens();

private:
    ClickHouseFixture m_fixture;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the Send page's templates and spools
    START_CLICKHOUSE(m_fixture);
}

void TestMainWindow::aSendIsLookedUpOnTheQueryPage()
{
    ClickHouseProbe probe;
    probe.setEndpoint(m_fixture.endpoint());
    MainWindow window({ &m_fixture.server(), &probe });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    probe.start();
    window.showPage(Page::Send);
    SendPage* send = window.sendPage();
    QTRY_COMPARE(send->clickHouseUrlEdit()->text(), m_fixture.endpoint().url.toString());
    send->composer()->nameEdit()->setText(u"window.looked.up"_s);
    send->setBackend(SendTarget::Backend::ClickHouse);
    QSignalSpy finished(send, &SendPage::sendFinished);
    QTest::mouseClick(send->sendButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QVERIFY2(send->statusText().startsWith(u"Delivered"_s), qPrintable(send->statusText()));
    QTest::mouseClick(send->lookUpButton(), Qt::LeftButton);
    QCOMPARE(window.currentPage(), Page::Query);
    const QString sql = window.queryPage()->currentTab()->editor()->toPlainText();
    QVERIFY2(sql.contains(u"span_name = 'window.looked.up'"_s), qPrintable(sql));
}

void TestMainWindow::statusBarSaysClickHouseIsReachable()
{
    ClickHouseProbe probe;
    probe.setEndpoint(m_fixture.endpoint());
    MainWindow window({ &m_fixture.server(), &probe });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.clickHouseStatusText().contains(u"reachable"_s), 10000);
    const QString expected =
        u"ClickHouse %1 reachable at 127.0.0.1:%2 (managed)"_s.arg(m_fixture.server().serverVersion())
            .arg(m_fixture.server().httpPort());
    QVERIFY2(window.clickHouseStatusText().startsWith(expected), qPrintable(window.clickHouseStatusText()));
    QVERIFY(!Screenshots::save(&window, u"mainwindow-reachable"_s).isEmpty());
}

void TestMainWindow::everyPageIsReachableAndPictured()
{
    ClickHouseProbe probe;
    probe.setEndpoint(m_fixture.endpoint());
    MainWindow window({ &m_fixture.server(), &probe });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.hasSample(), 10000);

    const auto* navigation = window.navigation();
    auto* sidebar = window.findChild<QListView*>();
    QVERIFY(sidebar);
    int built = 0;
    for (int row = 0; row < navigation->rowCount(); ++row) {
        const Page page = navigation->pageAt(row);
        if (!navigation->isAvailable(page))
            continue;
        ++built;
        // Navigate the way a user does: click the sidebar entry, starting from another page.
        window.showPage(page == Page::Health ? Page::Query : Page::Health);
        const QRect rect = sidebar->visualRect(navigation->index(row, 0));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.currentPage(), page);
        QWidget* shown = window.pageWidget(page);
        QVERIFY(shown->isVisible());
        // What only that page has is what the user sees now.
        if (page == Page::Query) {
            QCOMPARE(shown, static_cast<QWidget*>(window.queryPage()));
            auto* editor = window.queryPage()->currentTab()->findChild<QPlainTextEdit*>();
            QVERIFY(editor && editor->isVisible());
            QVERIFY2(editor->toPlainText().contains(u"FROM telemetry.traces"_s), qPrintable(editor->toPlainText()));
        } else if (page == Page::Dashboards) {
            DashboardsPage* dashboards = window.dashboardsPage();
            QCOMPARE(shown, static_cast<QWidget*>(dashboards));
            // The upstream overview opens first and its panels run once the server is known.
            QCOMPARE(dashboards->session()->dashboard().uid, u"automagik-telemetry-overview"_s);
            QTRY_VERIFY_WITH_TIMEOUT(dashboards->session()->panelRuns(0) > 0 && dashboards->session()->isIdle(), 30000);
            QCOMPARE(dashboards->view()->panelViews().size(), 5);
            for (const DashboardPanelView* panel : dashboards->view()->panelViews())
                QVERIFY2(panel->isVisible(), qPrintable(panel->accessibleName()));
        } else if (page == Page::Send) {
            QCOMPARE(shown, static_cast<QWidget*>(window.sendPage()));
            // Aimed at the workbench's ClickHouse as soon as it is known.
            QTRY_COMPARE(window.sendPage()->clickHouseUrlEdit()->text(), m_fixture.endpoint().url.toString());
            QVERIFY(window.sendPage()->sendButton()->isVisible());
        } else if (page == Page::Live) {
            QCOMPARE(shown, static_cast<QWidget*>(window.livePage()));
            QVERIFY(window.livePage()->view()->isVisible());
            // This window has no collector of its own: the page says what it needs.
            QTRY_VERIFY2(window.livePage()->statusText().contains(u"Without the workbench's receiver"_s),
                qPrintable(window.livePage()->statusText()));
        } else if (page == Page::Traces) {
            QCOMPARE(shown, static_cast<QWidget*>(window.tracesPage()));
            QVERIFY(window.tracesPage()->resultsView()->isVisible());
            QVERIFY(window.tracesPage()->traceView()->waterfall()->isVisible());
            // Aimed at the workbench's ClickHouse as soon as it is known.
            QTRY_VERIFY2(window.tracesPage()->statusText().contains(m_fixture.endpoint().url.toString()),
                qPrintable(window.tracesPage()->statusText()));
            // A search runs in the telemetry database (the server's endpoint has none of its own).
            window.tracesPage()->search();
            QTRY_VERIFY2(window.tracesPage()->statusText().contains(u"traces found"_s)
                    || window.tracesPage()->statusText().contains(u"1 trace found"_s),
                qPrintable(window.tracesPage()->statusText()));
        } else if (page == Page::Replay) {
            QCOMPARE(shown, static_cast<QWidget*>(window.replayPage()));
            QVERIFY(window.replayPage()->startButton()->isVisible());
            QVERIFY(!window.replayPage()->startButton()->isEnabled()); // nothing open yet
        } else {
            QCOMPARE(page, Page::Health);
            QCOMPARE(shown, static_cast<QWidget*>(window.healthPage()));
            QVERIFY(window.healthPage()->dataTile()->isVisible());
            QVERIFY2(window.healthPage()->clickHouseStateText().contains(u"reachable"_s),
                qPrintable(window.healthPage()->clickHouseStateText()));
        }
        const QString name = navigation->index(row, 0).data().toString().toLower();
        const QString path = Screenshots::save(&window, u"page-"_s + name);
        QVERIFY2(!path.isEmpty(), "screenshot saved");
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
    }
    QCOMPARE(built, 7); // every page: Send, Replay, Live, Traces, Query, Dashboards and Health
    // Keyboard: Ctrl+5 is Query, as the View menu says.
    window.showPage(Page::Health);
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), Page::Query);
}

void TestMainWindow::everyPageIsBuiltSoNoneIsGreyed()
{
    MainWindow window({ &m_fixture.server(), nullptr });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(Page::Health);
    const auto* navigation = window.navigation();
    auto* sidebar = window.findChild<QListView*>();
    QVERIFY(sidebar);
    QStringList greyed;
    for (int row = 0; row < navigation->rowCount(); ++row) {
        const Page page = navigation->pageAt(row);
        if (navigation->isAvailable(page))
            continue;
        const QModelIndex index = navigation->index(row, 0);
        greyed.append(index.data().toString());
        QVERIFY(!index.flags().testFlag(Qt::ItemIsEnabled));
        QVERIFY(index.data(Qt::ToolTipRole).toString().startsWith(u"Not built yet. Planned: "_s));
        // A click does nothing, the keyboard shortcut does nothing, the View menu entry is greyed.
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualRect(index).center());
        QCOMPARE(window.currentPage(), Page::Health);
        QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + row), Qt::ControlModifier);
        QCOMPARE(window.currentPage(), Page::Health);
        bool menuEntryFound = false;
        for (QAction* action : window.menuBar()->findChildren<QAction*>()) {
            if (action->text() == index.data().toString()) {
                menuEntryFound = true;
                QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            }
        }
        QVERIFY2(menuEntryFound, qPrintable(index.data().toString()));
    }
    QCOMPARE(greyed, QStringList());
    QVERIFY(!Screenshots::save(sidebar, u"sidebar"_s).isEmpty());
}

void TestMainWindow::firstRunLoadsSampleTelemetryAndTheFirstQueryReturnsRows()
{
    // A newcomer's first run: a fresh managed server (schema installed, no data), the Health
    // page's "Load sample telemetry", then the Query page's first statement as it opens.
    QTemporaryDir directory;
    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    ClickHouseProbe probe;
    probe.follow(&server);
    TelemetryTablesProbe tables;
    tables.follow(&probe);
    SampleTelemetryLoader loader;
    MainWindow window({ &server, &probe, &tables, &loader });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.isRunning(), 90000);
    QVERIFY2(server.schemaError().isEmpty(), qPrintable(server.schemaError()));
    QCOMPARE(window.healthPage()->schemaText(),
        u"telemetry installed (legacy dialect)"_s.replace(u"legacy"_s,
            server.serverInfo().dialect() == ClickHouseServerInfo::Dialect::Modern ? u"modern"_s : u"legacy"_s));

    TelemetryDataTile* tile = window.healthPage()->dataTile();
    QPushButton* load = tile->loadButton();
    QTRY_VERIFY_WITH_TIMEOUT(load->isVisible() && load->isEnabled(), 20000);
    QVERIFY2(tile->summaryText().contains(u"no rows"_s) || tile->summaryText().contains(u": 0 rows"_s),
        qPrintable(tile->summaryText()));
    QVERIFY(!Screenshots::save(&window, u"first-run-empty"_s).isEmpty());

    QSignalSpy finished(&loader, &SampleTelemetryLoader::finished);
    QSignalSpy progressed(&loader, &SampleTelemetryLoader::progressed);
    QTest::mouseClick(load, Qt::LeftButton);
    QVERIFY(loader.isRunning());
    auto* bar = tile->findChild<QProgressBar*>(u"sampleTelemetryProgress"_s);
    QVERIFY(bar && bar->isVisible());
    QVERIFY(finished.wait(120000));
    const auto result = finished.first().first().value<SampleTelemetryLoader::Result>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.spans > 1000 && result.metrics > 100 && result.logs > 100);
    QVERIFY(!progressed.isEmpty());
    QVERIFY2(tile->statusText().startsWith(u"Loaded "_s), qPrintable(tile->statusText()));
    // The tile looks again: the tables hold what was loaded, and the offer is gone.
    QTRY_VERIFY_WITH_TIMEOUT(tables.signalRows() == result.rows(), 20000);
    QTRY_VERIFY(!load->isVisible());
    QVERIFY2(tile->summaryText().contains(u"telemetry.traces: "_s), qPrintable(tile->summaryText()));
    QVERIFY(!Screenshots::save(&window, u"first-run-loaded"_s).isEmpty());

    window.showPage(Page::Query);
    QTRY_VERIFY_WITH_TIMEOUT(window.queryPage()->hasServer(), 20000);
    QueryTab* tab = window.queryPage()->currentTab();
    window.queryPage()->runStatement();
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), QuerySession::State::Finished, 60000);
    // One row per hour of the default time range that has events: six hours of sample.
    const int rows = tab->session()->model()->rowCount();
    QVERIFY2(rows >= 6 && rows <= 7, qPrintable(tab->statusText()));
    QVERIFY(!Screenshots::save(&window, u"first-run-query"_s).isEmpty());
}

void TestMainWindow::schemaThatCannotBeInstalledIsShownOnTheHealthPage()
{
    QTemporaryDir directory;
    QString damage;
    QVERIFY2(ClickHouseFixture::damageSchemaIn(directory.path(), &damage), qPrintable(damage));
    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    ClickHouseProbe probe;
    probe.follow(&server);
    MainWindow window({ &server, &probe });
    window.show();
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.isRunning(), 90000);
    HealthPage* health = window.healthPage();
    QCOMPARE(health->schemaText(), u"not installed in telemetry; the server's message is below"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.clickHouseStatusText().contains(u"reachable"_s), 20000); // it runs on
    QVERIFY2(health->serverLogText().contains(u"duration_ms"_s), qPrintable(health->serverLogText()));
    QVERIFY(!Screenshots::save(&window, u"health-schema-failed"_s).isEmpty());
}

void TestMainWindow::aboutBoxShowsTheVersions()
{
    ClickHouseProbe probe;
    probe.setEndpoint(m_fixture.endpoint());
    MainWindow window({ &m_fixture.server(), &probe });
    window.show();
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.hasSample() && probe.lastSample().reachable, 10000);
    window.showAbout();
    auto* about = window.findChild<AboutDialog*>(u"aboutDialog"_s);
    QVERIFY(about);
    QVERIFY(QTest::qWaitForWindowExposed(about));
    QCOMPARE(about->versionText(),
        u"Version %1"_s.arg(
            QCoreApplication::applicationVersion().isEmpty() ? u"0.1.0"_s : QCoreApplication::applicationVersion()));
    const QList<QLabel*> labels = about->findChildren<QLabel*>();
    const bool mentionsServer = std::any_of(labels.begin(), labels.end(), [this](const QLabel* label) {
        return label->text().contains(u"ClickHouse server: "_s + m_fixture.server().serverVersion());
    });
    QVERIFY(mentionsServer);
    QVERIFY(!Screenshots::save(about, u"about-dialog"_s).isEmpty());
    about->close();
}

void TestMainWindow::stoppingTheServerIsShown()
{
    QTemporaryDir directory;
    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    ClickHouseProbe probe;
    probe.follow(&server);
    MainWindow window({ &server, &probe });
    window.show();
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.clickHouseStatusText().contains(u"reachable"_s), 60000);
    HealthPage* health = window.healthPage();
    QVERIFY(health->clickHouseStateText().contains(u"reachable"_s));

    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(window.clickHouseStatusText().contains(u"the managed server is stopped"_s), 20000);
    // It shut down by itself on SIGTERM; the probe let go of its connection instead of keeping
    // the server busy until the kill timer.
    QFile log(directory.filePath(u"log/clickhouse-server.log"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("shutting down"));
    QVERIFY(!Screenshots::save(&window, u"mainwindow-stopped"_s).isEmpty());
}

void TestMainWindow::missingServerSaysHowToInstallAndTheWindowStillOpens()
{
    QTemporaryDir directory;
    LocalClickHouse::Options options;
    options.dataDirectory = directory.path();
    options.serverBinary = directory.filePath(u"no/clickhouse-server"_s);
    LocalClickHouse server(options);
    ClickHouseProbe probe;
    MainWindow window({ &server, &probe });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    server.start();
    QVERIFY2(window.clickHouseStatusText().contains(u"sudo apt-get install clickhouse-server"_s),
        qPrintable(window.clickHouseStatusText()));
    QVERIFY2(window.healthPage()->serverLogText().contains(u"AUTOMAGIK_WORKBENCH_CLICKHOUSE_SERVER"_s),
        qPrintable(window.healthPage()->serverLogText()));
    QVERIFY(!Screenshots::save(&window, u"mainwindow-server-missing"_s).isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
