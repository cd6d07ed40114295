#include "capture/capturewriter.h"
#include "capture/clickhousereplayoutput.h"
#include "capture/otlpreplayoutput.h"
#include "capture/replayengine.h"
#include "capture/replayverifier.h"
#include "clickhouse/clickhouseschemadefinition.h"
#include "clickhousefixture.h"
#include "collector/localcollector.h"
#include "common/eventloopwait.h"
#include "otlp/otlpcodec.h"
#include "recordsamples.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 base = 1'750'000'000ull * 1'000'000'000ull;

/// Spans 10 ms apart, each with its own name, ids derived from its number.
QList<SpanRecord> numberedSpans(int count)
{
    QList<SpanRecord> spans = RecordSamples::realisticEvents(count);
    for (int i = 0; i < count; ++i) {
        SpanRecord& span = spans[i];
        span.name = "replayed-" + QByteArray::number(i);
        span.startTimeUnixNano = base + quint64(i) * 10'000'000;
        span.endTimeUnixNano = span.startTimeUnixNano + 5'000'000;
        span.spanId = RecordSamples::spanId(quint8(i % 250 + 1));
        const quint64 unique = quint64(i) + 1;
        SpanId::fromBytes(QByteArrayView(reinterpret_cast<const char*>(&unique), 8), &span.spanId);
    }
    return spans;
}

ReplayEngine::Summary runReplay(ReplayEngine& engine)
{
    QSignalSpy finished(&engine, &ReplayEngine::finished);
    engine.start();
    if (finished.isEmpty() && !finished.wait(180000))
        qFatal("the replay did not finish in 180 s");
    return finished.first().first().value<ReplayEngine::Summary>();
}
} // namespace

/// Replays into a real ClickHouse 18.16: through the direct backend and through the workbench's
/// own receiver (OTLP protobuf and JSON), the rows equal the captured records field by field and
/// a verification finds each exactly once; rows deleted behind its back are reported missing;
/// 1,000 malformed lines among 100,000 good ones cost nothing but themselves; and ClickHouse
/// killed and restarted mid-replay loses and duplicates nothing.
class TestReplayClickHouse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void replaysFieldByField_data();
    void replaysFieldByField();
    void replaysAClickHouseExport();
    void verificationReportsDeletedRowsAsMissing();
    void malformedLinesCostOnlyThemselves();
    void anOutageMidReplayLosesAndDuplicatesNothing();
    void aFullSpoolHoldsTheReplayBack();
    void aBatchLargerThanTheSpoolIsLostNotHeld();

private:
    ClickHouseBackendConfig config(const QString& spool = {}) const;
    /// Throughput mode towards a port where nothing listens, with a spool of `spoolBytes`.
    ClickHouseBackendConfig unreachable(const QString& spool, qint64 spoolBytes) const;
    QString write(const QString& name, const QList<SpanRecord>& spans);
    QString count(const QString& sql);
    /// Replays `file` through the direct backend into this test's database.
    ReplayEngine::Summary replayAsFastAsPossible(const QString& file);

    QTemporaryDir m_folder;
    ClickHouseFixture m_fixture;
    QString m_database;
    int m_databases = 0;
};

void TestReplayClickHouse::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

void TestReplayClickHouse::init()
{
    if (!m_fixture.server().isRunning()) {
        m_fixture.server().start();
        QVERIFY(ClickHouseFixture::waitForStartOutcome(m_fixture.server()));
    }
    // A database per test: the outage test restarts the server, and 18.16 forgets TRUNCATEs then.
    m_database = u"replay_%1"_s.arg(++m_databases);
    const auto statements = ClickHouseSchemaDefinition::load(m_fixture.serverInfo().dialect(), m_database).statements();
    for (const QString& statement : statements) {
        bool ok = false;
        const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), statement, &ok);
        QVERIFY2(ok, qPrintable(answer));
    }
}

ClickHouseBackendConfig TestReplayClickHouse::config(const QString& spool) const
{
    ClickHouseBackendConfig config;
    config.endpoint = m_fixture.endpoint();
    config.endpoint.database = m_database;
    config.dialect = m_fixture.rowDialect();
    config.mode = ClickHouseBackendConfig::Mode::Throughput;
    config.spoolPath = spool;
    config.timeoutMs = 3000;
    config.flushIntervalMs = 200;
    config.retry.maxRetries = 2;
    config.retry.baseDelayMs = 50;
    config.retry.maxDelayMs = 400;
    config.spoolRetryIntervalMs = 200;
    return config;
}

