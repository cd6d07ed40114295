#include "capture/clickhousereplayoutput.h"
#include "capture/otlpreplayoutput.h"
#include "capture/replayengine.h"
#include "capture/replayverifier.h"
#include "clickhouse/clickhouseschemadefinition.h"
#include "clickhousefixture.h"
#include "collector/localcollector.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString peerDir = QStringLiteral(WORKBENCH_INTEROP_PEER_DIR);
} // namespace

/// A capture recorded by `automagik-workbench record` from the OpenTelemetry JS SDK's six
/// exporters (which also stores the originals in ClickHouse) replays through the direct backend
/// and through the receiver (OTLP protobuf), and the replayed rows equal the originals column by
/// column, the replay's own stamps aside.
class TestReplayInterop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replayedRowsEqualTheOriginals_data();
    void replayedRowsEqualTheOriginals();

private:
    QString query(const QString& sql) const;
    QString rows(const QString& database, const char* table) const;
    ClickHouseBackendConfig config(const QString& database) const;

    ClickHouseFixture m_fixture;
    QTemporaryDir m_folder;
    QString m_capture;
};

QString TestReplayInterop::query(const QString& sql) const
{
    bool ok = false;
    const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok).trimmed();
    return ok ? answer : u"error: "_s + answer;
}

ClickHouseBackendConfig TestReplayInterop::config(const QString& database) const
{
    ClickHouseBackendConfig config;
    config.endpoint = m_fixture.endpoint();
    config.endpoint.database = database;
    config.dialect = m_fixture.rowDialect();
    config.mode = ClickHouseBackendConfig::Mode::Throughput;
    config.flushIntervalMs = 200;
    return config;
}

QString TestReplayInterop::rows(const QString& database, const char* table) const
{
    // Every column a record gives, but the random row ids; attributes without the replay's stamps.
    const QString attributes = m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Legacy
        ? u"arrayFilter(x -> NOT startsWith(x, 'workbench.replay.'), "
          "arrayMap((k, v) -> concat(k, '=', v), attributes.key, attributes.value))"_s
        : u"arrayFilter(x -> NOT startsWith(x, 'workbench.replay.'), "
          "arrayMap((k, v) -> concat(k, '=', v), mapKeys(attributes), mapValues(attributes)))"_s;
    const QString resource = u"service_name, project_name, project_version, environment, hostname, user_id, "
                             "session_id, instrumentation_library_name, instrumentation_library_version"_s;
    QString columns;
    if (qstrcmp(table, "traces") == 0)
        columns = u"trace_id, span_id, parent_span_id, timestamp_ns, duration_ms, span_name, span_kind, status_code, "
                  "status_message"_s;
    else if (qstrcmp(table, "metrics") == 0)
        columns = u"metric_name, toString(metric_type), metric_unit, metric_description, timestamp_ns, value_int, "
                  "value_double, is_monotonic, toString(aggregation_temporality), histogram_count, histogram_sum, "
                  "histogram_bucket_counts, histogram_explicit_bounds"_s;
    else
        columns = u"trace_id, span_id, timestamp_ns, observed_timestamp_ns, severity_text, severity_number, body, "
                  "toString(body_type), flags"_s;
    return query(u"SELECT %1, %2, %3 FROM %4.%5 ORDER BY %1 FORMAT TSV"_s.arg(
        columns, resource, attributes, database, QLatin1StringView(table)));
}

