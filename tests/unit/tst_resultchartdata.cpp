#include "minmaxdecimator.h"
#include "queryresultmodel.h"
#include "resultchartdata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Kind = ResultChartData::Kind;

/// The chart's data: shape detection and the automatic choice, Grafana's long-to-wide pivot,
/// DateTime parsing in the server's zone, and min/max decimation that keeps every spike.
class TestResultChartData final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choose_data();
    void choose();
    void longRowsArePivotedIntoOneSeriesPerLabel();
    void wideRowsGiveOneSeriesPerColumn();
    void parseDateTime_data();
    void parseDateTime();
    void decimationKeepsSpikesAndEnds();
    void smallSeriesAreLeftAlone();
};

void TestResultChartData::choose_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("kind");
    QTest::newRow("one number") << QStringList { u"UInt64"_s } << 1 << int(Kind::Stat);
    QTest::newRow("time and value") << QStringList { u"DateTime"_s, u"UInt64"_s } << 20 << int(Kind::TimeSeries);
    QTest::newRow("long rows") << QStringList { u"DateTime('UTC')"_s, u"String"_s, u"Float64"_s } << 20
                               << int(Kind::TimeSeries);
    QTest::newRow("labelled numbers") << QStringList { u"LowCardinality(String)"_s, u"UInt64"_s } << 3
                                      << int(Kind::Bar);
    QTest::newRow("one labelled number") << QStringList { u"String"_s, u"UInt64"_s } << 1 << int(Kind::Bar);
    QTest::newRow("no numbers") << QStringList { u"String"_s, u"DateTime"_s } << 5 << int(Kind::Table);
    QTest::newRow("too many categories") << QStringList { u"String"_s, u"UInt64"_s } << 5000 << int(Kind::Table);
}

void TestResultChartData::choose()
{
    QFETCH(QStringList, types);
    QFETCH(int, rows);
    QFETCH(int, kind);
    QList<ClickHouseColumn> columns;
    for (const QString& type : types)
        columns.append({ u"c%1"_s.arg(columns.size()), type });
    QCOMPARE(int(ResultChartData::choose(ResultChartData::analyse(columns), rows)), kind);
}

void TestResultChartData::longRowsArePivotedIntoOneSeriesPerLabel()
{
    QueryResultModel model;
    model.setColumns({ { u"time"_s, u"DateTime"_s }, { u"severity"_s, u"String"_s }, { u"count"_s, u"UInt64"_s } });
    model.appendRows(
        { { u"2026-01-02 03:00:00"_s, u"INFO"_s, u"5"_s }, { u"2026-01-02 03:00:00"_s, u"ERROR"_s, u"1"_s },
            { u"2026-01-02 03:01:00"_s, u"INFO"_s, u"7"_s }, { u"2026-01-02 03:01:00"_s, u"ERROR"_s, QVariant() } });
    const auto series = ResultChartData::timeSeries(model, ResultChartData::analyse(model.columns()), QTimeZone::utc());
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0).name, u"INFO"_s);
    const qint64 t0 = QDateTime(QDate(2026, 1, 2), QTime(3, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QCOMPARE(series.at(0).points, (QList<QPointF> { { double(t0), 5 }, { double(t0 + 60000), 7 } }));
    QCOMPARE(series.at(1).name, u"ERROR"_s);
    QCOMPARE(series.at(1).points, (QList<QPointF> { { double(t0), 1 } })); // NULL is a gap
}

void TestResultChartData::wideRowsGiveOneSeriesPerColumn()
{
    QueryResultModel model;
    model.setColumns({ { u"t"_s, u"Date"_s }, { u"a"_s, u"Float64"_s }, { u"b"_s, u"Int32"_s } });
    // Out of order on purpose: each series comes out sorted by time.
    model.appendRows({ { u"2026-01-03"_s, 2.5, 3 }, { u"2026-01-02"_s, 1.5, -1 } });
    const auto series = ResultChartData::timeSeries(model, ResultChartData::analyse(model.columns()), QTimeZone::utc());
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0).name, u"a"_s);
    QCOMPARE(series.at(0).points.at(0).y(), 1.5);
    QCOMPARE(series.at(1).name, u"b"_s);
    QCOMPARE(series.at(1).points.at(1).y(), 3.0);
}

void TestResultChartData::parseDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("UTC") << u"2026-01-02 03:04:05"_s << QByteArray("UTC")
                         << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
    QTest::newRow("milliseconds") << u"2026-01-02 03:04:05.678"_s << QByteArray("UTC")
                                  << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), QTimeZone::utc());
    QTest::newRow("date") << u"1969-12-31"_s << QByteArray("UTC")
                          << QDateTime(QDate(1969, 12, 31), QTime(0, 0), QTimeZone::utc());
    QTest::newRow("summer in Sao Paulo is -3") << u"2026-01-02 03:04:05"_s << QByteArray("America/Sao_Paulo")
                                               << QDateTime(QDate(2026, 1, 2), QTime(6, 4, 5), QTimeZone::utc());
    QTest::newRow("Berlin in summer is +2") << u"2026-07-01 12:00:00"_s << QByteArray("Europe/Berlin")
                                            << QDateTime(QDate(2026, 7, 1), QTime(10, 0), QTimeZone::utc());
    QTest::newRow("not a time") << u"yesterday"_s << QByteArray("UTC") << QDateTime();
    QTest::newRow("bad digits") << u"2026-0x-02"_s << QByteArray("UTC") << QDateTime();
}

void TestResultChartData::parseDateTime()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, expected);
    qint64 ms = 0;
    const bool ok = ResultChartData::parseDateTime(text, QTimeZone(zone), &ms);
    QCOMPARE(ok, expected.isValid());
    if (ok)
        QCOMPARE(ms, expected.toMSecsSinceEpoch());
}

void TestResultChartData::decimationKeepsSpikesAndEnds()
{
    QList<QPointF> points;
    for (int i = 0; i < 1000000; ++i)
        points.append(QPointF(i, i == 654321 ? 1e9 : (i == 123457 ? -5e8 : std::sin(i / 1000.0))));
    const QList<QPointF> drawn = MinMaxDecimator::decimate(points, 1000);
    QVERIFY(drawn.size() <= 4000);
    QVERIFY(drawn.size() >= 2000);
    QCOMPARE(drawn.constFirst(), points.constFirst());
    QCOMPARE(drawn.constLast(), points.constLast());
    QVERIFY(drawn.contains(QPointF(654321, 1e9)));
    QVERIFY(drawn.contains(QPointF(123457, -5e8)));
    QVERIFY(
        std::is_sorted(drawn.cbegin(), drawn.cend(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
}

void TestResultChartData::smallSeriesAreLeftAlone()
{
    const QList<QPointF> points { { 0, 1 }, { 1, 5 }, { 2, 3 } };
    QCOMPARE(MinMaxDecimator::decimate(points, 1000), points);
}

QTEST_GUILESS_MAIN(TestResultChartData)
#include "tst_resultchartdata.moc"