QString TestReplayClickHouse::write(const QString& name, const QList<SpanRecord>& spans)
{
    CaptureWriter writer;
    QString error;
    const QString path = m_folder.filePath(name);
    if (!writer.open(path, {}, &error))
        qFatal("%s", qPrintable(error));
    for (qsizetype i = 0; i < spans.size(); i += 100)
        writer.captureSpans(spans.mid(i, 100));
    writer.captureLogs(RecordSamples::logs());
    writer.captureMetrics(RecordSamples::metrics());
    writer.close();
    return path;
}

QString TestReplayClickHouse::count(const QString& sql)
{
    bool ok = false;
    const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok).trimmed();
    return ok ? answer : u"error: "_s + answer;
}

ReplayEngine::Summary TestReplayClickHouse::replayAsFastAsPossible(const QString& file)
{
    ReplayEngine::Options options;
    options.files = { file };
    options.schedule.mode = ReplaySchedule::Mode::AsFastAsPossible;
    ReplayEngine engine(options, std::make_unique<ClickHouseReplayOutput>(config()));
    return runReplay(engine);
}

void TestReplayClickHouse::replaysFieldByField_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addRow("ClickHouse direct") << u"clickhouse"_s;
    QTest::addRow("OTLP protobuf to the receiver") << u"otlp-protobuf"_s;
    QTest::addRow("OTLP JSON to the receiver") << u"otlp-json"_s;
}

void TestReplayClickHouse::replaysFieldByField()
{
    QFETCH(QString, backend);
    const QList<SpanRecord> spans = numberedSpans(300);
    const QString capture = write(u"fields.jsonl"_s, spans);
    std::unique_ptr<LocalCollector> collector;
    std::unique_ptr<ReplayOutput> output;
    if (backend == u"clickhouse"_s) {
        output = std::make_unique<ClickHouseReplayOutput>(config());
    } else {
        LocalCollector::Options options;
        options.clickHouse = config(m_folder.filePath(u"collector-%1.spool"_s.arg(m_databases)));
        options.receiver.port = 0;
        options.withGateway = false;
        collector = std::make_unique<LocalCollector>(options);
        QString error;
        QVERIFY2(collector->start(&error), qPrintable(error));
        OtlpHttpExporterConfig otlp;
        otlp.setBaseUrl(collector->receiver()->url());
        otlp.encoding = backend == u"otlp-json"_s ? Otlp::Encoding::Json : Otlp::Encoding::Protobuf;
        output = std::make_unique<OtlpReplayOutput>(otlp);
    }
    ReplayEngine::Options options;
    options.files = { capture };
    options.schedule.mode = ReplaySchedule::Mode::AsFastAsPossible;
    ReplayEngine engine(options, std::move(output));
    const ReplayEngine::Summary summary = runReplay(engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.sent[ReplayEngine::Spans], 300);
    QCOMPARE(summary.output.failed, 0);

    ReplayVerifier verifier(config().endpoint, m_fixture.rowDialect());
    const qint64 expected[3] = { 300, RecordSamples::metrics().size(), RecordSamples::logs().size() };
    const ReplayVerifier::Result verified = verifier.verify(summary.replayId, expected, 30000);
    QVERIFY2(verified.exactlyOnce(), qPrintable(verified.error));

    // Field by field, in the order of the replay's numbers (which is the capture's order here).
    const bool modern = m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Modern;
    const QString seq = modern ? u"toUInt64(attributes['workbench.replay.seq'])"_s
                               : u"toUInt64(attributes.value[indexOf(attributes.key, 'workbench.replay.seq')])"_s;
    const QString rows = count(u"SELECT span_name, trace_id, span_id, parent_span_id, timestamp_ns, duration_ms, "
                               "span_kind, status_code, service_name, length(attributes%1) FROM %2.traces ORDER BY %3 "
                               "FORMAT TSV"_s.arg(modern ? QString() : u".key"_s, m_database, seq));
    const QStringList lines = rows.split(u'\n');
    QCOMPARE(lines.size(), 300);
    for (int i = 0; i < 300; ++i) {
        const SpanRecord& span = spans.at(i);
        const QString service =
            QString::fromUtf8(findAttribute(span.resource->attributes, "service.name")->toDisplayUtf8());
        const QString status = span.statusCode == Otlp::StatusCode::Error ? u"ERROR"_s
            : span.statusCode == Otlp::StatusCode::Ok                     ? u"OK"_s
                                                                          : u"UNSET"_s;
        QCOMPARE(span.kind, Otlp::SpanKind::Internal);
        const QString expectedLine = u"%1\t%2\t%3\t%4\t%5\t5\tINTERNAL\t%8\t%6\t%7"_s.arg(QString::fromUtf8(span.name),
            QString::fromLatin1(span.traceId.toHex()), QString::fromLatin1(span.spanId.toHex()),
            QString::fromLatin1(span.parentSpanId.toHex()), QString::number(span.startTimeUnixNano), service,
            QString::number(span.attributes.size() + 2), status);
        QCOMPARE(lines.at(i), expectedLine);
    }
    if (collector)
        collector->stop(10000);
}

