#include "clickhouse/jsoncompactstreamparser.h"
#include "modernclickhouse.h"
#include "queryresultmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

/// What ClickHouse 26.7 prints as JSONCompact, read by the Query page's path (the stream parser
/// and the result model): the types modern servers have and 18.16 lacks, 64-bit integers quoted
/// (what the workbench asks for) and unquoted (26.7's default), and numbers at their edges. NaN
/// and inf are asked for as text (output_format_json_quote_denormals = 1), as the workbench's
/// client asks for them; without it ClickHouse prints them as null.
class TestModernResults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void values_data();
    void values();
    void manyRowsInChunks();

private:
    /// The result of `sql` as JSONCompact, read through the parser (in chunks of `chunk` bytes)
    /// into a model.
    bool read(const QByteArray& sql, QueryResultModel* model, int chunk = 7);

    ModernClickHouse m_server { QStringLiteral(WORKBENCH_MODERN_PEER), QStringLiteral(WORKBENCH_MODERN_PACKAGE_DIR) };
};

void TestModernResults::initTestCase()
{
    START_MODERN_CLICKHOUSE(m_server);
}

bool TestModernResults::read(const QByteArray& sql, QueryResultModel* model, int chunk)
{
    QByteArray answer;
    QString error;
    if (!m_server.query(sql, &answer, &error, "JSONCompact")) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    JsonCompactStreamParser parser;
    for (qsizetype at = 0; at < answer.size(); at += chunk) {
        if (!parser.feed(QByteArrayView(answer).sliced(at, qMin<qsizetype>(chunk, answer.size() - at)))) {
            qWarning("parser: %s", qPrintable(parser.error()));
            return false;
        }
        if (parser.hasColumns() && model->columnCount() == 0)
            model->setColumns(parser.columns());
        for (const ResultRows& block : parser.takeBlocks())
            model->appendRows(block);
    }
    if (!parser.finish()) {
        qWarning("parser: %s", qPrintable(parser.error()));
        return false;
    }
    for (const ResultRows& block : parser.takeBlocks())
        model->appendRows(block);
    return true;
}

void TestModernResults::values_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("isNull");

    const QList<QByteArray> quoting = { "output_format_json_quote_64bit_integers = 1",
        "output_format_json_quote_64bit_integers = 0" };
    for (const QByteArray& settings : quoting) {
        const QByteArray tail = " SETTINGS " + settings + ", output_format_json_quote_denormals = 1";
        const char* how = settings.endsWith('1') ? "quoted" : "unquoted";
        auto row = [&](const char* name, const char* expression, const QString& type, const QString& display,
                       bool isNull = false) {
            QTest::addRow("%s, %s", name, how)
                << (QByteArray("SELECT ") + expression + " AS v" + tail) << type << display << isNull;
        };
        row("UInt64 max", "toUInt64(18446744073709551615)", u"UInt64"_s, u"18446744073709551615"_s);
        row("Int64 min", "toInt64(-9223372036854775808)", u"Int64"_s, u"-9223372036854775808"_s);
        row("Int128 min", "toInt128('-170141183460469231731687303715884105728')", u"Int128"_s,
            u"-170141183460469231731687303715884105728"_s);
        row("UInt256 max",
            "toUInt256('115792089237316195423570985008687907853269984665640564039457584007913129639935')", u"UInt256"_s,
            u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s);
        row("negative Int32", "toInt32(-2147483648)", u"Int32"_s, u"-2147483648"_s);
        row("NaN", "nan", u"Float64"_s, u"nan"_s);
        row("inf", "inf", u"Float64"_s, u"inf"_s);
        row("-inf", "-inf", u"Float64"_s, u"-inf"_s);
        row("tiny double", "toFloat64(5e-324)", u"Float64"_s, u"5e-324"_s);
        row("Float32", "toFloat32(0.1)", u"Float32"_s, u"0.1"_s);
        row("Decimal", "toDecimal64(-12.345, 3)", u"Decimal(18, 3)"_s, u"-12.345"_s);
        row("Decimal128", "toDecimal128('12345678901234567890.123456789', 9)", u"Decimal(38, 9)"_s,
            u"12345678901234567890.123456789"_s);
        row("Map in its order", "map('z', 1, 'a', 2)", u"Map(String, UInt8)"_s, u"{'z': 1, 'a': 2}"_s);
        row("Array(Tuple)", "[tuple(1, 'x'), tuple(2, 'y')]", u"Array(Tuple(UInt8, String))"_s,
            u"[[1, 'x'], [2, 'y']]"_s);
        row("Nullable NULL", "CAST(NULL AS Nullable(Int32))", u"Nullable(Int32)"_s, u"NULL"_s, true);
        row("Nullable value", "CAST(7 AS Nullable(Int32))", u"Nullable(Int32)"_s, u"7"_s);
        row("LowCardinality", "toLowCardinality('lc ✓')", u"LowCardinality(String)"_s, u"lc ✓"_s);
        row("DateTime64 with zone", "toDateTime64('2026-11-30 10:00:00.123456', 6, 'Asia/Tokyo')",
            u"DateTime64(6, 'Asia/Tokyo')"_s, u"2026-11-30 10:00:00.123456"_s);
        row("UUID", "toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0')", u"UUID"_s,
            u"61f0c404-5cb3-11e7-907b-a6006ad3dba0"_s);
        row("IPv4", "toIPv4('10.0.0.1')", u"IPv4"_s, u"10.0.0.1"_s);
        row("IPv6", "toIPv6('2001:db8::1')", u"IPv6"_s, u"2001:db8::1"_s);
        row("Enum8", "CAST('b' AS Enum8('a' = 1, 'b' = 2))", u"Enum8('a' = 1, 'b' = 2)"_s, u"b"_s);
        row("Map of arrays", "map('k', [toUInt64(1), toUInt64(18446744073709551615)])", u"Map(String, Array(UInt64))"_s,
            u"{'k': [1, 18446744073709551615]}"_s);
    }
}

void TestModernResults::values()
{
    QFETCH(QByteArray, expression);
    QFETCH(QString, type);
    QFETCH(QString, display);
    QFETCH(bool, isNull);
    QueryResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(read(expression, &model));
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex cell = model.index(0, 0);
    QCOMPARE(model.data(cell, QueryResultModel::ColumnTypeRole).toString(), type);
    QCOMPARE(model.data(cell, Qt::DisplayRole).toString(), display);
    QCOMPARE(model.data(cell, QueryResultModel::IsNullRole).toBool(), isNull);
}

void TestModernResults::manyRowsInChunks()
{
    // More rows than one block, read in odd chunks: every row arrives once, in order, exactly.
    QueryResultModel model;
    QVERIFY(read("SELECT number, bitNot(number) AS big, map('n', toString(number)) AS m, "
                 "toDateTime64(1700000000 + number, 3, 'UTC') AS t FROM numbers(12345) "
                 "SETTINGS output_format_json_quote_64bit_integers = 0",
        &model, 4093));
    QCOMPARE(model.rowCount(), 12345);
    for (int row : { 0, 4999, 5000, 12344 }) {
        QCOMPARE(model.data(model.index(row, 0)).toString(), QString::number(row));
        QCOMPARE(model.data(model.index(row, 1)).toString(), QString::number(18446744073709551615ull - quint64(row)));
        QCOMPARE(model.data(model.index(row, 2)).toString(), u"{'n': '%1'}"_s.arg(row));
    }
}

QTEST_GUILESS_MAIN(TestModernResults)
#include "tst_modernresults.moc"
