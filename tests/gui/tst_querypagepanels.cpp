#include "clickhouse/clickhousedirectexporter.h"
#include "clickhousefixture.h"
#include "common/jsonreader.h"
#include "pages/querypage.h"
#include "pages/querytab.h"
#include "screenshots.h"
#include "telemetry/sdkrecordbuilder.h"
#include "upstreampanels.h"
#include "widgets/resultchart.h"
#include "widgets/sqleditor.h"
#include "widgets/timerangepicker.h"

#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Kind = ResultChartData::Kind;

/// Every panel query of the four upstream dashboards, run from the Query page's editor (macros
/// expanded from its time range) over telemetry written by the ClickHouse backend, and charted
/// as the panel's type says: the chart has to show what the result holds.
class TestQueryPagePanels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyUpstreamPanelRunsAndIsCharted();

private:
    ClickHouseFixture m_fixture;
};

namespace {
SdkRecordBuilder builder(const QString& project)
{
    SdkIdentity identity;
    identity.projectName = project;
    identity.projectVersion = u"2.0.1"_s;
    identity.userId = u"user-42"_s;
    identity.sessionId = u"session-7"_s;
    SystemInfo system;
    system.os = u"Linux"_s;
    return SdkRecordBuilder(identity, system);
}

Kind kindOfPanel(const QString& type)
{
    if (type == u"timeseries")
        return Kind::TimeSeries;
    if (type == u"stat" || type == u"gauge")
        return Kind::Stat;
    if (type == u"piechart")
        return Kind::Pie;
    if (type == u"barchart" || type == u"bargauge")
        return Kind::Bar;
    return Kind::Table;
}
} // namespace

void TestQueryPagePanels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    START_CLICKHOUSE(m_fixture);
    QString error;
    QVERIFY2(m_fixture.installSchema(&error), qPrintable(error));
    // Spans over the last 20 minutes (so that per-minute series have several points), from two
    // services, some errors; metrics of each kind; logs of three severities.
    const SdkRecordBuilder omni = builder(u"omni"_s);
    const SdkRecordBuilder genie = builder(u"genie"_s);
    const quint64 now = quint64(QDateTime::currentSecsSinceEpoch() - 30) * 1000000000ull;
    const quint64 minute = 60ull * 1000000000ull;
    QList<SpanRecord> spans;
    for (int i = 0; i < 60; ++i) {
        const SdkRecordBuilder& from = i % 3 == 0 ? genie : omni;
        const quint64 at = now - quint64(i % 20) * minute;
        spans.append(i % 10 == 3 ? from.trackError(u"E"_s, u"boom"_s, {}, at)
                                 : from.trackEvent(i % 2 ? u"a"_s : u"b"_s, {}, at, quint64(10 + i) * 1000000ull));
    }
    QList<MetricPoint> metrics;
    for (int i = 0; i < 10; ++i) {
        metrics.append(
            omni.trackMetric(u"cpu"_s, 10 + i, SdkRecordBuilder::MetricKind::Gauge, {}, now - quint64(i) * minute));
        metrics.append(
            omni.trackMetric(u"requests"_s, 1, SdkRecordBuilder::MetricKind::Counter, {}, now - quint64(i) * minute));
        metrics.append(omni.trackMetric(
            u"latency"_s, 100 + i, SdkRecordBuilder::MetricKind::Histogram, {}, now - quint64(i) * minute));
    }
    QList<LogRecord> logs;
    for (int i = 0; i < 30; ++i)
        logs.append(omni.trackLog(
            u"line %1"_s.arg(i), i % 5 == 0 ? 17 : (i % 5 == 1 ? 13 : 9), {}, now - quint64(i % 15) * minute));

    ClickHouseBackendConfig config;
    config.endpoint = m_fixture.endpoint();
    config.endpoint.database = u"telemetry"_s;
    config.dialect = m_fixture.rowDialect();
    ClickHouseDirectExporter exporter(config);
    QVERIFY2(exporter.start(&error), qPrintable(error));
    exporter.trackSpans(spans);
    exporter.trackMetrics(metrics);
    exporter.trackLogs(logs);
    QVERIFY(exporter.flushAndWait(30000));
    QCOMPARE(exporter.statistics().rowsDelivered, spans.size() + metrics.size() + logs.size());
}

