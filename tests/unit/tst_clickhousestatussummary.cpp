#include "clickhouse/localclickhouse.h"
#include "clickhousestatussummary.h"
#include "health/clickhouseprobe.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Level = ClickHouseStatusSummary::Level;

class TestClickHouseStatusSummary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingServerSaysHowToInstall();
    void noEndpointIsIdle();
    void unreachableExternalServerIsAnError();
};

void TestClickHouseStatusSummary::missingServerSaysHowToInstall()
{
    QTemporaryDir directory;
    LocalClickHouse::Options options;
    options.dataDirectory = directory.path();
    options.serverBinary = directory.filePath(u"no-such-clickhouse-server"_s);
    LocalClickHouse managed(options);
    QSignalSpy failed(&managed, &LocalClickHouse::failed);
    managed.start();
    QCOMPARE(failed.size(), 1);
    QVERIFY(managed.isServerMissing());
    const auto summary = ClickHouseStatusSummary::summarize(&managed, nullptr);
    QCOMPARE(summary.level, Level::Error);
    QVERIFY2(summary.text.contains(u"sudo apt-get install clickhouse-server"_s), qPrintable(summary.text));
    QVERIFY2(summary.detail.contains(u"AUTOMAGIK_WORKBENCH_CLICKHOUSE_SERVER"_s), qPrintable(summary.detail));
}

void TestClickHouseStatusSummary::noEndpointIsIdle()
{
    ClickHouseProbe probe;
    const auto summary = ClickHouseStatusSummary::summarize(nullptr, &probe);
    QCOMPARE(summary.level, Level::Idle);
    QVERIFY(summary.text.contains(u"no server configured"_s));
}

void TestClickHouseStatusSummary::unreachableExternalServerIsAnError()
{
    // A port we hold open and never answer on would hang; a closed port is refused at once.
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 port = holder.serverPort();
    holder.close();

    ClickHouseProbe probe;
    ClickHouseEndpoint endpoint;
    endpoint.url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    endpoint.user = u"default"_s;
    probe.setEndpoint(endpoint);
    QCOMPARE(ClickHouseStatusSummary::summarize(nullptr, &probe).level, Level::Pending);
    QSignalSpy sampled(&probe, &ClickHouseProbe::sampled);
    probe.probeNow();
    QVERIFY(sampled.wait(10000));
    const auto summary = ClickHouseStatusSummary::summarize(nullptr, &probe);
    QCOMPARE(summary.level, Level::Error);
    QVERIFY2(summary.text.contains(u"unreachable at 127.0.0.1:%1 (external)"_s.arg(port)), qPrintable(summary.text));
    QVERIFY2(summary.text.contains(u"Network error"_s), qPrintable(summary.text));
}

QTEST_GUILESS_MAIN(TestClickHouseStatusSummary)
#include "tst_clickhousestatussummary.moc"
