#include "bench/stallprobe.h"
#include "capture/capturewriter.h"
#include "clickhousefixture.h"
#include "otlp/otlpcodec.h"
#include "pages/tracespage.h"
#include "screenshots.h"
#include "telemetry/sampleevents.h"
#include "tracelogmodel.h"
#include "traceoutline.h"
#include "traces/spandetailsview.h"
#include "traces/tracesearchform.h"
#include "traces/traceview.h"
#include "traces/tracewaterfallview.h"
#include "tracesearchmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer the code runs 2-3 times slower: there the bound only catches a GUI
// thread that blocks outright; the dev build checks the product's bound of 50 ms.
constexpr qint64 stallLimitMs = 150;
#else
constexpr qint64 stallLimitMs = 50;
#endif

constexpr int bulkBatches = 99;
constexpr int bulkItems = 100; ///< per batch: 1 + 99 + 99 * 100 = 10,000 spans in all
const QByteArray bulkTraceId = "0af7651916cd43dd8448eb211c80319c";
const QByteArray handmadeTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

ResourcePtr resourceOf(const char* service)
{
    auto resource = std::make_shared<Resource>();
    resource->attributes.append({ "service.name", AttributeValue::fromString(QByteArray(service)) });
    resource->attributes.append({ "project.name", AttributeValue::fromString(QByteArray("trace-test")) });
    return resource;
}

SpanRecord spanOf(const ResourcePtr& resource, const QByteArray& traceId, quint64 number, quint64 parent,
    const QByteArray& name, quint64 startNs, quint64 endNs)
{
    return SampleEvents::spanOf(traceId, resource, number, parent, name, startNs, endNs);
}

LogRecord logOf(const SpanRecord& span, const QByteArray& body, qint32 severity, quint64 afterStartNs = 1000)
{
    LogRecord log;
    log.resource = span.resource;
    log.timeUnixNano = span.startTimeUnixNano + afterStartNs;
    log.observedTimeUnixNano = log.timeUnixNano;
    log.severityNumber = severity;
    log.severityText = severity >= Otlp::Severity::error ? "ERROR" : "INFO";
    log.body = AttributeValue::fromString(body);
    log.traceId = span.traceId;
    log.spanId = span.spanId;
    return log;
}
} // namespace

/// The Traces page against a real ClickHouse 18.16 with the sample telemetry, a hand-built
/// trace whose critical path is known, and a generated trace of 10,000 spans, both replayed
/// from a capture by `automagik-workbench replay`: search with every filter, open, scroll
/// without stalls, find a span by attribute, its logs, export.
class TestTracesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void searchFiltersMatchTheirSql();
    void handmadeTraceShowsItsCriticalPathAndLogs();
    void tenThousandSpansOpenScrollAndFindWithoutStalls();
    void exportWritesACaptureOfTheTrace();
    void aSearchKeepsAPickStillOpening();

private:
    /// Writes the records into a capture (OTLP JSON Lines, batches of 1,000 as a collector's
    /// are) and replays it with `automagik-workbench replay` into the fixture's server.
    void replayIntoClickHouse(const QList<SpanRecord>& spans, const QList<LogRecord>& logs);
    bool searchAndWait(const TraceSearchCriteria& criteria);
    bool openAndWait(const QByteArray& traceId);
    qint64 sql(const QString& query);

    ClickHouseFixture m_fixture;
    ClickHouseEndpoint m_endpoint;
    QTemporaryDir m_folder;
    std::unique_ptr<TracesPage> m_page;
    quint64 m_handmadeStartNs = 0;
};