void TestReplayClickHouse::replaysAClickHouseExport()
{
    // Rows already in a ClickHouse, exported with SELECT * ... FORMAT JSONEachRow as a user would,
    // replay elsewhere (here: again, under a new replay id) and come back the same.
    const QString capture = write(u"export-source.jsonl"_s, numberedSpans(120));
    const ReplayEngine::Summary original = replayAsFastAsPossible(capture);
    QCOMPARE(original.sent[ReplayEngine::Spans], 120);
    QFile exported(m_folder.filePath(u"export.jsonl"_s));
    QVERIFY(exported.open(QIODevice::WriteOnly));
    for (const char* table : { "traces", "metrics", "logs" }) {
        bool ok = false;
        const QString rows = ClickHouseFixture::run(m_fixture.endpoint(),
            u"SELECT * FROM %1.%2 FORMAT JSONEachRow"_s.arg(m_database, QLatin1StringView(table)), &ok);
        QVERIFY2(ok, qPrintable(rows));
        exported.write(rows.toUtf8() + "\n"); // run() trims the last newline
    }
    exported.close();
    const ReplayEngine::Summary again = replayAsFastAsPossible(exported.fileName());
    for (const auto& problem : again.problems)
        qWarning("%lld: %s", problem.problem.item, qPrintable(problem.problem.reason));
    QCOMPARE(again.problemCount, 0);
    QCOMPARE(again.sent[ReplayEngine::Spans], 120);
    QCOMPARE(again.sent[ReplayEngine::Metrics], RecordSamples::metrics().size());
    QCOMPARE(again.sent[ReplayEngine::Logs], RecordSamples::logs().size());
    ReplayVerifier verifier(config().endpoint, m_fixture.rowDialect());
    const qint64 expected[3] = { 120, RecordSamples::metrics().size(), RecordSamples::logs().size() };
    QVERIFY(verifier.verify(again.replayId, expected, 30000).exactlyOnce());
    const bool modern = m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Modern;
    const QString id = modern ? u"attributes['workbench.replay.id']"_s
                              : u"attributes.value[indexOf(attributes.key, 'workbench.replay.id')]"_s;
    auto rowsOf = [&](const QByteArray& replayId) {
        return count(u"SELECT span_name, trace_id, span_id, timestamp_ns, duration_ms, status_code, service_name, "
                     "project_name, user_id FROM %1.traces WHERE %2 = '%3' ORDER BY span_id FORMAT TSV"_s.arg(
                         m_database, id, QString::fromUtf8(replayId)));
    };
    const QString before = rowsOf(original.replayId);
    QCOMPARE(before.count(u'\n'), 119);
    QCOMPARE(rowsOf(again.replayId), before);
}

void TestReplayClickHouse::verificationReportsDeletedRowsAsMissing()
{
    const QString capture = write(u"deleted.jsonl"_s, numberedSpans(50));
    const ReplayEngine::Summary summary = replayAsFastAsPossible(capture);
    QCOMPARE(summary.sent[ReplayEngine::Spans], 50);
    const bool modern = m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Modern;
    const QString seq = modern ? u"attributes['workbench.replay.seq']"_s
                               : u"attributes.value[indexOf(attributes.key, 'workbench.replay.seq')]"_s;
    QCOMPARE(count(u"ALTER TABLE %1.traces DELETE WHERE %2 IN ('7', '21', '22')"_s.arg(m_database, seq)), QString());
    // A mutation is applied in the background: wait until the rows are gone.
    QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT count() FROM %1.traces"_s.arg(m_database)), u"47"_s, 30000);
    ReplayVerifier verifier(config().endpoint, m_fixture.rowDialect());
    const qint64 expected[3] = { 50, RecordSamples::metrics().size(), RecordSamples::logs().size() };
    const ReplayVerifier::Result verified = verifier.verify(summary.replayId, expected, 2000);
    QVERIFY(!verified.exactlyOnce());
    QCOMPARE(verified.signalResults.at(0).missing, 3);
    QCOMPARE(verified.signalResults.at(0).missingKeys, (QList<qint64> { 7, 21, 22 }));
    QCOMPARE(verified.signalResults.at(0).duplicated, 0);
    QCOMPARE(verified.signalResults.at(1).missing, 0);
    QCOMPARE(verified.signalResults.at(2).missing, 0);
}

