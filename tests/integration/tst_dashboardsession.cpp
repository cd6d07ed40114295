#include "clickhouse/clickhousetsv.h"
#include "clickhousefixture.h"
#include "dashboardsession.h"
#include "panelfields.h"
#include "query/grafanadashboardparser.h"
#include "query/querypreparation.h"
#include "queryresultmodel.h"

#include <QFile>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

using namespace Qt::StringLiterals;
using PanelState = DashboardSession::PanelState;

namespace {
GrafanaDashboard dashboardFrom(const QByteArray& json)
{
    const GrafanaDashboardParser::Result result = GrafanaDashboardParser::parse(json);
    if (!result.ok())
        qFatal("%s", qPrintable(result.error));
    return result.dashboard;
}

/// A cell as both sides can agree on it: numbers to 9 significant digits (the panel reads them
/// from JSON, the direct run from TSV), text as it is.
QString normalised(const QString& cell)
{
    bool isNumber = false;
    const double number = cell.toDouble(&isNumber);
    return isNumber ? QString::number(number, 'g', 9) : cell;
}

QByteArray upstream(const QString& name)
{
    QFile file(QStringLiteral(WORKBENCH_DASHBOARDS_DIR) + u'/' + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// Two stats over the sample traces: one with the range macro and one with a variable.
const QByteArray ownDashboard = R"json({"title": "own", "time": {"from": "now-3h", "to": "now+1h"},
  "templating": {"list": [
    {"name": "service", "type": "custom", "query": "automagik-omni,automagik-hive", "current": {"value": "automagik-omni"}},
    {"name": "services", "type": "query", "multi": true, "includeAll": true, "refresh": 1,
     "query": {"rawSql": "SELECT DISTINCT service_name FROM telemetry.traces ORDER BY service_name"},
     "current": {"value": "$__all"}}
  ]},
  "panels": [
    {"id": 1, "type": "stat", "title": "in range", "gridPos": {"x": 0, "y": 0, "w": 8, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT count() FROM telemetry.traces WHERE $__timeFilter(timestamp)"}]},
    {"id": 2, "type": "stat", "title": "one service", "gridPos": {"x": 8, "y": 0, "w": 8, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT count() FROM telemetry.traces WHERE service_name = '$service'"}]},
    {"id": 3, "type": "stat", "title": "chosen services", "gridPos": {"x": 16, "y": 0, "w": 8, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT count() FROM telemetry.traces WHERE service_name IN (${services:singlequote})"}]},
    {"id": 4, "type": "stat", "title": "broken", "gridPos": {"x": 0, "y": 4, "w": 8, "h": 4},
     "targets": [{"refId": "A", "rawSql": "SELECT count() FROM telemetry.no_such_table"}]},
    {"id": 5, "type": "timeseries", "title": "prometheus", "gridPos": {"x": 8, "y": 4, "w": 8, "h": 4},
     "datasource": {"type": "prometheus", "uid": "p"}, "targets": [{"refId": "A", "expr": "up"}]},
    {"id": 6, "type": "text", "title": "note", "gridPos": {"x": 16, "y": 4, "w": 8, "h": 4}, "options": {"content": "hi"}}
  ]})json";
} // namespace

/// A dashboard's panels against a real ClickHouse 18.16 with sample telemetry: the upstream
/// dashboards show the numbers their SQL gives when run directly, every panel with data; a
/// change of range or variable runs again only what uses it; a broken panel or one of another
/// data source stays on its own panel.
class TestDashboardSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void upstreamDashboardsShowWhatTheirSqlGives_data();
    void upstreamDashboardsShowWhatTheirSqlGives();
    void onlyWhatUsesAChangeRunsAgain();
    void problemsStayOnTheirPanels();

private:
    void runToIdle(DashboardSession& session);
    QString direct(const QString& sql);

    ClickHouseFixture m_fixture;
};

void TestDashboardSession::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    QString error;
    QVERIFY2(m_fixture.loadSample(2, &error), qPrintable(error));
}

QString TestDashboardSession::direct(const QString& sql)
{
    bool ok = false;
    const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok).trimmed();
    if (!ok)
        qWarning("direct SQL failed: %s", qPrintable(answer));
    return answer;
}

void TestDashboardSession::runToIdle(DashboardSession& session)
{
    QSignalSpy idle(&session, &DashboardSession::idle);
    session.refresh();
    QVERIFY(idle.wait(60000));
    QVERIFY(session.isIdle());
}

void TestDashboardSession::upstreamDashboardsShowWhatTheirSqlGives_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file :
        { u"logs-dashboard"_s, u"metrics-dashboard"_s, u"telemetry-overview"_s, u"traces-dashboard"_s })
        QTest::newRow(qPrintable(file)) << file;
}

void TestDashboardSession::upstreamDashboardsShowWhatTheirSqlGives()
{
    QFETCH(QString, file);
    DashboardSession session;
    session.setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    session.setDashboard(dashboardFrom(upstream(file)));
    runToIdle(session);
    for (int index = 0; index < session.panelCount(); ++index) {
        const GrafanaPanel& panel = session.dashboard().panels.at(index);
        const QString what = file + u": "_s + panel.title;
        QVERIFY2(
            session.panelState(index) == PanelState::Done, qPrintable(what + u": "_s + session.panelMessage(index)));
        const QList<const QueryResultModel*> results = session.panelResults(index);
        QCOMPARE(results.size(), 1);
        QVERIFY2(results.first()->rowCount() > 0, qPrintable(what + u" has no rows"_s));
        // The same SQL, expanded the same way, run directly: the same rows.
        const QString sent = session.panelSentSql(index).first();
        const QString rows = direct(u"SELECT count() FROM ("_s + sent + u")"_s);
        QCOMPARE(QString::number(results.first()->rowCount()), rows);
        if (panel.type == u"stat"_s) {
            const QList<PanelFields::Field> fields = PanelFields::reduce(results, panel.calcs);
            QCOMPARE(fields.size(), 1);
            QVERIFY(fields.first().value);
            const double expected = direct(sent).toDouble();
            QVERIFY2(qAbs(*fields.first().value - expected) <= 1e-9 * qMax(1.0, qAbs(expected)),
                qPrintable(u"%1: the panel says %2, the SQL %3"_s.arg(what).arg(*fields.first().value).arg(expected)));
        } else if (panel.type == u"table"_s) {
            // Every row, cell by cell, as the SQL gives them (as sets: rows that tie in the ORDER BY
            // may come in another order in a second run).
            QStringList shown;
            const QueryResultModel& model = *results.first();
            for (int row = 0; row < model.rowCount(); ++row) {
                QStringList cells;
                for (int column = 0; column < model.columnCount(); ++column)
                    cells.append(normalised(QueryResultModel::text(model.value(row, column))));
                shown.append(cells.join(u'\t'));
            }
            QStringList expected;
            for (const QString& line : direct(sent).split(u'\n', Qt::SkipEmptyParts)) {
                QStringList cells;
                for (const QString& cell : line.split(u'\t')) {
                    const QString value = ClickHouseTsv::unescape(cell); // null for \N
                    cells.append(normalised(value.isNull() ? u"NULL"_s : value));
                }
                expected.append(cells.join(u'\t'));
            }
            shown.sort();
            expected.sort();
            QCOMPARE(shown, expected);
        }
    }
}

void TestDashboardSession::onlyWhatUsesAChangeRunsAgain()
{
    DashboardSession session;
    session.setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    session.setDashboard(dashboardFrom(ownDashboard));
    runToIdle(session);
    QCOMPARE(session.panelRuns(0), 1);
    QCOMPARE(session.panelRuns(1), 1);
    QCOMPARE(session.panelRuns(2), 1);
    const auto stat = [&](int panel) {
        const QList<PanelFields::Field> fields = PanelFields::reduce(session.panelResults(panel), {});
        return fields.isEmpty() || !fields.first().value ? -1.0 : *fields.first().value;
    };
    QCOMPARE(stat(0), direct(u"SELECT count() FROM telemetry.traces"_s).toDouble());
    QCOMPARE(
        stat(1), direct(u"SELECT count() FROM telemetry.traces WHERE service_name = 'automagik-omni'"_s).toDouble());
    QCOMPARE(stat(2), direct(u"SELECT count() FROM telemetry.traces"_s).toDouble()); // All
    QVERIFY(session.variables().at(1).options.size() >= 5); // from its query

    // The range: only the panel with $__timeFilter.
    QSignalSpy idle(&session, &DashboardSession::idle);
    QVERIFY(session.setTimeRange(u"now-30d"_s, u"now-20d"_s));
    QVERIFY(idle.wait(30000));
    QCOMPARE(session.panelRuns(0), 2);
    QCOMPARE(session.panelRuns(1), 1);
    QCOMPARE(session.panelRuns(2), 1);
    QCOMPARE(stat(0), 0.0);

    // A variable: only the panel that uses it.
    session.setVariable(u"service"_s, { u"automagik-hive"_s });
    QVERIFY(idle.wait(30000));
    QCOMPARE(session.panelRuns(0), 2);
    QCOMPARE(session.panelRuns(1), 2);
    QCOMPARE(session.panelRuns(2), 1);
    QCOMPARE(
        stat(1), direct(u"SELECT count() FROM telemetry.traces WHERE service_name = 'automagik-hive'"_s).toDouble());
    session.setVariable(u"services"_s, { u"automagik-omni"_s, u"automagik-tools"_s });
    QVERIFY(idle.wait(30000));
    QCOMPARE(session.panelRuns(2), 2);
    QCOMPARE(stat(2),
        direct(u"SELECT count() FROM telemetry.traces WHERE service_name IN ('automagik-omni', 'automagik-tools')"_s)
            .toDouble());

    QString error;
    QVERIFY(!session.setTimeRange(u"soon"_s, u"now"_s, &error));
    QVERIFY2(error.contains(u"'soon' is not a time"_s), qPrintable(error));
    QCOMPARE(session.panelRuns(0), 2);
}

void TestDashboardSession::problemsStayOnTheirPanels()
{
    DashboardSession session;
    session.setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    session.setDashboard(dashboardFrom(ownDashboard));
    runToIdle(session);
    QCOMPARE(session.panelState(0), PanelState::Done);
    QCOMPARE(session.panelState(3), PanelState::Failed);
    QVERIFY2(session.panelMessage(3).contains(u"no_such_table"_s), qPrintable(session.panelMessage(3)));
    QCOMPARE(session.panelState(4), PanelState::NotRun);
    QVERIFY2(session.panelMessage(4).contains(u"not ClickHouse"_s), qPrintable(session.panelMessage(4)));
    QCOMPARE(session.panelRuns(4), 0);
    QCOMPARE(session.panelState(5), PanelState::Static);
}

QTEST_GUILESS_MAIN(TestDashboardSession)
#include "tst_dashboardsession.moc"
