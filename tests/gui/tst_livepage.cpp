#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhousefixture.h"
#include "collector/localcollector.h"
#include "common/workerthread.h"
#include "httptestclient.h"
#include "otlp/otlpcodec.h"
#include "pages/livepage.h"
#include "screenshots.h"
#include "telemetry/sampleevents.h"
#include "telemetry/sdkrecordbuilder.h"
#include "widgets/ratechart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFont>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// The Live page over a real local collector on a thread of its own, as the window runs it (the
/// batches are queued to the page): what OpenTelemetry clients post to the receiver
/// shows up newest first, a pause keeps what arrives for the resume and says how much, the
/// filters and the detail pane work on it, and the rate chart draws it.
class TestLivePage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recordsArriveNewestFirst();
    void pauseSaysHowManyWaitAndLosesNone();
    void filtersDetailAndRates();
    void notFollowingKeepsTheRowsInViewStill();
    void clearEmptiesTheList();
    void rowsOfOtherWritersShowOnceEach();
    void lateRowsAndCrowdedSecondsShowToo();

private:
    /// Writes rows straight into a telemetry table, as another client does; false (with a
    /// warning saying why) when the server refused them.
    bool insertRows(const char* table, const QByteArray& rows);
    void post(Otlp::Signal signal, const QByteArray& body, const QByteArray& contentType);
    static QList<LogRecord> logs(int count, qint32 severity);

    ClickHouseFixture m_fixture;
    QTemporaryDir m_folder;
    std::unique_ptr<WorkerThread<LocalCollector>> m_collector;
    QUrl m_receiverUrl;
    std::unique_ptr<LivePage> m_page;
    HttpTestClient m_client;
};

