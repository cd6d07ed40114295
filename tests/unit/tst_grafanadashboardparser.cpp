#include "query/grafanadashboardparser.h"
#include "query/grafanagridlayout.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray upstream(const QString& name)
{
    QFile file(QStringLiteral(WORKBENCH_DASHBOARDS_DIR) + u'/' + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

GrafanaDashboard parsed(const QByteArray& json)
{
    const GrafanaDashboardParser::Result result = GrafanaDashboardParser::parse(json);
    if (!result.ok())
        qFatal("%s", qPrintable(result.error));
    return result.dashboard;
}

const GrafanaPanel* panelTitled(const GrafanaDashboard& dashboard, const QString& title)
{
    for (const GrafanaPanel& panel : dashboard.panels) {
        if (panel.title == title)
            return &panel;
    }
    return nullptr;
}
} // namespace

/// Grafana dashboards as the workbench reads them: the four upstream ones unchanged, the
/// wrappers of newer exports, what is refused (with why) and what is kept as a problem on the
/// panel concerned; and the grid Grafana lays them out on.
class TestGrafanaDashboardParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upstreamDashboards_data();
    void upstreamDashboards();
    void upstreamPanelDetails();
    void refused_data();
    void refused();
    void wrappersAreUnwrapped();
    void problemsStayOnTheirPanel();
    void rowsAndTheirPanels();
    void variables();
    void targetFormats();
    void gridArithmetic();
    void gravityAndOverlaps();
    void collapsedRowsCloseUp();
    void upstreamLayoutsFollowGridPos();
};

void TestGrafanaDashboardParser::upstreamDashboards_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("panels");
    QTest::newRow("logs") << u"logs-dashboard"_s << u"automagik-logs"_s << u"Automagik Logs"_s << 8;
    QTest::newRow("metrics") << u"metrics-dashboard"_s << u"automagik-metrics"_s << u"Automagik Metrics"_s << 8;
    QTest::newRow("overview") << u"telemetry-overview"_s << u"automagik-telemetry-overview"_s
                              << u"Automagik Telemetry Overview"_s << 5;
    QTest::newRow("traces") << u"traces-dashboard"_s << u"automagik-traces"_s << u"Automagik Traces"_s << 7;
}

void TestGrafanaDashboardParser::upstreamDashboards()
{
    QFETCH(QString, file);
    QFETCH(QString, uid);
    QFETCH(QString, title);
    QFETCH(int, panels);
    const GrafanaDashboard dashboard = parsed(upstream(file));
    QCOMPARE(dashboard.uid, uid);
    QCOMPARE(dashboard.title, title);
    QCOMPARE(dashboard.panels.size(), panels);
    QCOMPARE(dashboard.timeFrom, u"now-24h"_s);
    QCOMPARE(dashboard.timeTo, u"now"_s);
    QCOMPARE(dashboard.refresh, u"30s"_s);
    QVERIFY2(dashboard.problems.isEmpty(), qPrintable(dashboard.problems.join(u"; "_s)));
    for (const GrafanaPanel& panel : dashboard.panels) {
        QVERIFY2(panel.problems.isEmpty(), qPrintable(panel.title + u": "_s + panel.problems.join(u"; "_s)));
        QCOMPARE(panel.datasourceType, u"grafana-clickhouse-datasource"_s);
        QCOMPARE(panel.targets.size(), 1);
        QVERIFY2(panel.targets.first().rawSql.contains(u"SELECT"_s, Qt::CaseInsensitive), qPrintable(panel.title));
        QCOMPARE(panel.row, -1);
    }
}

void TestGrafanaDashboardParser::upstreamPanelDetails()
{
    const GrafanaDashboard logs = parsed(upstream(u"logs-dashboard"_s));
    const GrafanaPanel* errors = panelTitled(logs, u"Errors (1h)"_s);
    QVERIFY(errors);
    QCOMPARE(errors->type, u"stat"_s);
    QCOMPARE(errors->gridPos.x, 6);
    QCOMPARE(errors->gridPos.w, 6);
    QCOMPARE(errors->gridPos.h, 4);
    QCOMPARE(errors->defaults.unit, u"short"_s);
    QCOMPARE(errors->calcs, QStringList { u"lastNotNull"_s });
    QCOMPARE(errors->defaults.thresholds.size(), 2);
    QCOMPARE(errors->defaults.thresholds.at(0).color, u"green"_s);
    QVERIFY(!errors->defaults.thresholds.at(0).value.has_value());
    QCOMPARE(errors->defaults.thresholds.at(1).color, u"red"_s);
    QCOMPARE(errors->defaults.thresholds.at(1).value.value_or(-1), 1.0);
    QCOMPARE(errors->targets.first().format, GrafanaTarget::Format::Table);
    const GrafanaPanel* overTime = panelTitled(logs, u"Logs Over Time by Severity"_s);
    QVERIFY(overTime);
    QCOMPARE(overTime->targets.first().format, GrafanaTarget::Format::TimeSeries);

    const GrafanaDashboard traces = parsed(upstream(u"traces-dashboard"_s));
    const GrafanaPanel* duration = panelTitled(traces, u"Avg Duration (1h)"_s);
    QVERIFY(duration);
    QCOMPARE(duration->defaults.unit, u"ms"_s);
    const GrafanaDashboard overview = parsed(upstream(u"telemetry-overview"_s));
    QCOMPARE(overview.timezone, u"browser"_s);
    const GrafanaPanel* projects = panelTitled(overview, u"Events by Project"_s);
    QVERIFY(projects);
    QCOMPARE(projects->type, u"barchart"_s);
    QCOMPARE(projects->targets.first().format, GrafanaTarget::Format::Table); // no format: a table
}