void TestReplayInterop::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    for (const QString& database : { u"replayed_direct"_s, u"replayed_otlp"_s }) {
        const auto statements =
            ClickHouseSchemaDefinition::load(m_fixture.serverInfo().dialect(), database).statements();
        for (const QString& statement : statements)
            QVERIFY2(!query(statement).startsWith(u"error: "_s), qPrintable(statement));
    }
    // `record` in front of the fixture's server: the originals go to telemetry.*, the capture to a file.
    m_capture = m_folder.filePath(u"oteljs.jsonl"_s);
    const ClickHouseEndpoint endpoint = m_fixture.endpoint();
    QProcess record;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, endpoint.password);
    record.setProcessEnvironment(environment);
    record.start(QStringLiteral(WORKBENCH_APP_PATH),
        { u"record"_s, u"--out"_s, m_capture, u"--otlp-port"_s, u"0"_s, u"--json"_s, u"--endpoint"_s,
            endpoint.url.toString(), u"--user"_s, endpoint.user, u"--database"_s, u"telemetry"_s, u"--data-dir"_s,
            m_folder.filePath(u"data"_s) });
    QByteArray announced;
    QTRY_VERIFY_WITH_TIMEOUT((announced += record.readAllStandardOutput()).contains("\"state\":\"recording\""), 60000);
    const QByteArray line = announced.left(announced.indexOf('\n'));
    const QString url = QString::fromUtf8(line.mid(line.indexOf("\"otlp_url\":\"") + 12)).section(u'"', 0, 0);
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), line.constData());

    const QString node = QStandardPaths::findExecutable(u"node"_s);
    QVERIFY2(!node.isEmpty(), "node is missing: run packaging/install-deps.sh (it installs nodejs and npm)");
    QProcess peer;
    peer.setWorkingDirectory(peerDir);
    peer.start(node, { u"otlp-peer.mjs"_s, u"send"_s, url });
    QVERIFY2(peer.waitForFinished(120000), "the OpenTelemetry JS peer did not finish within 120 s");
    QVERIFY2(peer.exitStatus() == QProcess::NormalExit && peer.exitCode() == 0,
        qPrintable(QString::fromUtf8(peer.readAllStandardError())));
    record.terminate(); // SIGTERM: record stops as at Ctrl-C
    QVERIFY(record.waitForFinished(60000));
    const QByteArray output = announced + record.readAllStandardOutput();
    QVERIFY2(record.exitStatus() == QProcess::NormalExit && record.exitCode() == 0,
        qPrintable(QString::fromUtf8(output + record.readAllStandardError())));
    qInfo("record: %s", output.trimmed().split('\n').last().constData());
    QCOMPARE(query(u"SELECT count() FROM telemetry.traces"_s), u"8"_s);
}

void TestReplayInterop::replayedRowsEqualTheOriginals_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addRow("ClickHouse direct") << u"replayed_direct"_s;
    QTest::addRow("OTLP protobuf through the receiver") << u"replayed_otlp"_s;
}

void TestReplayInterop::replayedRowsEqualTheOriginals()
{
    QFETCH(QString, backend);
    std::unique_ptr<LocalCollector> collector;
    std::unique_ptr<ReplayOutput> output;
    if (backend == u"replayed_direct"_s) {
        output = std::make_unique<ClickHouseReplayOutput>(config(backend));
    } else {
        LocalCollector::Options options;
        options.clickHouse = config(backend);
        options.clickHouse.spoolPath = m_folder.filePath(u"collector.spool"_s);
        options.receiver.port = 0;
        options.withGateway = false;
        collector = std::make_unique<LocalCollector>(options);
        QString error;
        QVERIFY2(collector->start(&error), qPrintable(error));
        OtlpHttpExporterConfig otlp;
        otlp.setBaseUrl(collector->receiver()->url());
        output = std::make_unique<OtlpReplayOutput>(otlp);
    }
    ReplayEngine::Options options;
    options.files = { m_capture };
    options.schedule.mode = ReplaySchedule::Mode::AsFastAsPossible;
    ReplayEngine engine(options, std::move(output));
    QSignalSpy finished(&engine, &ReplayEngine::finished);
    engine.start();
    QVERIFY(!finished.isEmpty() || finished.wait(120000));
    const auto summary = finished.first().first().value<ReplayEngine::Summary>();
    QVERIFY2(summary.error.isEmpty() && summary.problemCount == 0, qPrintable(summary.error));
    ReplayVerifier verifier(config(backend).endpoint, m_fixture.rowDialect());
    QVERIFY(verifier.verify(summary.replayId, summary.sent, 30000).exactlyOnce());
    for (const char* table : { "traces", "metrics", "logs" }) {
        const QString original = rows(u"telemetry"_s, table);
        QVERIFY2(!original.isEmpty() && !original.startsWith(u"error: "_s), qPrintable(original));
        qInfo("%s: %lld rows equal", table, qint64(original.count(u'\n') + 1));
        QCOMPARE(rows(backend, table), original);
    }
    if (collector)
        collector->stop(10000);
}

QTEST_GUILESS_MAIN(TestReplayInterop)
#include "tst_replayinterop.moc"
