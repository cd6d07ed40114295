#include "clickhousefixture.h"
#include "collector/localcollector.h"
#include "httptestclient.h"
#include "otlp/otlpcodec.h"
#include "recordsamples.h"
#include "screenshots.h"
#include "widgets/collectortile.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// The Health page's collector tile follows a real collector: its addresses once it runs, the
/// pipeline per signal (accepted, refused, stored), the errors it answered, and its stop.
class TestCollectorTile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheCollector();
    void saysWhyItIsNotRunningWithAnExternalServer();
};

void TestCollectorTile::followsTheCollector()
{
    ClickHouseFixture fixture;
    START_CLICKHOUSE(fixture);
    QTemporaryDir spool;
    LocalCollector collector;
    LocalCollector::Options options;
    options.clickHouse.endpoint = fixture.endpoint();
    options.clickHouse.endpoint.database = u"telemetry"_s;
    options.clickHouse.dialect = fixture.rowDialect();
    options.clickHouse.spoolPath = spool.filePath(u"collector.spool"_s);
    options.receiver.port = 0;
    options.gateway.port = 0;
    collector.configure(options);
    CollectorTile tile(&collector);
    tile.resize(720, 220);
    tile.show();
    QVERIFY(tile.stateText().startsWith(u"Stopped"_s));

    collector.startAndReport();
    QTRY_COMPARE(tile.stateText(), u"Receiving"_s);
    QVERIFY2(tile.receiverText().startsWith(collector.receiver()->url().toString()), qPrintable(tile.receiverText()));

    HttpTestClient client;
    const QUrl traces(collector.receiver()->url().toString() + u"/v1/traces"_s);
    QCOMPARE(client
                 .post(traces, "application/x-protobuf",
                     OtlpCodec::encodeTraces(RecordSamples::realisticEvents(7), Otlp::Encoding::Protobuf))
                 .status,
        200);
    QCOMPARE(client.post(traces, "text/plain", "nonsense").status, 415);
    // A span with an all-zero trace id is refused alone (a partial success).
    const QByteArray zeroTrace = R"({"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[{"traceId":)"
                                 R"("00000000000000000000000000000000","spanId":"0102030405060708","name":"zero",)"
                                 R"("startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})";
    QCOMPARE(client.post(traces, "application/json", zeroTrace).status, 200);
    // The pipeline per signal: what the receiver took, refused, and what reached ClickHouse.
    QTRY_COMPARE_WITH_TIMEOUT(
        tile.pipelineText(ListenerStatistics::Traces), u"7 accepted, 1 refused, 7 stored"_s, 5000);
    QCOMPARE(tile.pipelineText(ListenerStatistics::Logs), u"0 accepted, 0 refused, 0 stored"_s);
    QCOMPARE(tile.spoolText(), u"empty"_s);
    QCOMPARE(ClickHouseFixture::run(options.clickHouse.endpoint, u"SELECT count() FROM telemetry.traces"_s).trimmed(),
        u"7"_s);
    QTRY_VERIFY_WITH_TIMEOUT(tile.errorsText().contains(u"1 × 415"_s), 5000);
    Screenshots::save(&tile, u"health-collector"_s);

    collector.stop(5000);
    QTRY_VERIFY(tile.stateText().startsWith(u"Stopped"_s));
    QCOMPARE(tile.receiverText(), u"not listening"_s);
}

void TestCollectorTile::saysWhyItIsNotRunningWithAnExternalServer()
{
    CollectorTile tile(nullptr);
    QVERIFY2(tile.stateText().contains(u"managed ClickHouse only"_s), qPrintable(tile.stateText()));
}

QTEST_MAIN(TestCollectorTile)
#include "tst_collectortile.moc"
