#include "capture/capturewriter.h"
#include "clickhousefixture.h"
#include "collectorfixture.h"
#include "httptestclient.h"
#include "otlp/otlpcodec.h"
#include "pages/replaypage.h"
#include "screenshots.h"
#include "telemetry/sampleevents.h"
#include "telemetry/sdkrecordbuilder.h"
#include "widgets/destinationform.h"
#include "widgets/ratechart.h"
#include "widgets/recordbar.h"
#include "widgets/replaycontrols.h"
#include "widgets/verificationview.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

/// The Replay page driven as a user drives it, against a real ClickHouse and the workbench's
/// own receiver: a capture opens and lists its records (filter, search, summary, the bad line
/// named); it replays through ClickHouse direct, is paused and resumed and completes, and the
/// page's counts and verification match count() in ClickHouse; it replays through OTLP; a run
/// cancelled midway says how much went, and exactly that arrived; the report is saved as JSON.
class TestReplayPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aCaptureIsListedWithFilterSearchAndSummary();
    void aDroppedFileIsOpened();
    void aReplayIsPausedResumedAndVerified();
    void aReplayGoesThroughTheReceiver();
    void aCancelledReplaySaysHowMuchWent();
    void theReportIsSavedAsJson();
    void aRecordingCapturesWhatTheReceiverTakes();

private:
    /// Clicks Replay and waits for the end; false when it does not come.
    bool replayAndWait(int timeoutMs = 120'000);
    qint64 storedWithReplayId(const QString& table, const QByteArray& replayId);

    ClickHouseFixture m_fixture;
    QTemporaryDir m_folder;
    QString m_capture;
    std::unique_ptr<LocalCollector> m_collector;
    std::unique_ptr<ReplayPage> m_page;
};

void TestReplayPage::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    QString error;
    m_collector = startLocalCollector(m_fixture, m_folder.filePath(u"collector.spool"_s), &error);
    QVERIFY2(m_collector, qPrintable(error));

    // 500 events, 200 metric points and 300 logs, a millisecond apart, and one broken line.
    m_capture = m_folder.filePath(u"capture.jsonl"_s);
    CaptureWriter writer;
    QVERIFY2(writer.open(m_capture, {}, &error), qPrintable(error));
    const quint64 start = SdkRecordBuilder::nowUnixNano() - 3'600'000'000'000ull;
    writer.captureSpans(SampleEvents::automagikEvents(500, start));
    SdkIdentity identity;
    identity.projectName = u"replay-page-test"_s;
    identity.projectVersion = u"1.0.0"_s;
    const SdkRecordBuilder builder(identity, SystemInfo::current(identity.flavor));
    QList<MetricPoint> points;
    for (int i = 0; i < 200; ++i)
        points.append(builder.trackMetric(
            u"queue.depth"_s, i, SdkRecordBuilder::MetricKind::Gauge, {}, start + quint64(i) * 1'000'000ull));
    writer.captureMetrics(points);
    QList<LogRecord> logs;
    for (int i = 0; i < 300; ++i)
        logs.append(builder.trackLog(u"checkout step %1"_s.arg(i), 9, {}, start + quint64(i) * 1'000'000ull));
    writer.captureLogs(logs);
    QVERIFY(writer.close());
    QFile file(m_capture);
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"resourceSpans\": [ truncated\n");
    file.close();

    m_page = std::make_unique<ReplayPage>(m_folder.filePath(u"spool"_s));
    m_page->setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    m_page->setTelemetryDatabase(u"telemetry"_s);
    m_page->setReceiverUrl(m_collector->receiver()->url());
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestReplayPage::cleanupTestCase()
{
    m_page.reset();
    if (m_collector)
        m_collector->stop(5000);
}

bool TestReplayPage::replayAndWait(int timeoutMs)
{
    QSignalSpy finished(m_page.get(), &ReplayPage::replayFinished);
    QTest::mouseClick(m_page->startButton(), Qt::LeftButton);
    if (!m_page->isReplaying()) {
        qWarning("the replay did not start: %s", qPrintable(m_page->statusText()));
        return false;
    }
    return finished.wait(timeoutMs);
}