void TestGrafanaDashboardParser::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON") << QByteArray("{\n  \"title\": \"x\",\n  \"panels\": [ }\n}") << u"line 3, column"_s;
    QTest::newRow("empty file") << QByteArray() << u"not valid JSON at line 1, column 1"_s;
    QTest::newRow("an array") << QByteArray("[1, 2]") << u"a dashboard is a JSON object; this is a JSON array"_s;
    QTest::newRow("v2 resource") << QByteArray(R"({"apiVersion": "dashboard.grafana.app/v2beta1", "kind": "Dashboard",
        "spec": {"title": "x", "elements": {}}})")
                                 << u"dashboard.grafana.app/v2beta1 resource model"_s;
    QTest::newRow("rows layout") << QByteArray(R"({"title": "old", "schemaVersion": 14, "rows": [{"panels": []}]})")
                                 << u"schema version 14 lays panels out in rows"_s;
}

void TestGrafanaDashboardParser::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    const GrafanaDashboardParser::Result result = GrafanaDashboardParser::parse(json);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(says), qPrintable(result.error));
}

void TestGrafanaDashboardParser::wrappersAreUnwrapped()
{
    const QByteArray classic = upstream(u"traces-dashboard"_s);
    const GrafanaDashboard v1 = parsed(R"({"apiVersion": "dashboard.grafana.app/v1beta1", "kind": "Dashboard",
        "metadata": {"name": "x"}, "spec": )"
        + classic + "}");
    QCOMPARE(v1.uid, u"automagik-traces"_s);
    QCOMPARE(v1.panels.size(), 7);
    const GrafanaDashboard api = parsed(R"({"meta": {"slug": "x"}, "dashboard": )" + classic + "}");
    QCOMPARE(api.title, u"Automagik Traces"_s);
    QCOMPARE(api.panels.size(), 7);
}

void TestGrafanaDashboardParser::problemsStayOnTheirPanel()
{
    const GrafanaDashboard dashboard = parsed(R"({"title": "mixed", "panels": [
        {"id": 1, "type": "timeseries", "title": "cpu", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
         "datasource": {"type": "prometheus", "uid": "prom"}, "targets": [{"refId": "A", "expr": "up"}]},
        {"id": 2, "type": "stat", "title": "rows", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
         "datasource": {"type": "grafana-clickhouse-datasource", "uid": "${datasource}"},
         "targets": [{"refId": "A", "rawSql": "SELECT 1", "format": 1}]},
        {"id": 3, "type": "stat", "title": "no position", "targets": [{"refId": "A", "rawSql": "SELECT 2"}]},
        {"id": 4, "title": "no type", "gridPos": {"x": 0, "y": 16, "w": 40, "h": 2}},
        {"id": 5, "type": "table", "title": "by name", "datasource": "ClickHouse", "gridPos": {"x": 0, "y": 20, "w": 6, "h": 2},
         "targets": [{"refId": "A", "rawSql": "SELECT 3"}, {"refId": "B", "rawSql": ""},
                     {"refId": "C", "datasource": {"type": "loki", "uid": "l"}, "expr": "{}"}]}
    ]})");
    QCOMPARE(dashboard.panels.size(), 5);
    QCOMPARE(dashboard.panels[0].problems.size(), 2); // not ClickHouse, and its target has no SQL
    QVERIFY2(dashboard.panels[0].problems.first().contains(u"'prom' (prometheus), which is not ClickHouse"_s),
        qPrintable(dashboard.panels[0].problems.first()));
    QVERIFY(dashboard.panels[1].problems.isEmpty());
    QCOMPARE(dashboard.panels[2].problems.size(), 1);
    QVERIFY(dashboard.panels[2].problems.first().contains(u"no gridPos"_s));
    QCOMPARE(dashboard.panels[2].gridPos.w, 12);
    QVERIFY(dashboard.panels[3].problems.contains(u"the panel has no type"_s));
    QCOMPARE(dashboard.panels[3].gridPos.w, 24); // clamped to the grid
    QCOMPARE(dashboard.panels[3].gridPos.x, 0);
    const QStringList fifth = dashboard.panels[4].problems;
    QCOMPARE(fifth.size(), 3);
    QVERIFY2(fifth.at(0).contains(u"query B has no SQL"_s), qPrintable(fifth.join(u"; "_s)));
    QVERIFY2(fifth.at(1).contains(u"query C uses the data source 'l' (loki)"_s), qPrintable(fifth.join(u"; "_s)));
}

