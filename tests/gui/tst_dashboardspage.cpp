#include "clickhousefixture.h"
#include "dashboard/dashboardpanelview.h"
#include "dashboard/dashboardview.h"
#include "dashboard/piepanel.h"
#include "dashboard/statpanel.h"
#include "dashboard/tablepanel.h"
#include "dashboard/timeseriespanel.h"
#include "pages/dashboardspage.h"
#include "query/grafanagridlayout.h"
#include "query/grafanaunits.h"
#include "screenshots.h"

#include <QComboBox>
#include <QFile>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using PanelState = DashboardSession::PanelState;

namespace {
/// Everything a dashboard can get wrong, one panel each, next to a panel that works.
const QByteArray troubled = R"json({"title": "Troubled", "uid": "troubled", "time": {"from": "now-6h", "to": "now"},
  "panels": [
    {"id": 1, "type": "stat", "title": "works", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT count() AS n FROM telemetry.traces"}]},
    {"id": 2, "type": "heatmap", "title": "unknown type", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT 1"}]},
    {"id": 3, "type": "stat", "title": "bad SQL", "gridPos": {"x": 12, "y": 0, "w": 6, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT count() FROM telemetry.nowhere"}]},
    {"id": 4, "type": "timeseries", "title": "prometheus", "gridPos": {"x": 18, "y": 0, "w": 6, "h": 4},
     "datasource": {"type": "prometheus", "uid": "prom"}, "targets": [{"refId": "A", "expr": "up"}]},
    {"id": 5, "title": "no type, no position", "targets": [{"refId": "A", "rawSql": "SELECT 2"}]}
  ]})json";
/// A closed row with a panel in it, a variable, a refresh that is not one of the usual choices.
const QByteArray interactive = R"json({"title": "Interactive", "uid": "interactive", "refresh": "15s",
  "time": {"from": "now-6h", "to": "now+1h"},
  "templating": {"list": [{"name": "service", "type": "custom", "query": "automagik-omni,automagik-hive",
    "current": {"value": "automagik-omni"}}]},
  "panels": [
    {"id": 1, "type": "stat", "title": "one service", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT count() AS spans FROM telemetry.traces WHERE service_name = '$service'"}]},
    {"id": 2, "type": "table", "title": "by service", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT service_name, count() AS spans FROM telemetry.traces GROUP BY service_name ORDER BY service_name"}]},
    {"id": 3, "type": "row", "title": "More", "collapsed": true, "gridPos": {"x": 0, "y": 4, "w": 24, "h": 1},
     "panels": [{"id": 4, "type": "stat", "title": "in the row", "gridPos": {"x": 0, "y": 5, "w": 24, "h": 4},
       "targets": [{"refId": "A", "rawSql": "SELECT 42 AS answer"}]}]}
  ]})json";
} // namespace

/// The Dashboards page against a real ClickHouse 18.16 with sample telemetry: the four upstream
/// dashboards open unchanged with every panel showing what its SQL gives, laid out as gridPos
/// says; the built-in ClickHouse server dashboard works on 18.16; a dashboard with broken parts
/// still opens with each problem on its own panel; a dragged range zooms and Back returns; the
/// light theme. Screenshots of each in the test output.
class TestDashboardsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void upstreamDashboards_data();
    void upstreamDashboards();
    void clickHouseServerDashboard();
    void problemsStayOnTheirPanels();
    void zoomAndBack();
    void rowsVariablesMenuAndRefresh();
    void lightTheme();

private:
    /// A page on the fixture's server, shown at 1400 x `height`.
    std::unique_ptr<DashboardsPage> shownPage(int height = 1000);
    bool openAndRun(DashboardsPage& page, const QString& uid);
    /// Writes JSON to a file named after UID, imports it into the page's library and runs it.
    bool importAndRun(DashboardsPage& page, const QByteArray& json, const QString& uid);
    QString direct(const QString& sql);

    ClickHouseFixture m_fixture;
    QTemporaryDir m_library;
};

void TestDashboardsPage::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    QString error;
    QVERIFY2(m_fixture.loadSample(3, &error), qPrintable(error));
}

