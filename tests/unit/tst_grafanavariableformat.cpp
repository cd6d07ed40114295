#include "query/grafanavariableformat.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestGrafanaVariableFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void allResolvesToOptionsOrCustomValue();
    void momentDates_data();
    void momentDates();
    void durations_data();
    void durations();
};

void TestGrafanaVariableFormat::formats_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    // Grafana's documented examples for ['test1', 'test2'] (variable "servers").
    const QStringList two { u"test1"_s, u"test2"_s };
    QTest::newRow("csv") << two << u"csv"_s << u"test1,test2"_s;
    QTest::newRow("distributed") << two << u"distributed"_s << u"test1,servers=test2"_s;
    QTest::newRow("doublequote") << two << u"doublequote"_s << u"\"test1\",\"test2\""_s;
    QTest::newRow("glob") << two << u"glob"_s << u"{test1,test2}"_s;
    QTest::newRow("json") << two << u"json"_s << u"[\"test1\",\"test2\"]"_s;
    QTest::newRow("lucene") << two << u"lucene"_s << u"(\"test1\" OR \"test2\")"_s;
    QTest::newRow("percentencode") << two << u"percentencode"_s << u"%7Btest1%2Ctest2%7D"_s;
    QTest::newRow("pipe") << two << u"pipe"_s << u"test1|test2"_s;
    QTest::newRow("raw") << two << u"raw"_s << u"test1,test2"_s;
    QTest::newRow("regex") << QStringList { u"test1."_s, u"test2"_s } << u"regex"_s << uR"((test1\.|test2))"_s;
    QTest::newRow("singlequote") << two << u"singlequote"_s << u"'test1','test2'"_s;
    QTest::newRow("sqlstring") << QStringList { u"test'1"_s, u"test2"_s } << u"sqlstring"_s << u"'test''1','test2'"_s;
    QTest::newRow("text") << two << u"text"_s << u"test1 + test2"_s;
    QTest::newRow("queryparam") << two << u"queryparam"_s << u"var-servers=test1&var-servers=test2"_s;
    QTest::newRow("default: ClickHouse joins with commas") << two << QString() << u"test1,test2"_s;
    QTest::newRow("unknown format falls back to glob") << two << u"nonsense"_s << u"{test1,test2}"_s;
    // Escaping.
    QTest::newRow("singlequote escapes") << QStringList { u"it's"_s } << u"singlequote"_s << uR"('it\'s')"_s;
    QTest::newRow("doublequote escapes") << QStringList { u"a\"b"_s } << u"doublequote"_s << uR"("a\"b")"_s;
    QTest::newRow("single glob") << QStringList { u"one"_s } << u"glob"_s << u"one"_s;
    QTest::newRow("single regex") << QStringList { u"a.b"_s } << u"regex"_s << uR"(a\.b)"_s;
    QTest::newRow("single json") << QStringList { u"a\"b"_s } << u"json"_s << uR"("a\"b")"_s;
}

void TestGrafanaVariableFormat::formats()
{
    QFETCH(QStringList, values);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(GrafanaVariableFormat::apply(values, format, u"servers"_s), expected);
}

void TestGrafanaVariableFormat::allResolvesToOptionsOrCustomValue()
{
    GrafanaTemplateVariable variable { u"service"_s, { u"api"_s }, true, { u"api"_s, u"web"_s }, {} };
    bool verbatim = true;
    QCOMPARE(GrafanaVariableFormat::valuesOf(variable, &verbatim), (QStringList { u"api"_s, u"web"_s }));
    QVERIFY(!verbatim);
    variable.customAllValue = u".*"_s;
    QCOMPARE(GrafanaVariableFormat::valuesOf(variable, &verbatim), QStringList { u".*"_s });
    QVERIFY(verbatim);
    variable.allSelected = false;
    QCOMPARE(GrafanaVariableFormat::valuesOf(variable, &verbatim), QStringList { u"api"_s });
}

void TestGrafanaVariableFormat::momentDates_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    // 2020-07-13T20:19:09.254Z, Grafana's documentation example.
    QTest::newRow("YYYY-MM") << u"YYYY-MM"_s << u"2020-07"_s;
    QTest::newRow("full") << u"YYYY-MM-DD HH:mm:ss.SSS"_s << u"2020-07-13 20:19:09.254"_s;
    QTest::newRow("short") << u"D/M/YY h A"_s << u"13/7/20 8 PM"_s;
    QTest::newRow("epoch") << u"X x"_s << u"1594671549 1594671549254"_s;
}

void TestGrafanaVariableFormat::momentDates()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(1594671549254, QTimeZone::utc());
    QCOMPARE(GrafanaVariableFormat::momentDate(time, format), expected);
}

void TestGrafanaVariableFormat::durations_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("ms") << qint64(500) << u"500ms"_s;
    QTest::newRow("s") << qint64(30000) << u"30s"_s;
    QTest::newRow("m") << qint64(1200000) << u"20m"_s;
    QTest::newRow("h") << qint64(7200000) << u"2h"_s;
    QTest::newRow("d") << qint64(86400000) << u"1d"_s;
    QTest::newRow("odd") << qint64(90500) << u"90500ms"_s;
}

void TestGrafanaVariableFormat::durations()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(GrafanaVariableFormat::durationText(ms), text);
}

QTEST_GUILESS_MAIN(TestGrafanaVariableFormat)
#include "tst_grafanavariableformat.moc"
