#include "clickhousefixture.h"
#include "collector/localcollector.h"
#include "live/clickhousetail.h"
#include "liverecordmodel.h"
#include "pages/livepage.h"
#include "screenshots.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString peerDir = QStringLiteral(WORKBENCH_INTEROP_PEER_DIR);
const QStringList combinations { u"oteljs-http-none"_s, u"oteljs-http-gzip"_s, u"oteljs-proto-none"_s,
    u"oteljs-proto-gzip"_s };
} // namespace

/// The OpenTelemetry JS SDK's six OTLP exporters (http/JSON and proto, uncompressed and gzip, for
/// traces, metrics and logs), pointed unchanged at the workbench's receiver: every record must
/// arrive in ClickHouse with the right columns, and show once on the Live page, which also
/// follows the tables.
class TestReceiverInterop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spansArriveWithTheirColumns();
    void metricPointsArriveByType();
    void logsArriveWithSeverityBodyAndTrace();
    void recordsShowOnceOnTheLivePage();

private:
    QString query(const QString& sql) const;

    ClickHouseFixture m_fixture;
    std::unique_ptr<LocalCollector> m_collector;
    std::unique_ptr<LivePage> m_live;
    QTemporaryDir m_spool;
};

QString TestReceiverInterop::query(const QString& sql) const
{
    bool ok = false;
    const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), sql + u" FORMAT TSV"_s, &ok).trimmed();
    return ok ? answer : u"error: "_s + answer;
}

void TestReceiverInterop::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    LocalCollector::Options options;
    options.clickHouse.endpoint = m_fixture.endpoint();
    options.clickHouse.endpoint.database = u"telemetry"_s;
    options.clickHouse.dialect = m_fixture.rowDialect();
    options.clickHouse.spoolPath = m_spool.filePath(u"collector.spool"_s);
    options.receiver.port = 0;
    options.withGateway = false;
    m_collector = std::make_unique<LocalCollector>(options);
    QString error;
    QVERIFY2(m_collector->start(&error), qPrintable(error));
    // The Live page watches both the receiver and the tables the receiver's rows go to.
    m_live = std::make_unique<LivePage>();
    m_live->setCollector(m_collector.get());
    m_live->setServer(m_fixture.endpoint());
    m_live->resize(1300, 800);
    m_live->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_live.get()));
    QVERIFY(m_live->tail()->isRunning());

    const QString node = QStandardPaths::findExecutable(u"node"_s);
    QVERIFY2(!node.isEmpty(), "node is missing: run packaging/install-deps.sh (it installs nodejs and npm)");
    QProcess peer;
    peer.setWorkingDirectory(peerDir);
    QSignalSpy finished(&peer, &QProcess::finished);
    peer.start(node, { u"otlp-peer.mjs"_s, u"send"_s, m_collector->receiver()->url().toString() });
    // The receiver runs on this thread: wait with the event loop going, not in waitForFinished().
    QVERIFY2(finished.wait(120000), "the OpenTelemetry JS peer did not finish within 120 s");
    QVERIFY2(peer.exitStatus() == QProcess::NormalExit && peer.exitCode() == 0,
        qPrintable(QString::fromUtf8(peer.readAllStandardError())));
    const auto statistics = m_collector->receiver()->statistics();
    qInfo("receiver: %lld requests, %lld spans, %lld points, %lld logs, %lld errors", statistics.requests,
        statistics.accepted[ListenerStatistics::Traces], statistics.accepted[ListenerStatistics::Metrics],
        statistics.accepted[ListenerStatistics::Logs], statistics.errors());
    QCOMPARE(statistics.errors(), 0);
    QCOMPARE(statistics.bends.total(), 0); // the JS SDK keeps to the spec
}

void TestReceiverInterop::spansArriveWithTheirColumns()
{
    QCOMPARE(query(u"SELECT count() FROM telemetry.traces"_s), u"8"_s);
    for (const QString& service : combinations) {
        const QString parent =
            query(u"SELECT span_kind, status_code, attributes.value[indexOf(attributes.key, 'attr.str')], "
                  "attributes.value[indexOf(attributes.key, 'attr.int')], attributes.value[indexOf(attributes.key, "
                  "'attr.bool')], "
                  "project_name, instrumentation_library_name FROM telemetry.traces "
                  "WHERE service_name = '%1' AND span_name = 'parent-op'"_s.arg(service)
                      .replace(u"attributes.value[indexOf(attributes.key, "_s,
                          m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Legacy
                              ? u"attributes.value[indexOf(attributes.key, "_s
                              : u"attributes[("_s));
        QCOMPARE(parent, u"SERVER\tOK\tolá ✓\t42\ttrue\tinterop\toteljs.interop"_s);
        const QString child =
            query(u"SELECT span_kind, status_code, status_message, "
                  "parent_span_id = (SELECT any(span_id) FROM telemetry.traces WHERE service_name = "
                  "'%1' AND span_name = 'parent-op'), "
                  "trace_id = (SELECT any(trace_id) FROM telemetry.traces WHERE service_name = '%1' "
                  "AND span_name = 'parent-op') "
                  "FROM telemetry.traces WHERE service_name = '%1' AND span_name = 'child-op'"_s.arg(service));
        QCOMPARE(child, u"CLIENT\tERROR\tupstream failed\t1\t1"_s);
    }
}