QString TestDashboardsPage::direct(const QString& sql)
{
    return ClickHouseFixture::run(m_fixture.endpoint(), sql).trimmed();
}

bool TestDashboardsPage::importAndRun(DashboardsPage& page, const QByteArray& json, const QString& uid)
{
    QTemporaryDir folder;
    QFile file(folder.filePath(uid + u".json"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.flush()) {
        qWarning("cannot write %s", qPrintable(file.fileName()));
        return false;
    }
    file.close();
    QString error;
    if (!page.library()->import(file.fileName(), &error)) {
        qWarning("import: %s", qPrintable(error));
        return false;
    }
    return openAndRun(page, uid);
}

std::unique_ptr<DashboardsPage> TestDashboardsPage::shownPage(int height)
{
    auto page = std::make_unique<DashboardsPage>(m_library.path());
    page->resize(1400, height);
    page->setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("the page was not exposed");
    return page;
}

bool TestDashboardsPage::openAndRun(DashboardsPage& page, const QString& uid)
{
    QSignalSpy idle(page.session(), &DashboardSession::idle);
    if (!page.open(uid))
        return false;
    return page.session()->isIdle() || idle.wait(60000);
}

void TestDashboardsPage::upstreamDashboards_data()
{
    QTest::addColumn<QString>("uid");
    for (const QString& uid :
        { u"automagik-telemetry-overview"_s, u"automagik-traces"_s, u"automagik-metrics"_s, u"automagik-logs"_s })
        QTest::newRow(qPrintable(uid)) << uid;
}

void TestDashboardsPage::upstreamDashboards()
{
    QFETCH(QString, uid);
    const std::unique_ptr<DashboardsPage> shown = shownPage(1000);
    DashboardsPage& page = *shown;
    QVERIFY(openAndRun(page, uid));
    DashboardSession* session = page.session();
    QCOMPARE(session->dashboard().uid, uid);
    const int width = page.view()->width() - 2 * GrafanaGridLayout::margin;
    for (DashboardPanelView* view : page.view()->panelViews()) {
        const int index = view->panel();
        const GrafanaPanel& panel = session->dashboard().panels.at(index);
        QVERIFY2(
            session->panelState(index) == PanelState::Done, qPrintable(panel.title + u": "_s + view->messageText()));
        QVERIFY2(view->messageText().isEmpty(), qPrintable(panel.title + u": "_s + view->messageText()));
        // Where gridPos puts it, at this width.
        QCOMPARE(view->geometry(),
            GrafanaGridLayout::toPixels(panel.gridPos, width)
                .translated(GrafanaGridLayout::margin, GrafanaGridLayout::margin));
        const QString sent = session->panelSentSql(index).first();
        const QString rows = direct(u"SELECT count() FROM ("_s + sent + u")"_s);
        if (auto* stat = qobject_cast<StatPanel*>(view->content())) {
            const QString expected =
                GrafanaUnits::format(direct(sent).toDouble(), panel.defaults.unit, panel.defaults.decimals);
            QCOMPARE(stat->valueTexts(), QStringList { expected });
        } else if (auto* series = qobject_cast<TimeSeriesPanel*>(view->content())) {
            QVERIFY2(!series->seriesNames().isEmpty() && series->pointCount() > 0, qPrintable(panel.title));
        } else if (auto* pie = qobject_cast<PiePanel*>(view->content())) {
            QCOMPARE(QString::number(pie->slices().size()), rows);
        } else if (auto* table = qobject_cast<TablePanel*>(view->content())) {
            QCOMPARE(QString::number(table->view()->model()->rowCount()), rows);
        }
    }
    QVERIFY(!Screenshots::save(&page, u"dashboard-"_s + uid).isEmpty());
}

void TestDashboardsPage::clickHouseServerDashboard()
{
    const std::unique_ptr<DashboardsPage> shown = shownPage(1000);
    DashboardsPage& page = *shown;
    QVERIFY(openAndRun(page, u"workbench-clickhouse-server"_s));
    for (int index = 0; index < page.session()->panelCount(); ++index)
        QVERIFY2(page.session()->panelState(index) == PanelState::Done,
            qPrintable(
                page.session()->dashboard().panels.at(index).title + u": "_s + page.session()->panelMessage(index)));
    QVERIFY(!Screenshots::save(&page, u"dashboard-clickhouse-server"_s).isEmpty());
}

void TestDashboardsPage::problemsStayOnTheirPanels()
{
    const std::unique_ptr<DashboardsPage> shown = shownPage(800);
    DashboardsPage& page = *shown;
    QVERIFY(importAndRun(page, troubled, u"troubled"_s));
    QTemporaryDir folder;
    QString error;
    const QList<DashboardPanelView*>& views = page.view()->panelViews();
    QCOMPARE(views.size(), 5);
    QVERIFY(views[0]->messageText().isEmpty());
    QCOMPARE(page.session()->panelState(0), PanelState::Done);
    QVERIFY2(
        views[1]->messageText().contains(u"Unsupported panel type \"heatmap\""_s), qPrintable(views[1]->messageText()));
    QVERIFY2(views[2]->messageText().contains(u"nowhere"_s), qPrintable(views[2]->messageText()));
    QVERIFY2(views[3]->messageText().contains(u"not ClickHouse"_s), qPrintable(views[3]->messageText()));
    QVERIFY2(views[4]->messageText().contains(u"no type"_s), qPrintable(views[4]->messageText()));
    QVERIFY(views[4]->isVisible()); // placed where a panel without gridPos goes
    QVERIFY(!Screenshots::save(&page, u"dashboard-troubled"_s).isEmpty());

    // Not a dashboard: refused at import, with where it is wrong.
    QFile broken(folder.filePath(u"broken.json"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"title\": \"x\",\n \"panels\": [ }");
    broken.close();
    QVERIFY(!page.library()->import(broken.fileName(), &error));
    QVERIFY2(error.contains(u"line 2, column"_s), qPrintable(error));
    QVERIFY(page.library()->remove(u"troubled"_s, &error));
}

void TestDashboardsPage::zoomAndBack()
{
    const std::unique_ptr<DashboardsPage> shown = shownPage(1000);
    DashboardsPage& page = *shown;
    QVERIFY(openAndRun(page, u"automagik-telemetry-overview"_s));
    DashboardView* view = page.view();
    // Drag across the middle of "Events Over Time" (panel 4).
    DashboardPanelView* panel = nullptr;
    for (DashboardPanelView* candidate : view->panelViews()) {
        if (qobject_cast<TimeSeriesPanel*>(candidate->content()))
            panel = candidate;
    }
    QVERIFY(panel);
    QWidget* chart = panel->content();
    const int y = chart->height() / 2;
    QTest::mousePress(chart, Qt::LeftButton, {}, QPoint(chart->width() / 3, y));
    QTest::mouseMove(chart, QPoint(chart->width() * 2 / 3, y));
    QTest::mouseRelease(chart, Qt::LeftButton, {}, QPoint(chart->width() * 2 / 3, y));
    bool isNumber = false;
    page.session()->timeFrom().toLongLong(&isNumber);
    QVERIFY2(isNumber, qPrintable(page.session()->timeFrom())); // an absolute range now
    const qint64 span = page.session()->rangeToMs() - page.session()->rangeFromMs();
    QVERIFY2(span > 6 * 3'600'000 && span < 10 * 3'600'000, qPrintable(QString::number(span))); // a third of 24 h
    page.zoomBack();
    QCOMPARE(page.session()->timeFrom(), u"now-24h"_s);
    QCOMPARE(page.session()->timeTo(), u"now"_s);
}

void TestDashboardsPage::rowsVariablesMenuAndRefresh()
{
    const std::unique_ptr<DashboardsPage> shown = shownPage(800);
    DashboardsPage& page = *shown;
    QVERIFY(importAndRun(page, interactive, u"interactive"_s));
    QTemporaryDir folder;
    QString error;
    DashboardSession* session = page.session();
    // The dashboard's own refresh, though 15 s is not one of the usual choices.
    QCOMPARE(page.autoRefreshSeconds(), 15);
    page.setAutoRefreshSeconds(0);

    // The closed row's panel is hidden and has not run; a click on the row opens it and runs it.
    DashboardPanelView* row = page.view()->panelView(2);
    DashboardPanelView* inRow = page.view()->panelView(3);
    QVERIFY(row->isVisible());
    QVERIFY(!inRow->isVisible());
    QCOMPARE(session->panelState(3), PanelState::Hidden);
    QCOMPARE(session->panelRuns(3), 0);
    QTest::mouseClick(row, Qt::LeftButton);
    QVERIFY(inRow->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(session->panelState(3), PanelState::Done, 30000);
    QCOMPARE(qobject_cast<StatPanel*>(inRow->content())->valueTexts(), QStringList { u"42"_s });
    QTest::mouseClick(row, Qt::LeftButton);
    QVERIFY(!inRow->isVisible());

    // The variable's drop-down runs again only the panel that uses it.
    auto* combo = page.findChild<QComboBox*>(u"variable-service"_s);
    QVERIFY(combo && combo->isVisible());
    QCOMPARE(combo->currentText(), u"automagik-omni"_s);
    const int tableRuns = session->panelRuns(1);
    combo->setCurrentIndex(combo->findText(u"automagik-hive"_s));
    Q_EMIT combo->activated(combo->currentIndex());
    QTRY_VERIFY_WITH_TIMEOUT(session->panelRuns(0) == 2 && session->isIdle(), 30000);
    QCOMPARE(session->panelRuns(1), tableRuns);
    const QString hive = direct(u"SELECT count() FROM telemetry.traces WHERE service_name = 'automagik-hive'"_s);
    QCOMPARE(qobject_cast<StatPanel*>(page.view()->panelView(0)->content())->valueTexts(),
        QStringList { GrafanaUnits::format(hive.toDouble(), QString()) });

    // The menu's CSV: the rows as the panel has them.
    const QString csv = folder.filePath(u"rows.csv"_s);
    QVERIFY2(page.view()->panelView(1)->saveCsv(csv, &error), qPrintable(error));
    QFile written(csv);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(written.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), u"service_name,spans"_s);
    QCOMPARE(QString::number(lines.size() - 1), direct(u"SELECT uniqExact(service_name) FROM telemetry.traces"_s));

    // Full screen: that panel alone, Escape returns.
    page.view()->setFullScreenPanel(1);
    QVERIFY(page.view()->panelView(1)->isVisible());
    QVERIFY(!page.view()->panelView(0)->isVisible());
    QVERIFY(page.view()->panelView(1)->width() > 1000);
    QTest::keyClick(page.view(), Qt::Key_Escape);
    QCOMPARE(page.view()->fullScreenPanel(), -1);
    QVERIFY(page.view()->panelView(0)->isVisible());
    QVERIFY(!Screenshots::save(&page, u"dashboard-interactive"_s).isEmpty());
    QVERIFY(page.library()->remove(u"interactive"_s, &error));
}

void TestDashboardsPage::lightTheme()
{
    const std::unique_ptr<DashboardsPage> shown = shownPage(1000);
    DashboardsPage& page = *shown;
    QVERIFY(openAndRun(page, u"automagik-logs"_s));
    page.setDarkTheme(false);
    QCOMPARE(page.view()->theme().dark, false);
    QCOMPARE(page.view()->palette().color(QPalette::Window), PanelTheme::lightTheme().page);
    QVERIFY(!Screenshots::save(&page, u"dashboard-automagik-logs-light"_s).isEmpty());
}

QTEST_MAIN(TestDashboardsPage)
#include "tst_dashboardspage.moc"