void TestLivePage::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    LocalCollector::Options options;
    options.clickHouse.endpoint = m_fixture.endpoint();
    options.clickHouse.endpoint.database = u"telemetry"_s; // where the records are stored
    options.clickHouse.dialect = m_fixture.rowDialect();
    options.clickHouse.spoolPath = m_folder.filePath(u"collector.spool"_s);
    options.receiver.port = 0;
    options.gateway.port = 0;
    m_collector = std::make_unique<WorkerThread<LocalCollector>>(
        u"collector"_s, new LocalCollector(options), &LocalCollector::shutdown);
    QSignalSpy status(m_collector->worker(), &LocalCollector::statusChanged);
    m_page = std::make_unique<LivePage>();
    QVERIFY(m_page->statusText().contains(u"needs the workbench's receiver"_s));
    m_page->setCollector(m_collector->worker());
    m_collector->post([](LocalCollector* collector) { collector->startAndReport(); });
    QVERIFY(status.wait(30'000));
    const auto started = status.takeFirst().at(0).value<CollectorStatus>();
    QVERIFY2(started.state == CollectorStatus::State::Running, qPrintable(started.error));
    m_receiverUrl = started.otlpUrl;
    m_page->resize(1300, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestLivePage::cleanupTestCase()
{
    m_page.reset();
    m_collector.reset(); // stops it on its thread
}

void TestLivePage::post(Otlp::Signal signal, const QByteArray& body, const QByteArray& contentType)
{
    QUrl url = m_receiverUrl;
    url.setPath(signal == Otlp::Signal::Traces ? u"/v1/traces"_s
            : signal == Otlp::Signal::Metrics  ? u"/v1/metrics"_s
                                               : u"/v1/logs"_s);
    const HttpTestClient::Answer answer = m_client.post(url, contentType, body);
    QVERIFY2(answer.status == 200, qPrintable(u"%1 %2"_s.arg(answer.status).arg(QString::fromUtf8(answer.body))));
}

QList<LogRecord> TestLivePage::logs(int count, qint32 severity)
{
    SdkIdentity identity;
    identity.projectName = u"live-logs"_s;
    const SdkRecordBuilder builder(identity, SystemInfo::current(identity.flavor));
    QList<LogRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(builder.trackLog(u"log line %1"_s.arg(i), severity));
    return records;
}

void TestLivePage::recordsArriveNewestFirst()
{
    post(Otlp::Signal::Traces, OtlpCodec::encodeTraces(SampleEvents::automagikEvents(30), Otlp::Encoding::Protobuf),
        "application/x-protobuf");
    post(Otlp::Signal::Logs, OtlpCodec::encodeLogs(logs(5, 17), Otlp::Encoding::Json), "application/json");
    LiveRecordModel* records = m_page->records();
    QTRY_COMPARE(records->rowCount(), 35);
    QCOMPARE(records->index(0, LiveRecordModel::NameColumn).data().toString(), u"log line 4"_s);
    QCOMPARE(records->index(0, LiveRecordModel::ServiceColumn).data().toString(), u"live-logs"_s);
    QCOMPARE(records->index(5, LiveRecordModel::SignalColumn).data().toString(), u"span"_s);
    QCOMPARE(m_page->view()->model()->rowCount(), 35);
    QVERIFY(m_page->followBox()->isChecked());
    QCOMPARE(m_page->view()->verticalScrollBar()->value(), 0);
    QVERIFY2(m_page->statusText().startsWith(u"35 shown of 35 kept"_s), qPrintable(m_page->statusText()));
}

void TestLivePage::pauseSaysHowManyWaitAndLosesNone()
{
    LiveRecordModel* records = m_page->records();
    const int before = records->rowCount();
    QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
    QVERIFY(records->isPaused());
    post(Otlp::Signal::Traces, OtlpCodec::encodeTraces(SampleEvents::automagikEvents(10), Otlp::Encoding::Json),
        "application/json");
    QTRY_COMPARE(records->waitingCount(), 10);
    QTRY_COMPARE(m_page->pauseButton()->text(), u"&Resume (10)"_s);
    QVERIFY2(m_page->statusText().contains(u"paused: 10 waiting"_s), qPrintable(m_page->statusText()));
    QCOMPARE(records->rowCount(), before); // the list stands still
    QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
    QCOMPARE(records->rowCount(), before + 10);
    QCOMPARE(m_page->pauseButton()->text(), u"&Pause"_s);
}

void TestLivePage::filtersDetailAndRates()
{
    QComboBox* signalBox = m_page->signalBox();
    signalBox->setCurrentIndex(signalBox->findData(1 << LiveRecordModel::Log));
    QTableView* view = m_page->view();
    QCOMPARE(view->model()->rowCount(), 5);
    QTest::keyClicks(m_page->searchEdit(), u"line 3"_s);
    QTRY_COMPARE(view->model()->rowCount(), 1); // once the typing pauses
    view->setCurrentIndex(view->model()->index(0, LiveRecordModel::NameColumn));
    const QString detail = m_page->detailView()->toPlainText();
    QVERIFY2(detail.contains(u"\"resourceLogs\""_s) && detail.contains(u"\"log line 3\""_s), qPrintable(detail));
    QVERIFY(!Screenshots::save(m_page.get(), u"live-filtered"_s).isEmpty());
    m_page->searchEdit()->clear();
    m_page->applyTextFilters();
    signalBox->setCurrentIndex(0);
    QCOMPARE(view->model()->rowCount(), m_page->records()->rowCount());

    // The chart draws the spans that came: a point above zero within a few seconds (from a
    // fresh start, so no earlier post counts).
    m_page->rateChart()->restart();
    post(Otlp::Signal::Traces, OtlpCodec::encodeTraces(SampleEvents::automagikEvents(40), Otlp::Encoding::Protobuf),
        "application/x-protobuf");
    const auto spansDrawn = [this] {
        for (const QPointF& point : m_page->rateChart()->points(0)) {
            if (point.y() > 0)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(spansDrawn(), 5000);
    QTRY_COMPARE(m_page->records()->rowCount(), 85); // 30 + 5 + 10 + 40, nothing lost
    QVERIFY(!Screenshots::save(m_page.get(), u"live"_s).isEmpty());
}

void TestLivePage::notFollowingKeepsTheRowsInViewStill()
{
    QTableView* view = m_page->view();
    m_page->followBox()->setChecked(false);
    view->scrollTo(view->model()->index(20, 0), QAbstractItemView::PositionAtTop);
    const QModelIndex top = view->indexAt(QPoint(1, 1));
    QVERIFY(top.row() > 0);
    const QString reading = top.siblingAtColumn(LiveRecordModel::TraceColumn).data().toString();
    const int before = m_page->records()->rowCount();
    post(Otlp::Signal::Traces, OtlpCodec::encodeTraces(SampleEvents::automagikEvents(7), Otlp::Encoding::Protobuf),
        "application/x-protobuf");
    QTRY_COMPARE(m_page->records()->rowCount(), before + 7);
    // The same record is still at the top of the view, seven rows further down the list.
    const QModelIndex stillTop = view->indexAt(QPoint(1, 1));
    QCOMPARE(stillTop.siblingAtColumn(LiveRecordModel::TraceColumn).data().toString(), reading);
    QCOMPARE(stillTop.row(), top.row() + 7);
    // Following again shows the newest.
    m_page->followBox()->setChecked(true);
    QCOMPARE(view->indexAt(QPoint(1, 1)).row(), 0);
}

void TestLivePage::clearEmptiesTheList()
{
    QTest::mouseClick(m_page->clearButton(), Qt::LeftButton);
    QCOMPARE(m_page->records()->rowCount(), 0);
    QCOMPARE(m_page->records()->received(LiveRecordModel::Span), 0);
    QVERIFY(m_page->detailView()->toPlainText().isEmpty());
    QVERIFY2(m_page->statusText().startsWith(u"0 shown of 0 kept"_s), qPrintable(m_page->statusText()));
}

void TestLivePage::rowsOfOtherWritersShowOnceEach()
{
    ClickHouseEndpoint endpoint = m_fixture.endpoint();
    m_page->setServer(endpoint); // the page looks in the "telemetry" database whatever the endpoint's
    QVERIFY(m_page->tail()->isRunning());
    QTest::mouseClick(m_page->clearButton(), Qt::LeftButton);

    // Another client writes rows straight into the tables, as an application on the SDKs'
    // direct backend does: three spans, two logs and a metric point.
    const QList<SpanRecord> spans = SampleEvents::automagikEvents(3);
    QList<LogRecord> written = logs(2, 13);
    MetricPoint point;
    point.resource = spans.first().resource;
    point.name = "direct.writer.gauge";
    point.type = MetricPoint::Type::Gauge;
    // Stamped two seconds ahead: the tail watches from the second after it started.
    const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch() + 2000) * 1'000'000;
    point.timeUnixNano = now;
    point.attributes.append({ "route", AttributeValue::fromString(QByteArray("/direct")) });
    const ClickHouseRowMapper mapper(m_fixture.rowDialect());
    QByteArray rows[3];
    for (SpanRecord span : spans) {
        span.startTimeUnixNano = now;
        span.endTimeUnixNano = now + 5'000'000;
        mapper.appendTraceRow(rows[0], span);
    }
    mapper.appendMetricRow(rows[1], point);
    for (LogRecord& log : written) {
        log.timeUnixNano = now;
        mapper.appendLogRow(rows[2], log);
    }
    QVERIFY(insertRows("traces", rows[0]));
    QVERIFY(insertRows("metrics", rows[1]));
    QVERIFY(insertRows("logs", rows[2]));
    endpoint.database = u"telemetry"_s;
    QTRY_COMPARE_WITH_TIMEOUT(m_page->records()->readFromTables(), 6, 10'000);
    QTRY_COMPARE(m_page->records()->rowCount(), 6);
    QStringList names;
    for (int row = 0; row < 6; ++row) {
        const QModelIndex index = m_page->records()->index(row, LiveRecordModel::NameColumn);
        QCOMPARE(index.data(LiveRecordModel::SourceRole).toInt(), int(LiveRecordModel::Source::Table));
        QVERIFY(index.data(Qt::FontRole).value<QFont>().italic());
        names.append(index.data().toString());
    }
    QVERIFY2(names.contains(u"direct.writer.gauge"_s), qPrintable(names.join(u", "_s)));
    QVERIFY2(
        m_page->statusText().contains(u"6 read from the tables (other writers)"_s), qPrintable(m_page->statusText()));

    // What the receiver takes shows once, from the receiver, though its rows reach the tables too.
    const quint64 first = now + 1'000'000'000ull; // after the other writer's rows

    post(Otlp::Signal::Traces,
        OtlpCodec::encodeTraces(SampleEvents::automagikEvents(4, first), Otlp::Encoding::Protobuf),
        "application/x-protobuf");
    QTRY_COMPARE(m_page->records()->rowCount(), 10);
    const QString storedSql = u"SELECT count() FROM telemetry.traces WHERE timestamp_ns >= %1"_s.arg(first);
    QTRY_COMPARE_WITH_TIMEOUT(ClickHouseFixture::run(endpoint, storedSql).trimmed(), u"4"_s, 10'000);
    // Two more whole looks after the receiver's rows are in the table: none comes back.
    const qint64 looks = m_page->tail()->looks();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->tail()->looks() >= looks + 2, 10'000);
    QCOMPARE(m_page->records()->rowCount(), 10);
    QCOMPARE(m_page->records()->readFromTables(), 6);
    QVERIFY2(m_page->tail()->lastError().isEmpty(), qPrintable(m_page->tail()->lastError()));

    // Turned off, or out of sight, the page stops looking.
    m_page->otherWritersBox()->setChecked(false);
    QVERIFY(!m_page->tail()->isRunning());
    m_page->otherWritersBox()->setChecked(true);
    QVERIFY(m_page->tail()->isRunning());
    m_page->hide();
    QVERIFY(!m_page->tail()->isRunning());
    m_page->show();
    QVERIFY(m_page->tail()->isRunning());
}

bool TestLivePage::insertRows(const char* table, const QByteArray& rows)
{
    ClickHouseEndpoint endpoint = m_fixture.endpoint();
    endpoint.database = u"telemetry"_s;
    ClickHouseClient client(endpoint);
    std::unique_ptr<ClickHouseReply> reply(
        client.insert(u"INSERT INTO telemetry.%1 FORMAT JSONEachRow"_s.arg(QLatin1StringView(table)), rows));
    if (!ClickHouseFixture::waitFor(reply.get()) || !reply->isOk()) {
        qWarning("insert into %s: %s", table, qPrintable(reply->error().toString()));
        return false;
    }
    return true;
}

void TestLivePage::lateRowsAndCrowdedSecondsShowToo()
{
    QVERIFY(m_page->tail()->isRunning());
    QTest::mouseClick(m_page->clearButton(), Qt::LeftButton);
    const ClickHouseRowMapper mapper(m_fixture.rowDialect());
    // Two seconds ahead: the tail watches from the second after it started.
    const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch() + 2000) * 1'000'000;
    const QList<SpanRecord> spans = SampleEvents::automagikEvents(2, now);

    // A span stamped three seconds ahead shows first...
    SpanRecord ahead = spans.at(0);
    ahead.startTimeUnixNano = now + 3'000'000'000ull;
    ahead.endTimeUnixNano = ahead.startTimeUnixNano + 1'000'000;
    QByteArray aheadRow;
    mapper.appendTraceRow(aheadRow, ahead);
    // With one stamped two minutes ahead, as by a wrong clock: the tail looks at most a minute
    // ahead, so that one never shows (the counts below are exact).
    SpanRecord farAhead = spans.at(0);
    farAhead.startTimeUnixNano = now + 120'000'000'000ull;
    farAhead.endTimeUnixNano = farAhead.startTimeUnixNano + 1'000'000;
    mapper.appendTraceRow(aheadRow, farAhead);
    QVERIFY(insertRows("traces", aheadRow));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->records()->readFromTables(), 1, 10'000);
    // ...then one stamped before it reaches the table, as a long span or a batch sent late does.
    SpanRecord late = spans.at(1);
    late.startTimeUnixNano = now;
    late.endTimeUnixNano = now + 1'000'000;
    QByteArray lateRow;
    mapper.appendTraceRow(lateRow, late);
    QVERIFY(insertRows("traces", lateRow));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->records()->readFromTables(), 2, 10'000);

    // 2,500 log rows stamped with one second, and two more equal to the first: every row shows.
    QList<LogRecord> crowd = logs(2500, 9);
    crowd.append(crowd.first());
    crowd.append(crowd.first());
    QByteArray crowdRows;
    for (LogRecord& log : crowd) {
        log.timeUnixNano = now + 2'000'000'000ull;
        mapper.appendLogRow(crowdRows, log);
    }
    QVERIFY(insertRows("logs", crowdRows));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->records()->readFromTables(), 2 + 2502, 20'000);
    QTRY_COMPARE(m_page->records()->rowCount(), 2 + 2502); // the list takes them in at its next update
    int firstLineRows = 0;
    for (int row = 0; row < m_page->records()->rowCount(); ++row)
        firstLineRows += m_page->records()->index(row, LiveRecordModel::NameColumn).data() == u"log line 0"_s;
    QCOMPARE(firstLineRows, 3);
    // And nothing more comes on the next looks.
    const qint64 looks = m_page->tail()->looks();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->tail()->looks() >= looks + 2, 10'000);
    QCOMPARE(m_page->records()->readFromTables(), 2 + 2502);
    QCOMPARE(m_page->tail()->rowsNotShown(), 0);
    QVERIFY2(m_page->tail()->lastError().isEmpty(), qPrintable(m_page->tail()->lastError()));

    // A second holding more rows than one read takes: the first 20,000 show, the rest are counted.
    QByteArray crowdedRows;
    const int crowded = ClickHouseTail::rowsPerLook + 500;
    for (const LogRecord& line : logs(crowded, 9)) {
        LogRecord log = line;
        log.timeUnixNano = now + 1'000'000'000ull;
        mapper.appendLogRow(crowdedRows, log);
    }
    QVERIFY(insertRows("logs", crowdedRows));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->tail()->rowsNotShown(), 500, 30'000);
    QCOMPARE(m_page->records()->readFromTables(), 2 + 2502 + ClickHouseTail::rowsPerLook);
    QTRY_VERIFY2(
        m_page->statusText().contains(u"500 rows of the tables not shown"_s), qPrintable(m_page->statusText()));
    const qint64 later = m_page->tail()->looks();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->tail()->looks() >= later + 2, 10'000);
    QCOMPARE(m_page->tail()->rowsNotShown(), 500); // counted once, however often the second is read
    QCOMPARE(m_page->records()->readFromTables(), 2 + 2502 + ClickHouseTail::rowsPerLook);
    QVERIFY2(m_page->tail()->lastError().isEmpty(), qPrintable(m_page->tail()->lastError()));
}

QTEST_MAIN(TestLivePage)
#include "tst_livepage.moc"