void TestReceiverInterop::metricPointsArriveByType()
{
    QCOMPARE(query(u"SELECT count() FROM telemetry.metrics"_s),
        QString::number(m_collector->receiver()->statistics().accepted[ListenerStatistics::Metrics]));
    for (const QString& service : combinations) {
        // The reader exports at forceFlush() and again at shutdown() (cumulative: the same points).
        const QString rows =
            query(u"SELECT DISTINCT metric_name, toString(metric_type), metric_unit, round(value_double, 3), "
                  "value_int, histogram_count, round(histogram_sum, 3) FROM telemetry.metrics "
                  "WHERE service_name = '%1' ORDER BY metric_name, value_double"_s.arg(service));
        QCOMPARE(rows,
            u"test.bytes\tSUM\tBy\t1024\t1024\t0\t0\n"
            "test.latency\tHISTOGRAM\tms\t138.875\t0\t4\t555.5\n"
            "test.queue\tSUM\t\t-4\t0\t0\t0\n"
            "test.requests\tSUM\t{request}\t2\t0\t0\t0\n"
            "test.requests\tSUM\t{request}\t3\t0\t0\t0\n"
            "test.temperature\tGAUGE\tCel\t-21.5\t0\t0\t0"_s);
    }
}

void TestReceiverInterop::logsArriveWithSeverityBodyAndTrace()
{
    for (const QString& service : combinations) {
        const QString rows =
            query(u"SELECT severity_number, severity_text, body FROM telemetry.logs "
                  "WHERE service_name = '%1' AND body LIKE 'message at %%' ORDER BY severity_number"_s.arg(service));
        QCOMPARE(rows,
            u"5\tDEBUG\tmessage at DEBUG\n9\tINFO\tmessage at INFO\n13\tWARN\tmessage at WARN\n17\tERROR\tmessage at "
            "ERROR\n21\tFATAL\tmessage at FATAL"_s);
        // The structured body, tied to the parent span by trace and span id.
        const QString structured = query(
            u"SELECT toString(body_type), trace_id = (SELECT any(trace_id) FROM telemetry.traces WHERE service_name = "
            "'%1' AND span_name = 'parent-op'), span_id = (SELECT any(span_id) FROM telemetry.traces WHERE "
            "service_name = '%1' AND span_name = 'parent-op') FROM telemetry.logs WHERE service_name = '%1' AND body "
            "NOT LIKE 'message at %%'"_s.arg(service));
        QCOMPARE(structured, u"JSON\t1\t1"_s);
    }
}

void TestReceiverInterop::recordsShowOnceOnTheLivePage()
{
    const ListenerStatistics statistics = m_collector->receiver()->statistics();
    const int accepted = int(statistics.accepted[ListenerStatistics::Traces]
        + statistics.accepted[ListenerStatistics::Metrics] + statistics.accepted[ListenerStatistics::Logs]);
    LiveRecordModel* records = m_live->records();
    QTRY_COMPARE_WITH_TIMEOUT(records->rowCount(), accepted, 10'000);
    QSet<QString> services;
    QSet<QString> kinds;
    for (int row = 0; row < records->rowCount(); ++row) {
        services.insert(records->index(row, LiveRecordModel::ServiceColumn).data().toString());
        kinds.insert(records->index(row, LiveRecordModel::SignalColumn).data().toString());
    }
    for (const QString& combination : combinations)
        QVERIFY2(services.contains(combination), qPrintable(QStringList(services.values()).join(u", "_s)));
    QCOMPARE(kinds, (QSet<QString> { u"span"_s, u"metric"_s, u"log"_s }));
    Screenshots::save(m_live.get(), u"live-oteljs"_s);

    // Every row is in the tables by now: two whole looks at them bring none of them a second time.
    QCOMPARE(query(u"SELECT (SELECT count() FROM telemetry.traces) + (SELECT count() FROM telemetry.metrics) + "
                   u"(SELECT count() FROM telemetry.logs)"_s),
        QString::number(accepted));
    const qint64 looks = m_live->tail()->looks();
    QTRY_VERIFY_WITH_TIMEOUT(m_live->tail()->looks() >= looks + 2, 10'000);
    QVERIFY2(m_live->tail()->lastError().isEmpty(), qPrintable(m_live->tail()->lastError()));
    QCOMPARE(records->readFromTables(), 0);
    QCOMPARE(records->rowCount(), accepted);
}

QTEST_MAIN(TestReceiverInterop)
#include "tst_receiverinterop.moc"
