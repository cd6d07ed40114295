#include "query/queryoutputdevice.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Format = QueryOutputDevice::Format;

/// The command line's output: the server's bytes of each format passed on, rows counted, cut
/// exactly at --max-rows, JSON Lines made one array, a table laid out; and the same bytes
/// whatever size the pieces are in which the server's answer arrives.
class TestQueryOutputDevice final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void nothingAfterTheLimit();
    void writeFailureIsReported();
    void names();

private:
    struct Output
    {
        QByteArray bytes;
        qint64 rows = 0;
        bool limited = false;
    };
    static Output pass(Format format, const QByteArray& input, qint64 maxRows, qsizetype chunk);
};

TestQueryOutputDevice::Output TestQueryOutputDevice::pass(
    Format format, const QByteArray& input, qint64 maxRows, qsizetype chunk)
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QueryOutputDevice device(format, &out, maxRows);
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        const QByteArray piece = input.mid(at, chunk);
        if (device.write(piece) != piece.size())
            qFatal("the device refused a write");
    }
    if (!device.finish())
        qFatal("finish failed");
    return { out.data(), device.rows(), device.isLimitReached() };
}

void TestQueryOutputDevice::formats_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("maxRows");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<qint64>("rows");

    const QByteArray csv = "\"n\",\"s\"\n1,\"a\"\n2,\"two\nlines, \"\"quoted\"\"\"\n3,\"c\"\n";
    QTest::newRow("csv passes through") << Format::Csv << csv << qint64(-1) << csv << qint64(3);
    QTest::newRow("csv cut after a quoted newline")
        << Format::Csv << csv << qint64(2) << QByteArray("\"n\",\"s\"\n1,\"a\"\n2,\"two\nlines, \"\"quoted\"\"\"\n")
        << qint64(2);
    QTest::newRow("csv header only") << Format::Csv << QByteArray("\"n\"\n") << qint64(-1) << QByteArray("\"n\"\n")
                                     << qint64(0);
    const QByteArray tsv = "n\ts\n1\ta\\tb\n2\tc\\nd\n";
    QTest::newRow("tsv passes through") << Format::Tsv << tsv << qint64(-1) << tsv << qint64(2);
    QTest::newRow("tsv cut") << Format::Tsv << tsv << qint64(1) << QByteArray("n\ts\n1\ta\\tb\n") << qint64(1);
    const QByteArray lines = "{\"n\":\"1\"}\n{\"n\":\"2\",\"s\":\"x\\ny\"}\n{\"n\":\"3\"}\n";
    QTest::newRow("jsonl passes through") << Format::JsonLines << lines << qint64(-1) << lines << qint64(3);
    QTest::newRow("jsonl cut") << Format::JsonLines << lines << qint64(2)
                               << QByteArray("{\"n\":\"1\"}\n{\"n\":\"2\",\"s\":\"x\\ny\"}\n") << qint64(2);
    QTest::newRow("json is one array") << Format::Json << lines << qint64(-1)
                                       << QByteArray(
                                              "[\n{\"n\":\"1\"},\n{\"n\":\"2\",\"s\":\"x\\ny\"},\n{\"n\":\"3\"}\n]\n")
                                       << qint64(3);
    QTest::newRow("json cut") << Format::Json << lines << qint64(1) << QByteArray("[\n{\"n\":\"1\"}\n]\n") << qint64(1);
    QTest::newRow("json of nothing") << Format::Json << QByteArray() << qint64(-1) << QByteArray("[]\n") << qint64(0);
    const QByteArray table =
        "service\tn\tnote\nString\tUInt64\tNullable(String)\napi\t7\t\\N\nweb-frontend\t1234\tok\n";
    QTest::newRow("table") << Format::Table << table << qint64(-1)
                           << QByteArray("service          n  note\n"
                                         "------------  ----  ----\n"
                                         "api              7  NULL\n"
                                         "web-frontend  1234  ok\n")
                           << qint64(2);
    QTest::newRow("table cut") << Format::Table << table << qint64(1)
                               << QByteArray("service  n  note\n"
                                             "-------  -  ----\n"
                                             "api      7  NULL\n")
                               << qint64(1);
    QTest::newRow("table of nothing") << Format::Table << QByteArray("x\ty\nUInt8\tString\n") << qint64(-1)
                                      << QByteArray("x  y\n-  -\n") << qint64(0);
    QTest::newRow("table: a statement without a result")
        << Format::Table << QByteArray() << qint64(-1) << QByteArray() << qint64(0);
    QTest::newRow("table: the last line without its newline")
        << Format::Table << QByteArray("x\nString\nlast") << qint64(-1) << QByteArray("x\n----\nlast\n") << qint64(1);
}

void TestQueryOutputDevice::formats()
{
    QFETCH(Format, format);
    QFETCH(QByteArray, input);
    QFETCH(qint64, maxRows);
    QFETCH(QByteArray, expected);
    QFETCH(qint64, rows);
    // Whole, and in pieces of every size: a row, a quote or a newline may be split anywhere.
    for (qsizetype chunk :
        { qMax<qsizetype>(1, input.size()), qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(7) }) {
        const Output output = pass(format, input, maxRows, chunk);
        QCOMPARE(output.bytes, expected);
        QCOMPARE(output.rows, rows);
        QCOMPARE(output.limited, maxRows >= 0 && rows >= maxRows);
    }
}

void TestQueryOutputDevice::nothingAfterTheLimit()
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QueryOutputDevice device(Format::Tsv, &out, 2);
    QSignalSpy limit(&device, &QueryOutputDevice::limitReached);
    QCOMPARE(device.write("n\n1\n2\n3\n"), 8); // accepted, so the download carries on until cancelled
    QCOMPARE(limit.count(), 1);
    QCOMPARE(device.write("4\n5\n"), 4);
    QCOMPARE(limit.count(), 1);
    QVERIFY(device.finish());
    QCOMPARE(out.data(), QByteArray("n\n1\n2\n"));
    QCOMPARE(device.rows(), 2);
}

void TestQueryOutputDevice::writeFailureIsReported()
{
    QBuffer closed; // never opened: every write fails
    QueryOutputDevice device(Format::Csv, &closed, -1);
    QCOMPARE(device.write("\"n\"\n1\n"), -1);
    QVERIFY(!device.errorString().isEmpty());
}

void TestQueryOutputDevice::names()
{
    QCOMPARE(QueryOutputDevice::formatFromName(u"table"), Format::Table);
    QCOMPARE(QueryOutputDevice::formatFromName(u"csv"), Format::Csv);
    QCOMPARE(QueryOutputDevice::formatFromName(u"tsv"), Format::Tsv);
    QCOMPARE(QueryOutputDevice::formatFromName(u"json"), Format::Json);
    QCOMPARE(QueryOutputDevice::formatFromName(u"jsonl"), Format::JsonLines);
    QVERIFY(!QueryOutputDevice::formatFromName(u"xml"));
    QVERIFY(!QueryOutputDevice::formatFromName(u"CSV"));
    QCOMPARE(QueryOutputDevice::clickHouseFormat(Format::Csv), u"CSVWithNames"_s);
    QCOMPARE(QueryOutputDevice::clickHouseFormat(Format::Table), u"TabSeparatedWithNamesAndTypes"_s);
    QCOMPARE(QueryOutputDevice::clickHouseFormat(Format::Json), u"JSONEachRow"_s);
}

QTEST_GUILESS_MAIN(TestQueryOutputDevice)
#include "tst_queryoutputdevice.moc"