void TestGrafanaDashboardParser::rowsAndTheirPanels()
{
    const GrafanaDashboard dashboard = parsed(R"({"title": "rows", "panels": [
        {"id": 1, "type": "stat", "title": "top", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 4}, "targets": []},
        {"id": 2, "type": "row", "title": "open", "collapsed": false, "gridPos": {"x": 0, "y": 4, "w": 24, "h": 1}, "panels": []},
        {"id": 3, "type": "stat", "title": "in open", "gridPos": {"x": 0, "y": 5, "w": 12, "h": 4}, "targets": []},
        {"id": 4, "type": "row", "title": "closed", "collapsed": true, "gridPos": {"x": 0, "y": 9, "w": 24, "h": 1},
         "panels": [{"id": 5, "type": "table", "title": "in closed", "gridPos": {"x": 0, "y": 10, "w": 24, "h": 8}, "targets": []}]},
        {"id": 6, "type": "row", "title": "last", "gridPos": {"x": 0, "y": 18, "w": 24, "h": 1}, "panels": []}
    ]})");
    QStringList titles;
    for (const GrafanaPanel& panel : dashboard.panels)
        titles.append(panel.title);
    QCOMPARE(titles, (QStringList { u"top"_s, u"open"_s, u"in open"_s, u"closed"_s, u"in closed"_s, u"last"_s }));
    QCOMPARE(dashboard.panels[0].row, -1);
    QCOMPARE(dashboard.panels[2].row, 1);
    QVERIFY(dashboard.panels[3].collapsed);
    QCOMPARE(dashboard.panels[4].row, 3);
    QVERIFY(dashboard.panels[1].isRow());
}

void TestGrafanaDashboardParser::variables()
{
    const GrafanaDashboard dashboard = parsed(R"({"title": "vars", "panels": [], "templating": {"list": [
        {"name": "service", "type": "query", "multi": true, "includeAll": true, "allValue": "'%'", "refresh": 2,
         "query": {"editorType": "sql", "rawSql": "SELECT DISTINCT service_name FROM telemetry.traces"},
         "current": {"text": ["a", "b"], "value": ["a", "b"]}},
        {"name": "env", "type": "custom", "query": "prod,staging", "current": {"text": "prod", "value": "prod"},
         "options": [{"text": "prod", "value": "prod", "selected": true}, {"text": "staging", "value": "staging"}]},
        {"name": "db", "type": "constant", "query": "telemetry", "hide": 2},
        {"name": "limit", "type": "textbox", "query": 10},
        {"name": "filters", "type": "adhoc"},
        {"name": "weird", "type": "something"},
        {"type": "custom"}
    ]}})");
    QCOMPARE(dashboard.variables.size(), 7);
    const GrafanaVariable& service = dashboard.variables[0];
    QCOMPARE(service.query, u"SELECT DISTINCT service_name FROM telemetry.traces"_s);
    QVERIFY(service.multi);
    QVERIFY(service.includeAll);
    QCOMPARE(service.allValue, u"'%'"_s);
    QCOMPARE(service.current, (QStringList { u"a"_s, u"b"_s }));
    QCOMPARE(service.refresh, 2);
    QCOMPARE(dashboard.variables[1].options.size(), 2);
    QCOMPARE(dashboard.variables[1].current, QStringList { u"prod"_s });
    QCOMPARE(dashboard.variables[2].query, u"telemetry"_s);
    QCOMPARE(dashboard.variables[2].hide, 2);
    QCOMPARE(dashboard.variables[3].query, u"10"_s);
    QCOMPARE(dashboard.problems.size(), 3);
    QVERIFY(dashboard.problems.at(0).contains(u"ad-hoc"_s));
    QVERIFY(dashboard.problems.at(1).contains(u"unknown type 'something'"_s));
    QVERIFY(dashboard.problems.at(2).contains(u"without a name"_s));
}

