#include "query/grafanareducer.h"
#include "query/grafanaunits.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
const double null = std::nan("");
}

/// Numbers as Grafana writes them for the units the upstream dashboards use (and a few more),
/// and Grafana's reducers that make one number of a column.
class TestGrafanaUnits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void reduce_data();
    void reduce();
    void unknownCalc();
};

void TestGrafanaUnits::format_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("decimals"); // -1: the panel does not say
    QTest::addColumn<QString>("expected");

    QTest::newRow("short integer") << 7.0 << u"short"_s << -1 << u"7"_s;
    QTest::newRow("short zero") << 0.0 << u"short"_s << -1 << u"0"_s;
    QTest::newRow("short thousands") << 1234.0 << u"short"_s << -1 << u"1.23 K"_s;
    QTest::newRow("short tens of thousands") << 12345.0 << u"short"_s << -1 << u"12.3 K"_s;
    QTest::newRow("short millions") << 1500000.0 << u"short"_s << -1 << u"1.50 Mil"_s;
    QTest::newRow("short billions") << 3e9 << u"short"_s << -1 << u"3 Bil"_s;
    QTest::newRow("short negative") << -1234.0 << u"short"_s << -1 << u"-1.23 K"_s;
    QTest::newRow("short fraction") << 0.5 << u"short"_s << -1 << u"0.500"_s;
    QTest::newRow("short with decimals") << 1234.0 << u"short"_s << 1 << u"1.2 K"_s;
    QTest::newRow("no unit is short") << 4200.0 << QString() << -1 << u"4.20 K"_s;
    QTest::newRow("none") << 3.14159 << u"none"_s << -1 << u"3.14"_s;
    QTest::newRow("none, decimals 0") << 3.6 << u"none"_s << 0 << u"4"_s;
    QTest::newRow("ms") << 126.98 << u"ms"_s << -1 << u"127 ms"_s;
    QTest::newRow("ms to s") << 1500.0 << u"ms"_s << -1 << u"1.50 s"_s;
    QTest::newRow("ms to min") << 150000.0 << u"ms"_s << -1 << u"2.50 min"_s;
    QTest::newRow("ms to hour") << 7200000.0 << u"ms"_s << -1 << u"2 hour"_s;
    QTest::newRow("ms with decimals") << 126.98 << u"ms"_s << 1 << u"127.0 ms"_s;
    QTest::newRow("s") << 42.0 << u"s"_s << -1 << u"42 s"_s;
    QTest::newRow("s to min") << 90.0 << u"s"_s << -1 << u"1.50 min"_s;
    QTest::newRow("s to ms") << 0.25 << u"s"_s << -1 << u"250 ms"_s;
    QTest::newRow("s to µs") << 0.00025 << u"s"_s << -1 << u"250 µs"_s;
    QTest::newRow("s to day") << 172800.0 << u"s"_s << -1 << u"2 day"_s;
    QTest::newRow("bytes") << 512.0 << u"bytes"_s << -1 << u"512 B"_s;
    QTest::newRow("bytes KiB") << 1536.0 << u"bytes"_s << -1 << u"1.50 KiB"_s;
    QTest::newRow("bytes MiB") << 5.0 * 1024 * 1024 << u"bytes"_s << -1 << u"5 MiB"_s;
    QTest::newRow("decbytes") << 1500.0 << u"decbytes"_s << -1 << u"1.50 kB"_s;
    QTest::newRow("percent") << 12.345 << u"percent"_s << -1 << u"12.3%"_s;
    QTest::newRow("percentunit") << 0.5 << u"percentunit"_s << -1 << u"50%"_s;
    QTest::newRow("reqps") << 1200.0 << u"reqps"_s << -1 << u"1.20K req/s"_s;
    QTest::newRow("reqps small") << 12.0 << u"reqps"_s << -1 << u"12 req/s"_s;
    QTest::newRow("custom suffix") << 5.0 << u"suffix: widgets"_s << -1 << u"5 widgets"_s;
    QTest::newRow("unknown unit") << 5.0 << u"widgets"_s << -1 << u"5 widgets"_s;
    QTest::newRow("NaN") << null << u"short"_s << -1 << u"NaN"_s;
    QTest::newRow("infinity") << qInf() << u"short"_s << -1 << u"∞"_s;
}

void TestGrafanaUnits::format()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    QCOMPARE(GrafanaUnits::format(value, unit, decimals < 0 ? std::nullopt : std::optional(decimals)), expected);
}

void TestGrafanaUnits::reduce_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("calc");
    QTest::addColumn<double>("expected"); // NaN: no value

    const QList<double> series { 3, null, 5, 1, null };
    QTest::newRow("lastNotNull") << series << u"lastNotNull"_s << 1.0;
    QTest::newRow("last is null") << series << u"last"_s << null;
    QTest::newRow("first") << series << u"first"_s << 3.0;
    QTest::newRow("firstNotNull") << QList<double> { null, 2 } << u"firstNotNull"_s << 2.0;
    QTest::newRow("mean") << series << u"mean"_s << 3.0;
    QTest::newRow("sum") << series << u"sum"_s << 9.0;
    QTest::newRow("max") << series << u"max"_s << 5.0;
    QTest::newRow("min") << series << u"min"_s << 1.0;
    QTest::newRow("count counts nulls") << series << u"count"_s << 5.0;
    QTest::newRow("range") << series << u"range"_s << 4.0;
    QTest::newRow("diff") << series << u"diff"_s << -2.0;
    QTest::newRow("delta with a reset") << QList<double> { 1, 4, 2, 5 } << u"delta"_s << 8.0;
    QTest::newRow("median odd") << QList<double> { 9, 1, 5 } << u"median"_s << 5.0;
    QTest::newRow("median even") << QList<double> { 4, 1, 3, 2 } << u"median"_s << 2.5;
    QTest::newRow("distinctCount") << QList<double> { 1, 1, 2, null } << u"distinctCount"_s << 2.0;
    QTest::newRow("allIsNull") << QList<double> { null } << u"allIsNull"_s << 1.0;
    QTest::newRow("allIsZero") << QList<double> { 0, 0 } << u"allIsZero"_s << 1.0;
    QTest::newRow("changeCount") << QList<double> { 1, 1, 2, 1 } << u"changeCount"_s << 2.0;
    QTest::newRow("mean of nothing") << QList<double> {} << u"mean"_s << null;
    QTest::newRow("lastNotNull of nulls") << QList<double> { null, null } << u"lastNotNull"_s << null;
}

void TestGrafanaUnits::reduce()
{
    QFETCH(QList<double>, values);
    QFETCH(QString, calc);
    QFETCH(double, expected);
    QVERIFY(GrafanaReducer::isKnown(calc));
    const std::optional<double> result = GrafanaReducer::reduce(values, calc);
    if (std::isnan(expected)) {
        QVERIFY2(!result, qPrintable(QString::number(result.value_or(0))));
        return;
    }
    QVERIFY(result);
    QCOMPARE(*result, expected);
}

void TestGrafanaUnits::unknownCalc()
{
    QVERIFY(!GrafanaReducer::isKnown(u"p99"_s));
    QVERIFY(!GrafanaReducer::reduce({ 1, 2 }, u"p99"_s));
}

QTEST_GUILESS_MAIN(TestGrafanaUnits)
#include "tst_grafanaunits.moc"