qint64 TestReplayPage::storedWithReplayId(const QString& table, const QByteArray& replayId)
{
    const QString attribute = m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Modern
        ? u"attributes['workbench.replay.id']"_s
        : u"attributes.value[indexOf(attributes.key, 'workbench.replay.id')]"_s;
    bool ok = false;
    const QString count = ClickHouseFixture::run(m_fixture.endpoint(),
        u"SELECT count() FROM telemetry.%1 WHERE %2 = '%3'"_s.arg(table, attribute, QString::fromUtf8(replayId)), &ok);
    return ok ? count.trimmed().toLongLong() : -1;
}

void TestReplayPage::aCaptureIsListedWithFilterSearchAndSummary()
{
    QSignalSpy indexed(m_page.get(), &ReplayPage::indexingFinished);
    m_page->openFiles({ m_capture });
    QVERIFY(indexed.wait(30'000));
    CaptureRecordModel* records = m_page->records();
    QCOMPARE(records->rowCount(), 1000);
    QVERIFY2(m_page->summaryText().startsWith(u"500 spans, 200 metric points, 300 logs from "_s),
        qPrintable(m_page->summaryText()));
    QVERIFY2(m_page->summaryText().contains(u"; 1 line could not be read"_s), qPrintable(m_page->summaryText()));
    QCOMPARE(records->problemTexts().size(), 1);
    QVERIFY2(
        records->problemTexts().first().startsWith(u"capture.jsonl:"_s), qPrintable(records->problemTexts().first()));

    // The table is the model's: the first row is a span with its name.
    const QModelIndex first = m_page->recordView()->model()->index(0, CaptureRecordModel::NameColumn);
    QVERIFY(!first.data().toString().isEmpty());
    QComboBox* signal = m_page->signalFilterBox();
    signal->setCurrentIndex(signal->findData(int(CaptureRecordModel::Logs)));
    QCOMPARE(records->rowCount(), 300);
    QTest::keyClicks(m_page->searchEdit(), u"step 29"_s);
    QCOMPARE(records->rowCount(), 11); // 29 and 290..299
    signal->setCurrentIndex(0);
    m_page->searchEdit()->clear();
    QCOMPARE(records->rowCount(), 1000);
    Screenshots::save(m_page.get(), u"replay-page-opened"_s);
}

void TestReplayPage::aDroppedFileIsOpened()
{
    const QString copy = m_folder.filePath(u"dropped.jsonl"_s);
    QVERIFY(QFile::copy(m_capture, copy));
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(copy) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(m_page.get(), &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy indexed(m_page.get(), &ReplayPage::indexingFinished);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(m_page.get(), &drop);
    QCOMPARE(m_page->files(), QStringList { copy });
    QVERIFY(indexed.wait(30'000));
    QCOMPARE(m_page->records()->rowCount(), 1000);
    m_page->openFiles({ m_capture });
    QVERIFY(indexed.wait(30'000));
}

void TestReplayPage::aReplayIsPausedResumedAndVerified()
{
    m_page->destination()->setBackend(SendTarget::Backend::ClickHouse);
    m_page->controls()->setFixedRate(400); // 1,000 records: two and a half seconds
    QSignalSpy finished(m_page.get(), &ReplayPage::replayFinished);
    QTest::mouseClick(m_page->startButton(), Qt::LeftButton);
    QVERIFY(m_page->isReplaying());
    QSignalSpy progressed(m_page.get(), &ReplayPage::progressed);
    QTRY_VERIFY_WITH_TIMEOUT(
        !progressed.isEmpty() && progressed.last().first().value<ReplayEngine::Progress>().sent > 100, 20'000);
    QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
    QVERIFY(m_page->isPaused());
    QCOMPARE(m_page->pauseButton()->text(), u"Resume"_s);
    // The engine says it is paused; what it has sent then stays put until Resume.
    QTRY_VERIFY_WITH_TIMEOUT(progressed.last().first().value<ReplayEngine::Progress>().paused, 10'000);
    const qint64 sentWhenPaused = progressed.last().first().value<ReplayEngine::Progress>().sent;
    QVERIFY2(sentWhenPaused < 1000, qPrintable(QString::number(sentWhenPaused)));
    QVERIFY2(m_page->statusText().endsWith(u"paused"_s), qPrintable(m_page->statusText()));
    // The bar follows the records sent, not the bytes read (the whole capture is read at once).
    QVERIFY2(m_page->statusText().startsWith(u"%1 of %2 sent"_s.arg(sentWhenPaused).arg(QLocale().toString(1000))),
        qPrintable(m_page->statusText()));
    QVERIFY(m_page->findChild<QProgressBar*>()->value() < 1000);
    Screenshots::save(m_page.get(), u"replay-page-paused"_s);
    QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
    QVERIFY(!m_page->isPaused());
    QVERIFY(!m_page->saveReportButton()->isEnabled()); // nothing finished yet
    QVERIFY(finished.wait(120'000));

    const ReplayRunner::Outcome& outcome = *m_page->lastOutcome();
    QVERIFY2(!outcome.summary.cancelled && outcome.summary.error.isEmpty(), qPrintable(m_page->statusText()));
    QCOMPARE(outcome.summary.sent[ReplayEngine::Spans], 500);
    QCOMPARE(outcome.summary.sent[ReplayEngine::Metrics], 200);
    QCOMPARE(outcome.summary.sent[ReplayEngine::Logs], 300);
    QCOMPARE(outcome.summary.problemCount, 1);
    QVERIFY(outcome.verified);
    QVERIFY2(outcome.verification.exactlyOnce(), qPrintable(outcome.verification.error));
    QVERIFY2(m_page->statusText().startsWith(
                 u"Replayed %1 records: 500 spans, 200 metric points, 300 logs"_s.arg(QLocale().toString(1000))),
        qPrintable(m_page->statusText()));
    // The page's table and ClickHouse's own count agree.
    QTableWidget* table = m_page->verification()->table();
    QCOMPARE(table->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        const QString name = table->item(row, 0)->text();
        QCOMPARE(table->item(row, 1)->text(), table->item(row, 2)->text());
        QCOMPARE(table->item(row, 3)->text(), u"0"_s);
        QCOMPARE(table->item(row, 4)->text(), u"0"_s);
        QCOMPARE(QString::number(storedWithReplayId(name, outcome.summary.replayId)), table->item(row, 2)->text());
    }
    QCOMPARE(m_page->verification()->verdictText(), u"Every record arrived exactly once."_s);
    // The chart drew the rate of each second: about 400 records/s while it ran.
    const QList<QPointF> rates = m_page->rateChart()->recordPoints();
    QVERIFY(!rates.isEmpty());
    QVERIFY2(std::any_of(rates.cbegin(), rates.cend(), [](const QPointF& p) { return p.y() >= 200 && p.y() <= 600; }),
        qPrintable(QString::number(rates.first().y())));
    QVERIFY(!Screenshots::save(m_page.get(), u"replay"_s).isEmpty());
}

void TestReplayPage::aReplayGoesThroughTheReceiver()
{
    m_page->destination()->setBackend(SendTarget::Backend::OtlpProtobuf);
    QCOMPARE(m_page->destination()->otlpUrlEdit()->text(), m_collector->receiver()->url().toString());
    m_page->controls()->setSpeed(0); // as fast as possible
    QVERIFY(replayAndWait());
    const ReplayRunner::Outcome& outcome = *m_page->lastOutcome();
    QCOMPARE(outcome.summary.totalSent(), 1000);
    QVERIFY(outcome.verified);
    QVERIFY2(outcome.verification.exactlyOnce(), qPrintable(m_page->statusText()));
    QCOMPARE(storedWithReplayId(u"logs"_s, outcome.summary.replayId), 300);
}

void TestReplayPage::aCancelledReplaySaysHowMuchWent()
{
    m_page->destination()->setBackend(SendTarget::Backend::ClickHouse);
    m_page->controls()->setFixedRate(100); // ten seconds
    QSignalSpy finished(m_page.get(), &ReplayPage::replayFinished);
    QSignalSpy progressed(m_page.get(), &ReplayPage::progressed);
    QTest::mouseClick(m_page->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        !progressed.isEmpty() && progressed.last().first().value<ReplayEngine::Progress>().sent >= 50, 20'000);
    // Listing a capture again meanwhile leaves the replay under way alone (and its buttons).
    QSignalSpy indexed(m_page.get(), &ReplayPage::indexingFinished);
    m_page->openFiles({ m_capture });
    QVERIFY(indexed.wait(30'000));
    QVERIFY(m_page->isReplaying());
    QVERIFY(m_page->cancelButton()->isEnabled());
    QVERIFY(m_page->pauseButton()->isEnabled());
    QVERIFY(!m_page->startButton()->isEnabled());
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60'000));
    const ReplayRunner::Outcome& outcome = *m_page->lastOutcome();
    QVERIFY(outcome.summary.cancelled);
    const qint64 sent = outcome.summary.totalSent();
    QVERIFY2(sent >= 50 && sent < 1000, qPrintable(QString::number(sent)));
    QVERIFY2(m_page->statusText().startsWith(u"Cancelled after %1 records"_s.arg(QLocale().toString(sent))),
        qPrintable(m_page->statusText()));
    QVERIFY(outcome.verified);
    QVERIFY2(outcome.verification.exactlyOnce(), qPrintable(outcome.verification.error));
    QCOMPARE(storedWithReplayId(u"traces"_s, outcome.summary.replayId), outcome.summary.sent[ReplayEngine::Spans]);
}

void TestReplayPage::theReportIsSavedAsJson()
{
    QVERIFY(m_page->lastOutcome().has_value());
    QVERIFY(m_page->saveReportButton()->isEnabled());
    const QString path = m_folder.filePath(u"report.json"_s);
    QVERIFY(m_page->saveReport(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(report.value(u"replay_id"_s).toString(), QString::fromUtf8(m_page->lastOutcome()->summary.replayId));
    QCOMPARE(report.value(u"cancelled"_s).toBool(), true);
    QCOMPARE(report.value(u"verification"_s).toObject().value(u"exactly_once"_s).toBool(), true);
    QVERIFY(!m_page->saveReport(m_folder.filePath(u"no/such/folder/report.json"_s)));
    QVERIFY2(m_page->statusText().startsWith(u"The report was not saved"_s), qPrintable(m_page->statusText()));
}

void TestReplayPage::aRecordingCapturesWhatTheReceiverTakes()
{
    ReplayPage alone(m_folder.filePath(u"spool"_s));
    QVERIFY(!alone.recordBar()->recordButton()->isEnabled());
    QVERIFY2(alone.recordBar()->text().startsWith(u"Recording needs the workbench's receiver"_s),
        qPrintable(alone.recordBar()->text()));

    m_page->setCollector(m_collector.get());
    QVERIFY(m_page->recordBar()->recordButton()->isEnabled());
    const QString path = m_folder.filePath(u"recorded.jsonl"_s);
    QVERIFY(m_page->recordBar()->start(path));
    QVERIFY(!m_page->recordBar()->recordButton()->isEnabled());
    HttpTestClient client;
    const QUrl traces(m_collector->receiver()->url().toString() + u"/v1/traces"_s);
    QCOMPARE(client
                 .post(traces, "application/x-protobuf",
                     OtlpCodec::encodeTraces(SampleEvents::automagikEvents(25), Otlp::Encoding::Protobuf))
                 .status,
        200);
    QSignalSpy indexed(m_page.get(), &ReplayPage::indexingFinished);
    m_page->recordBar()->stop();
    QVERIFY2(m_page->recordBar()->text().startsWith(u"Recorded 25 spans, 0 metric points, 0 logs into "_s),
        qPrintable(m_page->recordBar()->text()));
    // The new capture is opened, ready to replay.
    QCOMPARE(m_page->files(), QStringList { path });
    QVERIFY(indexed.wait(30'000));
    QCOMPARE(m_page->records()->rowCount(), 25);
    Screenshots::save(m_page.get(), u"replay-page-recorded"_s);
}

QTEST_MAIN(TestReplayPage)
#include "tst_replaypage.moc"