void TestReplayClickHouse::malformedLinesCostOnlyThemselves()
{
    // 100,000 one-span lines with a malformed one after every hundredth good one.
    const QString path = m_folder.filePath(u"malformed.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    SpanRecord span;
    span.traceId = RecordSamples::traceId(9);
    span.resource = std::make_shared<const Resource>();
    QList<qint64> badLines;
    qint64 line = 0;
    for (int i = 0; i < 100'000; ++i) {
        const quint64 unique = quint64(i) + 1;
        SpanId::fromBytes(QByteArrayView(reinterpret_cast<const char*>(&unique), 8), &span.spanId);
        span.name = "line-" + QByteArray::number(i);
        span.startTimeUnixNano = base + quint64(i);
        file.write(OtlpCodec::encodeTraces({ span }, Otlp::Encoding::Json) + '\n');
        ++line;
        if (i % 100 == 99) {
            file.write(i % 200 == 99
                    ? QByteArray(R"({"resourceSpans":[{"scopeSpans":)") + '\n'
                    : QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"name":1}]}]}]})") + '\n');
            badLines.append(++line);
        }
    }
    file.close();
    QCOMPARE(badLines.size(), 1000);
    const ReplayEngine::Summary summary = replayAsFastAsPossible(path);
    QCOMPARE(summary.sent[ReplayEngine::Spans], 100'000);
    QCOMPARE(summary.problemCount, 1000);
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(summary.problems.at(i).problem.item, badLines.at(i));
        const QString& reason = summary.problems.at(i).problem.reason;
        QVERIFY2(
            reason.contains(i % 2 == 0 ? u"JSON error"_s : u"expected a string, got a number"_s), qPrintable(reason));
    }
    QCOMPARE(count(u"SELECT count(), uniqExact(span_id) FROM %1.traces"_s.arg(m_database)), u"100000\t100000"_s);
}