void TestTracesPage::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // durations are written in the user's locale
    START_CLICKHOUSE(m_fixture);
    QString error;
    QVERIFY2(m_fixture.loadSample(1, &error), qPrintable(error));
    m_endpoint = m_fixture.endpoint();
    m_endpoint.database = u"telemetry"_s;

    // Every span and log goes into a capture, which the replay command then sends into ClickHouse.
    QList<SpanRecord> spans;
    QList<LogRecord> logs;
    // Hand-built: root 0-100 ms; A 0-30, B 20-90, C 50-60 under the root; B1 20-40, B2 45-85 under B.
    // Its critical path is root, B, B2, B1: A was still running when B started, C runs beside B.
    const quint64 ms = 1'000'000;
    m_handmadeStartNs = quint64(QDateTime::currentMSecsSinceEpoch() - 20 * 60 * 1000) * ms;
    const quint64 t = m_handmadeStartNs;
    const ResourcePtr checkout = resourceOf("checkout");
    const ResourcePtr payments = resourceOf("payments");
    QList<SpanRecord> handmade { spanOf(checkout, handmadeTraceId, 1, 0, "root", t, t + 100 * ms),
        spanOf(checkout, handmadeTraceId, 2, 1, "A", t, t + 30 * ms),
        spanOf(payments, handmadeTraceId, 3, 1, "B", t + 20 * ms, t + 90 * ms),
        spanOf(checkout, handmadeTraceId, 4, 1, "C", t + 50 * ms, t + 60 * ms),
        spanOf(payments, handmadeTraceId, 5, 3, "B1", t + 20 * ms, t + 40 * ms),
        spanOf(payments, handmadeTraceId, 6, 3, "B2", t + 45 * ms, t + 85 * ms) };
    handmade[5].statusCode = Otlp::StatusCode::Error;
    handmade[5].statusMessage = "card declined";
    handmade[5].attributes.append({ "payment.id", AttributeValue::fromString(QByteArray("pay-77")) });
    spans += handmade;
    logs.append(logOf(handmade[5], "charging the card", Otlp::Severity::info));
    logs.append(logOf(handmade[5], "card declined by the bank", Otlp::Severity::error, 2000));
    logs.append(logOf(handmade[0], "checkout started", Otlp::Severity::info));

    // Generated: 10,000 spans, a root over 99 batches of 100 items, one item with a needle
    // attribute, one with an error, a log on every tenth batch.
    const quint64 b = m_handmadeStartNs + 60 * 1000 * ms;
    const ResourcePtr bulk = resourceOf("bulk");
    const ResourcePtr worker = resourceOf("bulk-worker");
    spans.append(spanOf(bulk, bulkTraceId, 1, 0, "bulk-root", b, b + 20'000 * ms));
    for (int batch = 0; batch < bulkBatches; ++batch) {
        const quint64 batchId = 2 + quint64(batch) * (bulkItems + 1);
        const quint64 batchStart = b + ms + quint64(batch) * 200 * ms; // no two spans start together
        const SpanRecord batchSpan = spanOf(
            bulk, bulkTraceId, batchId, 1, "batch-" + QByteArray::number(batch), batchStart, batchStart + 190 * ms);
        spans.append(batchSpan);
        if (batch % 10 == 0)
            logs.append(logOf(batchSpan, "batch " + QByteArray::number(batch), Otlp::Severity::info));
        for (int item = 0; item < bulkItems; ++item) {
            const quint64 itemStart = batchStart + quint64(item + 1) * ms;
            SpanRecord itemSpan = spanOf(worker, bulkTraceId, batchId + 1 + quint64(item), batchId,
                "item-" + QByteArray::number(batch) + '-' + QByteArray::number(item), itemStart, itemStart + 90 * ms);
            itemSpan.attributes.append(
                { "order.id", AttributeValue::fromString("order-" + QByteArray::number(batch * 1000 + item)) });
            if (batch == 42 && item == 42)
                itemSpan.attributes.append({ "needle", AttributeValue::fromString(QByteArray("found-me")) });
            if (batch == 77 && item == 7)
                itemSpan.statusCode = Otlp::StatusCode::Error;
            spans.append(itemSpan);
        }
    }
    replayIntoClickHouse(spans, logs);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sql(u"SELECT count() FROM telemetry.traces WHERE trace_id = '%1'"_s.arg(QLatin1StringView(bulkTraceId))),
        10000);

    m_page = std::make_unique<TracesPage>();
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setServer(m_endpoint, m_fixture.serverInfo());
    new QAbstractItemModelTester(m_page->results(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(
        m_page->traceView()->logs(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestTracesPage::replayIntoClickHouse(const QList<SpanRecord>& spans, const QList<LogRecord>& logs)
{
    QString error;
    CaptureWriter writer;
    QVERIFY2(writer.open(m_folder.filePath(u"traces.jsonl"_s), {}, &error), qPrintable(error));
    for (qsizetype i = 0; i < spans.size(); i += 1000)
        writer.captureSpans(spans.mid(i, 1000));
    writer.captureLogs(logs);
    QVERIFY2(writer.close(), qPrintable(writer.statistics().lastError));
    QProcess replay;
    replay.setProgram(QStringLiteral(WORKBENCH_APP_PATH));
    replay.setArguments({ u"replay"_s, m_folder.filePath(u"traces.jsonl"_s), u"--speed"_s, u"max"_s, u"--endpoint"_s,
        m_endpoint.url.toString(), u"--user"_s, m_endpoint.user, u"--database"_s, m_endpoint.database, u"--data-dir"_s,
        m_folder.filePath(u"data"_s), u"--verify"_s, u"--json"_s });
    // Only the command line says where the rows go: none of the caller's settings count.
    QProcessEnvironment environment;
    for (const QString& name : QProcessEnvironment::systemEnvironment().keys()) {
        if (!name.startsWith(u"AUTOMAGIK_TELEMETRY_"_s) && !name.startsWith(u"OTEL_"_s))
            environment.insert(name, QProcessEnvironment::systemEnvironment().value(name));
    }
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, m_endpoint.password);
    replay.setProcessEnvironment(environment);
    replay.start();
    QVERIFY2(replay.waitForStarted(30'000), qPrintable(u"the replay command did not start: "_s + replay.errorString()));
    QVERIFY2(replay.waitForFinished(120'000), "the replay command did not finish within 120 s");
    QVERIFY2(replay.exitStatus() == QProcess::NormalExit && replay.exitCode() == 0,
        qPrintable(QString::fromUtf8(replay.readAllStandardError() + replay.readAllStandardOutput())));
}

qint64 TestTracesPage::sql(const QString& query)
{
    bool ok = false;
    const QString answer = ClickHouseFixture::run(m_endpoint, query, &ok);
    return ok ? answer.trimmed().toLongLong() : -1;
}

bool TestTracesPage::searchAndWait(const TraceSearchCriteria& criteria)
{
    m_page->form()->setCriteria(criteria);
    QSignalSpy finished(m_page->loader(), &TraceLoader::searchFinished);
    m_page->search();
    return finished.wait(30000) && finished.first().at(1).toString().isEmpty();
}

bool TestTracesPage::openAndWait(const QByteArray& traceId)
{
    QSignalSpy opened(m_page->loader(), &TraceLoader::traceOpened);
    m_page->openTrace(traceId);
    return opened.wait(60000) && m_page->traceView()->trace().traceId == traceId;
}

void TestTracesPage::searchFiltersMatchTheirSql()
{
    TraceSearchCriteria criteria;
    QVERIFY2(searchAndWait(criteria), qPrintable(m_page->statusText()));
    const TraceSearchCriteria asked = m_page->form()->criteria();
    const QString range = u"timestamp >= toDateTime(%1) AND timestamp <= toDateTime(%2)"_s.arg(asked.fromMs / 1000)
                              .arg(asked.toMs / 1000 + 1);
    const qint64 traces = sql(u"SELECT uniqExact(trace_id) FROM telemetry.traces WHERE "_s + range);
    QVERIFY(traces > 2);
    QCOMPARE(m_page->results()->rowCount(), int(qMin<qint64>(traces, criteria.limit)));

    // With errors: every trace listed has one, and as many as the table has.
    criteria.status = TraceSearchCriteria::Status::WithErrors;
    QVERIFY(searchAndWait(criteria));
    const qint64 withErrors = sql(u"SELECT count() FROM (SELECT trace_id FROM telemetry.traces WHERE "_s + range
        + u" GROUP BY trace_id HAVING countIf(status_code = 'ERROR') > 0)"_s);
    QCOMPARE(m_page->results()->rowCount(), int(qMin<qint64>(withErrors, criteria.limit)));
    for (int row = 0; row < m_page->results()->rowCount(); ++row)
        QVERIFY(m_page->results()->trace(row).errors > 0);

    // A service and a minimum duration.
    criteria = {};
    criteria.service = u"payments"_s;
    criteria.minDurationMs = 95;
    QVERIFY(searchAndWait(criteria));
    QCOMPARE(m_page->results()->rowCount(), 1);
    QCOMPARE(m_page->results()->trace(0).traceId, handmadeTraceId);
    QCOMPARE(m_page->results()->trace(0).spans, 6);
    QCOMPARE(m_page->results()->trace(0).errors, 1);
    QCOMPARE(m_page->results()->trace(0).durationNs, 100'000'000ull);
    QCOMPARE(m_page->results()->trace(0).rootName, u"root"_s);
    QCOMPARE(m_page->results()->trace(0).services, (QStringList { u"checkout"_s, u"payments"_s }));
    criteria.minDurationMs = 101;
    QVERIFY(searchAndWait(criteria));
    QCOMPARE(m_page->results()->rowCount(), 0);

    // An attribute, an operation, a trace id.
    criteria = {};
    criteria.attribute = u"needle=found-me"_s;
    QVERIFY(searchAndWait(criteria));
    QCOMPARE(m_page->results()->rowCount(), 1);
    QCOMPARE(m_page->results()->trace(0).traceId, bulkTraceId);
    QCOMPARE(m_page->results()->trace(0).spans, 10000);
    criteria = {};
    criteria.operation = u"B2"_s;
    criteria.traceId = QString::fromLatin1(handmadeTraceId);
    QVERIFY(searchAndWait(criteria));
    QCOMPARE(m_page->results()->rowCount(), 1);

    // Open as SQL: the statement the page ran, and it finds the same traces.
    criteria = {};
    criteria.service = u"bulk-worker"_s;
    QVERIFY(searchAndWait(criteria));
    QSignalSpy openInQuery(m_page.get(), &TracesPage::openInQuery);
    Q_EMIT m_page->form()->openAsSqlRequested();
    QCOMPARE(openInQuery.size(), 1);
    const QString statement = openInQuery.first().first().toString();
    QVERIFY2(statement.contains(u"service_name = 'bulk-worker'"_s), qPrintable(statement));
    QCOMPARE(sql(u"SELECT count() FROM ("_s + statement + u')'), qint64(m_page->results()->rowCount()));
    QCOMPARE(m_page->results()->rowCount(), 1);

    // A trace id that is not there finds nothing, and says so.
    criteria = {};
    criteria.traceId = u"x"_s;
    criteria.minDurationMs = 0;
    QVERIFY(searchAndWait(criteria));
    QCOMPARE(m_page->results()->rowCount(), 0);
    QVERIFY2(m_page->statusText().contains(u"0 traces found"_s), qPrintable(m_page->statusText()));
}

void TestTracesPage::aSearchKeepsAPickStillOpening()
{
    // The hand-built trace is shown; the user picks the 10,000-span one and searches again at
    // once. The search answers first (one query against two and a parse): it must not pick the
    // shown trace again, which would drop the pick.
    QVERIFY(searchAndWait(TraceSearchCriteria()));
    // The search opens its newest result by itself: that opening ends first (on a busy machine
    // it was still running here).
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->loader()->isOpening(), 60000);
    if (m_page->traceView()->trace().traceId != handmadeTraceId)
        QVERIFY(openAndWait(handmadeTraceId));
    QVERIFY(!m_page->loader()->isOpening());
    QSignalSpy opened(m_page->loader(), &TraceLoader::traceOpened);
    QSignalSpy searched(m_page->loader(), &TraceLoader::searchFinished);
    // Right after the page has handled the search: what the loader is opening then.
    QByteArray openingAfterSearch = "(not seen)";
    const QMetaObject::Connection watch = connect(m_page->loader(), &TraceLoader::searchFinished, this,
        [&openingAfterSearch, this] { openingAfterSearch = m_page->loader()->openingId(); });
    // A search whose results hold both the shown trace and the pick (each has an error): the
    // newest 500 of the default one may not hold the pick, the sample hour having that many after
    // it by some times of the day.
    TraceSearchCriteria withErrors;
    withErrors.status = TraceSearchCriteria::Status::WithErrors;
    m_page->form()->setCriteria(withErrors);
    m_page->openTrace(bulkTraceId);
    m_page->search();
    QVERIFY(searched.wait(30000));
    disconnect(watch);
    // Empty when the pick had opened before the search answered (then nothing was at stake).
    qInfo("opening when the search answered: %s", openingAfterSearch.constData());
    QVERIFY2(openingAfterSearch.isEmpty() || openingAfterSearch == bulkTraceId, openingAfterSearch.constData());
    QVERIFY(opened.count() > 0 || opened.wait(60000));
    QTRY_COMPARE(m_page->traceView()->trace().traceId, bulkTraceId);
    QVERIFY(!m_page->loader()->isOpening());
    QCOMPARE(m_page->resultsView()->currentIndex().data(TraceSearchModel::TraceIdRole).toByteArray(), bulkTraceId);

    // A search whose results lack the open trace opens the newest of them, whatever the sort.
    m_page->resultsView()->sortByColumn(TraceSearchModel::DurationColumn, Qt::DescendingOrder);
    TraceSearchCriteria checkout;
    checkout.service = u"checkout"_s;
    QSignalSpy reopened(m_page->loader(), &TraceLoader::traceOpened);
    QVERIFY(searchAndWait(checkout));
    const TraceSearchModel* results = m_page->results();
    const int newest = results->newestRow();
    QVERIFY(newest >= 0);
    QVERIFY(reopened.count() > 0 || reopened.wait(60000));
    QCOMPARE(m_page->traceView()->trace().traceId, results->trace(newest).traceId);
    for (int row = 0; row < results->rowCount(); ++row)
        QVERIFY(results->trace(row).startNs <= results->trace(newest).startNs);
}

void TestTracesPage::handmadeTraceShowsItsCriticalPathAndLogs()
{
    TraceSearchCriteria criteria;
    criteria.service = u"checkout"_s;
    QVERIFY(searchAndWait(criteria));
    QVERIFY(openAndWait(handmadeTraceId));
    TraceOutline* outline = m_page->traceView()->outline();
    const TraceTree& tree = outline->tree();
    QCOMPARE(tree.size(), 6);
    QStringList path;
    for (const qsizetype span : tree.criticalPath())
        path.append(QString::fromUtf8(tree.span(span).record.name));
    QCOMPARE(path, (QStringList { u"root"_s, u"B"_s, u"B2"_s, u"B1"_s }));
    QVERIFY(!tree.isOnCriticalPath(tree.indexOfId("0000000000000002"))); // A
    QVERIFY(!tree.isOnCriticalPath(tree.indexOfId("0000000000000004"))); // C
    // The root is selected on opening; its details and the trace's logs.
    QCOMPARE(outline->selected(), tree.roots().first());
    QCOMPARE(m_page->traceView()->details()->valueOf(u"Span"_s, u"Name"_s), u"root"_s);
    TraceLogModel* logs = m_page->traceView()->logs();
    QCOMPARE(logs->rowCount(), 3);
    // The error, by "Next error": its status message, attribute and its own two logs.
    m_page->traceView()->selectNextError();
    QCOMPARE(QString::fromUtf8(tree.span(outline->selected()).record.name), u"B2"_s);
    SpanDetailsView* details = m_page->traceView()->details();
    QCOMPARE(details->valueOf(u"Span"_s, u"Status"_s), u"ERROR"_s);
    QCOMPARE(details->valueOf(u"Span"_s, u"Status message"_s), u"card declined"_s);
    QCOMPARE(details->valueOf(u"Span"_s, u"Duration"_s), u"40.0 ms"_s);
    QCOMPARE(details->valueOf(u"Span"_s, u"Critical path"_s), u"yes"_s);
    QCOMPARE(details->valueOf(u"Attributes"_s, u"payment.id"_s), u"pay-77"_s);
    QCOMPARE(details->valueOf(u"Resource"_s, u"service.name"_s), u"payments"_s);
    m_page->traceView()->setLogsOfSelectedSpanOnly(true);
    QCOMPARE(logs->rowCount(), 2);
    QCOMPARE(logs->index(1, TraceLogModel::BodyColumn).data().toString(), u"card declined by the bank"_s);
    QCOMPARE(logs->index(1, TraceLogModel::SpanColumn).data().toString(), u"B2"_s);
    m_page->traceView()->showLogs();
    QVERIFY(!Screenshots::save(m_page.get(), u"traces"_s).isEmpty());
    m_page->traceView()->setLogsOfSelectedSpanOnly(false);
}

void TestTracesPage::tenThousandSpansOpenScrollAndFindWithoutStalls()
{
    // A probe on the GUI thread: the longest gap between its ticks is the longest stall. Tests run
    // two at a time on two cores beside their servers, so the part of that gap the thread spent
    // waiting for a core (schedstat) is not the page's: the bound is on the rest.
    qint64 openStallMs = 0;
    qint64 openWaitMs = 0;
    {
        StallProbe probe;
        QVERIFY(openAndWait(bulkTraceId));
        QTest::qWait(20); // let the probe see the first paint (the probe measures; this is not a wait for a result)
        openStallMs = qint64(probe.longestMs());
        openWaitMs = qint64(qMax(0.0, probe.longestWaitMs()));
    }
    TraceOutline* outline = m_page->traceView()->outline();
    QCOMPARE(outline->tree().size(), 10000);
    QCOMPARE(outline->rowCount(), 10000);
    QCOMPARE(outline->tree().roots().size(), 1);
    QCOMPARE(outline->tree().services(), (QStringList { u"bulk"_s, u"bulk-worker"_s }));
    QCOMPARE(m_page->traceView()->logs()->totalCount(), 10);

    // Scrolling from top to bottom a page at a time: each repaint is timed.
    TraceWaterfallView* waterfall = m_page->traceView()->waterfall();
    const qsizetype perPage = waterfall->lastVisibleRow() - waterfall->firstVisibleRow() + 1;
    QVERIFY2(perPage > 10, "the waterfall shows rows");
    qint64 longestPaintMs = 0;
    int paints = 0;
    QElapsedTimer paint;
    for (qsizetype top = 0; top < outline->rowCount(); top += perPage / 2) {
        waterfall->setTopRow(top);
        paint.start();
        waterfall->viewport()->repaint();
        longestPaintMs = qMax(longestPaintMs, paint.elapsed());
        ++paints;
    }
    QCOMPARE(waterfall->lastVisibleRow(), outline->rowCount() - 1);
    // Folding the root and unfolding it again: one pass each over 10,000 spans.
    paint.start();
    outline->toggle(outline->tree().roots().first());
    waterfall->viewport()->repaint();
    outline->toggle(outline->tree().roots().first());
    waterfall->viewport()->repaint();
    const qint64 foldMs = paint.elapsed();
    qInfo("10,000 spans: opening stalled the GUI thread at most %lld ms (%lld ms of it waiting for a core); %d "
          "repaints while scrolling, the longest %lld ms; fold and unfold the root %lld ms",
        openStallMs, openWaitMs, paints, longestPaintMs, foldMs);
    QVERIFY2(openStallMs - openWaitMs <= stallLimitMs,
        qPrintable(u"opening stalled %1 ms, %2 ms of it waiting for a core"_s.arg(openStallMs).arg(openWaitMs)));
    QVERIFY2(longestPaintMs <= stallLimitMs, qPrintable(u"a repaint took %1 ms"_s.arg(longestPaintMs)));
    QVERIFY2(foldMs <= 2 * stallLimitMs, qPrintable(u"fold and unfold took %1 ms"_s.arg(foldMs)));

    // Find by attribute: typed in the find field, Enter selects it and scrolls to it.
    QLineEdit* find = m_page->traceView()->findField();
    find->setText(u"needle=found-me"_s);
    QTRY_COMPARE(outline->matches().size(), 1); // once the typing pauses
    QTest::keyClick(find, Qt::Key_Return);
    const qsizetype found = outline->selected();
    QCOMPARE(QString::fromUtf8(outline->tree().span(found).record.name), u"item-42-42"_s);
    const qsizetype row = outline->rowOf(found);
    QVERIFY(row >= waterfall->firstVisibleRow() && row <= waterfall->lastVisibleRow());
    QCOMPARE(m_page->traceView()->details()->valueOf(u"Attributes"_s, u"needle"_s), u"found-me"_s);
    find->setText(u"item-42-4"_s); // item-42-4 and item-42-40 to 49
    QTRY_COMPARE(outline->matches().size(), 11);
    m_page->traceView()->selectNextError();
    QCOMPARE(QString::fromUtf8(outline->tree().span(outline->selected()).record.name), u"item-77-7"_s);
    QVERIFY(!Screenshots::save(m_page->traceView(), u"trace-waterfall"_s).isEmpty());
    find->clear();
}

void TestTracesPage::exportWritesACaptureOfTheTrace()
{
    QVERIFY(openAndWait(handmadeTraceId));
    QTemporaryDir folder;
    const QString path = folder.filePath(u"trace.jsonl"_s);
    QString error;
    QVERIFY2(m_page->exportTrace(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // spans, logs, and the end of the last line
    const DecodedBatch<SpanRecord> spans = OtlpCodec::decodeTraces(lines.at(0), Otlp::Encoding::Json);
    QCOMPARE(spans.records.size(), 6);
    const DecodedBatch<LogRecord> logs = OtlpCodec::decodeLogs(lines.at(1), Otlp::Encoding::Json);
    QCOMPARE(logs.records.size(), 3);
    QSet<QByteArray> names;
    for (const SpanRecord& span : spans.records) {
        names.insert(span.name);
        QCOMPARE(span.traceId.toHex(), handmadeTraceId);
    }
    QCOMPARE(names, (QSet<QByteArray> { "root", "A", "B", "C", "B1", "B2" }));
}

QTEST_MAIN(TestTracesPage)
#include "tst_tracespage.moc"