void TestQueryPagePanels::everyUpstreamPanelRunsAndIsCharted()
{
    QueryPage page;
    page.setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.timeRange()->setRelative(60 * 60 * 1000);
    QueryTab* tab = page.currentTab();
    tab->showChartTab();
    QSet<QString> screenshotTaken;
    int panels = 0;
    QString loadError;
    const QList<UpstreamPanels::Target> targets = UpstreamPanels::load(&loadError);
    QVERIFY2(!targets.isEmpty(), qPrintable(loadError));
    for (const UpstreamPanels::Target& target : targets) {
        const QString& title = target.title;
        const QString& type = target.type;
        ++panels;
        tab->editor()->setPlainText(target.rawSql);
        tab->setChartKind(int(kindOfPanel(type)));
        page.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 30000);
        const QuerySession::State state = tab->session()->state();
        QVERIFY2(state == QuerySession::State::Finished, qPrintable(title + u": "_s + tab->statusText()));
        const QueryResultModel& model = *tab->session()->model();
        QVERIFY2(model.rowCount() > 0, qPrintable(title + u" returned no rows"_s));
        const ResultChart* chart = tab->chart();
        const ResultChartData::Shape shape = ResultChartData::analyse(model.columns());
        QCOMPARE(chart->kind(), kindOfPanel(type)); // the panel's type, not the chart's default (Table)
        switch (kindOfPanel(type)) {
        case Kind::Stat: {
            // The big number is the first numeric column's last value.
            const double value =
                model.value(model.rowCount() - 1, shape.valueColumns.constFirst()).toString().toDouble();
            QCOMPARE(chart->statText(), QLocale().toString(value, 'g', 12));
            break;
        }
        case Kind::TimeSeries: {
            // Small data: every non-NULL value is a point (no decimation); one series per
            // label (long rows) or per value column (wide rows).
            qsizetype values = 0;
            QSet<QString> labels;
            for (int row = 0; row < model.rowCount(); ++row) {
                QStringList label;
                for (int column : shape.labelColumns)
                    label.append(model.value(row, column).toString());
                labels.insert(label.join(u" / "_s));
                for (int column : shape.valueColumns)
                    values += model.value(row, column).isValid() ? 1 : 0;
            }
            QCOMPARE(chart->pointsDrawn(), values);
            QCOMPARE(chart->seriesCount(),
                shape.labelColumns.isEmpty() ? int(shape.valueColumns.size())
                                             : int(labels.size() * shape.valueColumns.size()));
            break;
        }
        case Kind::Pie:
            QCOMPARE(chart->pointsDrawn(), qMin(model.rowCount(), 21));
            break;
        case Kind::Bar:
            QCOMPARE(chart->pointsDrawn(), qMin(model.rowCount(), 200) * shape.valueColumns.size());
            break;
        case Kind::Table: {
            // Nothing is drawn: the chart page sends the user to the grid.
            QCOMPARE(chart->seriesCount(), 0);
            QCOMPARE(chart->pointsDrawn(), 0);
            const QList<QLabel*> labels = chart->findChildren<QLabel*>();
            const bool pointsToTheGrid = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel* label) {
                return label->isVisible() && label->text() == u"Shown as a table: see the Table tab."_s;
            });
            QVERIFY2(pointsToTheGrid, qPrintable(title));
            break;
        }
        }
        if (!screenshotTaken.contains(type)) {
            screenshotTaken.insert(type);
            QVERIFY(!Screenshots::save(&page, u"query-chart-"_s + type).isEmpty());
        }
    }
    QCOMPARE(panels, 28);
}

QTEST_MAIN(TestQueryPagePanels)
#include "tst_querypagepanels.moc"