void TestGrafanaDashboardParser::targetFormats()
{
    const GrafanaDashboard dashboard =
        parsed(R"({"title": "formats", "panels": [{"type": "table", "gridPos": {"w": 1, "h": 1},
        "targets": [{"rawSql": "a", "format": 0}, {"rawSql": "b", "format": "time_series"}, {"rawSql": "c", "format": "table"},
                    {"rawSql": "d", "queryType": "logs"}, {"query": "e", "format": 2}, {"rawSql": "f", "format": 9},
                    {"rawSql": "g", "hide": true}]}]})");
    const QList<GrafanaTarget>& targets = dashboard.panels.first().targets;
    QCOMPARE(targets.size(), 7);
    QCOMPARE(targets[0].format, GrafanaTarget::Format::TimeSeries);
    QCOMPARE(targets[1].format, GrafanaTarget::Format::TimeSeries);
    QCOMPARE(targets[2].format, GrafanaTarget::Format::Table);
    QCOMPARE(targets[3].format, GrafanaTarget::Format::Logs);
    QCOMPARE(targets[4].format, GrafanaTarget::Format::Logs);
    QCOMPARE(targets[4].rawSql, u"e"_s); // Altinity's plugin writes "query"
    QCOMPARE(targets[5].format, GrafanaTarget::Format::Multi);
    QVERIFY(targets[6].hidden);
}

void TestGrafanaDashboardParser::gridArithmetic()
{
    // 24 columns of 42 px and 23 gaps of 8 px: 1192 px.
    const QRect rect = GrafanaGridLayout::toPixels({ 6, 4, 6, 8 }, 1192);
    QCOMPARE(rect, QRect(300, 152, 292, 296));
    QCOMPARE(GrafanaGridLayout::toPixels({ 0, 0, 24, 1 }, 1192), QRect(0, 0, 1192, 30));
    QCOMPARE(GrafanaGridLayout::toPixels({ 18, 0, 6, 4 }, 1192).right(), 1191);
}

void TestGrafanaDashboardParser::gravityAndOverlaps()
{
    QList<GrafanaPanel> panels(3);
    panels[0].gridPos = { 0, 5, 12, 4 }; // floats up to 0
    panels[1].gridPos = { 0, 2, 24, 3 }; // floats up to 0 first (it is higher), then panel 0 goes below it
    panels[2].gridPos = { 6, 3, 12, 2 }; // overlaps the first: pushed below both
    const QList<GrafanaGridLayout::Placement> placed = GrafanaGridLayout::place(panels, 1192);
    QCOMPARE(placed.size(), 3);
    QCOMPARE(placed[0].panel, 1);
    QCOMPARE(placed[0].cell.y, 0);
    QCOMPARE(placed[1].panel, 2);
    QCOMPARE(placed[1].cell.y, 3);
    QCOMPARE(placed[2].panel, 0);
    QCOMPARE(placed[2].cell.y, 5);
    QCOMPARE(GrafanaGridLayout::height(placed), 9 * 30 + 8 * 8);
}

void TestGrafanaDashboardParser::collapsedRowsCloseUp()
{
    QList<GrafanaPanel> panels(4);
    panels[0].type = u"row"_s;
    panels[0].collapsed = true;
    panels[0].gridPos = { 0, 0, 24, 1 };
    panels[1].row = 0;
    panels[1].gridPos = { 0, 1, 24, 8 };
    panels[2].type = u"row"_s;
    panels[2].gridPos = { 0, 9, 24, 1 };
    panels[3].row = 2;
    panels[3].gridPos = { 0, 10, 12, 4 };
    const QList<GrafanaGridLayout::Placement> placed = GrafanaGridLayout::place(panels, 1192);
    QCOMPARE(placed.size(), 3); // the closed row's panel is hidden
    QCOMPARE(placed[1].panel, 2);
    QCOMPARE(placed[1].cell.y, 1); // the next row closed up
    QCOMPARE(placed[2].cell.y, 2);
}

void TestGrafanaDashboardParser::upstreamLayoutsFollowGridPos()
{
    for (const QString& file :
        { u"logs-dashboard"_s, u"metrics-dashboard"_s, u"telemetry-overview"_s, u"traces-dashboard"_s }) {
        const GrafanaDashboard dashboard = parsed(upstream(file));
        const QList<GrafanaGridLayout::Placement> placed = GrafanaGridLayout::place(dashboard.panels, 1192);
        QCOMPARE(placed.size(), dashboard.panels.size());
        for (const GrafanaGridLayout::Placement& placement : placed) {
            const GrafanaGridPos& written = dashboard.panels.at(placement.panel).gridPos;
            QVERIFY2(placement.cell.x == written.x && placement.cell.y == written.y && placement.cell.w == written.w
                    && placement.cell.h == written.h,
                qPrintable(file + u": "_s + dashboard.panels.at(placement.panel).title));
            QCOMPARE(placement.rect, GrafanaGridLayout::toPixels(written, 1192));
        }
    }
}

QTEST_GUILESS_MAIN(TestGrafanaDashboardParser)
#include "tst_grafanadashboardparser.moc"