void TestReplayClickHouse::anOutageMidReplayLosesAndDuplicatesNothing()
{
    // 12,000 spans at 3,000 a second (4 s); ClickHouse is killed after 1 s and back 2 s later.
    const QString capture = write(u"outage.jsonl"_s, numberedSpans(12'000));
    ReplayEngine::Options options;
    options.files = { capture };
    options.schedule.mode = ReplaySchedule::Mode::FixedRate;
    options.schedule.rate = 3000;
    options.finishTimeoutMs = 120'000;
    ReplayEngine engine(
        options, std::make_unique<ClickHouseReplayOutput>(config(m_folder.filePath(u"outage.spool"_s))));
    QSignalSpy finished(&engine, &ReplayEngine::finished);
    LocalClickHouse& server = m_fixture.server();
    QTimer::singleShot(1000, &engine, [&] { ::kill(static_cast<pid_t>(server.serverPid()), SIGKILL); });
    QTimer::singleShot(3000, &engine, [&] { server.start(); });
    engine.start();
    QVERIFY(finished.wait(180000));
    const auto summary = finished.first().first().value<ReplayEngine::Summary>();
    QVERIFY(server.isRunning() || ClickHouseFixture::waitForStartOutcome(server));
    qInfo("outage replay: %lld sent, %lld delivered, %lld in the spool, %lld lost; last error: %s", summary.totalSent(),
        summary.output.delivered, summary.output.spooled, summary.output.failed, qPrintable(summary.output.lastError));
    QCOMPARE(summary.sent[ReplayEngine::Spans], 12'000);
    QVERIFY2(!summary.output.lastError.isEmpty(), "the outage was not noticed: the test proves nothing");
    ReplayVerifier verifier(config().endpoint, m_fixture.rowDialect());
    const qint64 expected[3] = { 12'000, RecordSamples::metrics().size(), RecordSamples::logs().size() };
    const ReplayVerifier::Result verified = verifier.verify(summary.replayId, expected, 60000);
    for (const auto& part : verified.signalResults)
        qInfo("%s: %lld expected, %lld missing, %lld duplicated", qPrintable(part.table), part.expected, part.missing,
            part.duplicated);
    QVERIFY2(verified.exactlyOnce(), qPrintable(verified.error));
}

ClickHouseBackendConfig TestReplayClickHouse::unreachable(const QString& spool, qint64 spoolBytes) const
{
    QTcpServer probe; // a port that was free a moment ago: nothing answers there
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free loopback port");
    const quint16 closedPort = probe.serverPort();
    probe.close();
    ClickHouseBackendConfig config = this->config(m_folder.filePath(spool));
    config.endpoint.url.setPort(closedPort);
    config.spoolMaxBytes = spoolBytes;
    config.throughputBatchRows = 1000; // the replay hands over this many at a time
    config.retry.maxRetries = 0;
    return config;
}

void TestReplayClickHouse::aFullSpoolHoldsTheReplayBack()
{
    // No server, and a spool with room for a few thousand rows: what does not fit waits in memory,
    // and the replay must wait with it, not go on reading the capture into memory. Twice: the
    // second run finds the spool full from the first.
    const int total = 20'000;
    const qint64 maxOutstanding = 2000;
    const QString capture = write(u"full.jsonl"_s, numberedSpans(total));
    const ClickHouseBackendConfig target = unreachable(u"full.spool"_s, 4 << 20);
    auto replayUntilItWaits = [&] {
        ReplayEngine::Options options;
        options.files = { capture };
        options.schedule.mode = ReplaySchedule::Mode::AsFastAsPossible;
        options.maxOutstanding = maxOutstanding;
        options.finishTimeoutMs = 500;
        ReplayEngine engine(options, std::make_unique<ClickHouseReplayOutput>(target));
        QSignalSpy finished(&engine, &ReplayEngine::finished);
        // The user gives up once the replay has handed nothing over for a second (it reads the
        // whole capture in a fraction of that when nothing holds it back).
        qint64 lastSent = -1;
        QElapsedTimer sameSince;
        connect(&engine, &ReplayEngine::progressed, &engine, [&](const ReplayEngine::Progress& progress) {
            if (progress.sent != lastSent) {
                lastSent = progress.sent;
                sameSince.start();
            } else if (lastSent > 0 && sameSince.elapsed() >= 1000) {
                engine.cancel();
            }
        });
        engine.start();
        if (finished.isEmpty() && !finished.wait(60000))
            qFatal("the replay did not finish in 60 s");
        const auto summary = finished.first().first().value<ReplayEngine::Summary>();
        qInfo("full spool: %lld of %d handed over, %lld in the spool, %lld lost; last error: %s",
            summary.sent[ReplayEngine::Spans], total, summary.output.spooled, summary.output.failed,
            qPrintable(summary.output.lastError));
        return summary;
    };
    const auto first = replayUntilItWaits();
    // What waited beside the spool (lost at the cancel) is what the replay may keep in memory, and
    // one hand-over more; without the wait it was the rest of the capture.
    QCOMPARE_LE(first.output.failed, maxOutstanding + 1000);
    QCOMPARE_LT(first.sent[ReplayEngine::Spans], total);
    QCOMPARE(first.output.spooled + first.output.failed, first.totalSent());
    QVERIFY2(first.output.spooled > 0 && first.output.failed > 0,
        "the spool did not fill (rows waiting for room are lost at the cancel): the test proves nothing");
    QVERIFY(first.cancelled);
    // The rows the first run left in the spool are not the second run's to wait for.
    const auto second = replayUntilItWaits();
    QCOMPARE_LE(second.output.failed, maxOutstanding + 1000);
    QCOMPARE(second.output.spooled - first.output.spooled + second.output.failed, second.totalSent());
    QVERIFY(second.cancelled);
}

void TestReplayClickHouse::aBatchLargerThanTheSpoolIsLostNotHeld()
{
    // Held for a spool that can never take it, a batch would stop the replay for good: it is
    // counted lost and reported at once, and the replay goes to the end by itself.
    ReplayEngine::Options options;
    options.files = { write(u"large.jsonl"_s, numberedSpans(5000)) };
    options.schedule.mode = ReplaySchedule::Mode::AsFastAsPossible;
    options.maxOutstanding = 2000;
    options.finishTimeoutMs = 500;
    ReplayEngine engine(options, std::make_unique<ClickHouseReplayOutput>(unreachable(u"large.spool"_s, 64 << 10)));
    QSignalSpy finished(&engine, &ReplayEngine::finished);
    engine.start();
    QVERIFY2(!finished.isEmpty() || finished.wait(60000), "the replay waits for a spool that cannot take its rows");
    const auto summary = finished.first().first().value<ReplayEngine::Summary>();
    qInfo("spool too small: %lld handed over, %lld in the spool, %lld lost; last error: %s", summary.totalSent(),
        summary.output.spooled, summary.output.failed, qPrintable(summary.output.lastError));
    QVERIFY(!summary.cancelled);
    QCOMPARE(summary.sent[ReplayEngine::Spans], 5000);
    QCOMPARE_GE(summary.output.failed, 5000);
    QCOMPARE(summary.output.spooled + summary.output.failed, summary.totalSent());
}

QTEST_GUILESS_MAIN(TestReplayClickHouse)
#include "tst_replayclickhouse.moc"
