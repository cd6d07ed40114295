#include "clickhousefixture.h"
#include "collector/localcollector.h"
#include "httptestclient.h"
#include "otlp/otlpcodec.h"
#include "recordsamples.h"
#include "screenshots.h"
#include "widgets/collectortile.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// The Health page's collector tile follows a real collector: its addresses once it runs, what
/// it accepted, the errors it answered, and its stop.
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
    QTRY_COMPARE_WITH_TIMEOUT(tile.acceptedText(), u"7 spans, 0 metric points, 0 logs"_s, 5000);
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
