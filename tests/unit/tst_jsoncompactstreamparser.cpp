#include "clickhouse/jsoncompactstreamparser.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// What ClickHouse 18.16 answered for
// SELECT number, toString(number) AS s, [number, 1] AS a, (1, 'x') AS t,
//        CAST(NULL AS Nullable(UInt8)) AS n, toInt64(-5) AS i FROM numbers(2)
const QByteArray answer =
    "{\n\t\"meta\":\n\t[\n\t\t{\n\t\t\t\"name\": \"number\",\n\t\t\t\"type\": \"UInt64\"\n\t\t},\n"
    "\t\t{\n\t\t\t\"name\": \"s\",\n\t\t\t\"type\": \"String\"\n\t\t},\n"
    "\t\t{\n\t\t\t\"name\": \"a\",\n\t\t\t\"type\": \"Array(UInt64)\"\n\t\t},\n"
    "\t\t{\n\t\t\t\"name\": \"t\",\n\t\t\t\"type\": \"Tuple(UInt8, String)\"\n\t\t},\n"
    "\t\t{\n\t\t\t\"name\": \"n\",\n\t\t\t\"type\": \"Nullable(UInt8)\"\n\t\t},\n"
    "\t\t{\n\t\t\t\"name\": \"i\",\n\t\t\t\"type\": \"Int64\"\n\t\t}\n\t],\n\n"
    "\t\"data\":\n\t[\n"
    "\t\t[\"0\", \"0\", [\"0\",\"1\"], [1,\"x\"], null, \"-5\"],\n"
    "\t\t[\"18446744073709551615\", \"a\\tb\", [], [1,\"x\"], 7, \"-9223372036854775808\"]\n"
    "\t],\n\n\t\"rows\": 2,\n\n\t\"rows_before_limit_at_least\": 2,\n\n"
    "\t\"statistics\":\n\t{\n\t\t\"elapsed\": 0.000093699,\n\t\t\"rows_read\": 2,\n\t\t\"bytes_read\": 16\n\t}\n}\n";

const QByteArray header = answer.left(answer.indexOf("\t\t[\"0\""));

QList<QVariantList> takeAll(JsonCompactStreamParser& parser)
{
    QList<QVariantList> rows;
    for (const ResultRows& block : parser.takeBlocks())
        rows += block.toLists();
    return rows;
}
} // namespace

class TestJsonCompactStreamParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyChunkingGivesTheSameResult_data();
    void anyChunkingGivesTheSameResult();
    void emptyResult();
    void blocksAreCutAsTheyFill();
    void noBodyIsAStatementWithoutResult();
    void exceptionAfterTheAnswerBegan_data();
    void exceptionAfterTheAnswerBegan();
    void cutShort_data();
    void cutShort();
};

void TestJsonCompactStreamParser::anyChunkingGivesTheSameResult_data()
{
    QTest::addColumn<int>("chunk");
    for (int chunk : { 1, 2, 7, 64, 4096 })
        QTest::addRow("%d bytes", chunk) << chunk;
}

void TestJsonCompactStreamParser::anyChunkingGivesTheSameResult()
{
    QFETCH(int, chunk);
    JsonCompactStreamParser parser;
    QList<QVariantList> rows;
    for (qsizetype i = 0; i < answer.size(); i += chunk) {
        QVERIFY2(parser.feed(QByteArrayView(answer).sliced(i, qMin<qsizetype>(chunk, answer.size() - i))),
            qPrintable(parser.error()));
        rows += takeAll(parser);
    }
    QVERIFY2(parser.finish(), qPrintable(parser.error()));
    rows += takeAll(parser);
    QCOMPARE(parser.columns().size(), 6);
    QCOMPARE(parser.columns().at(3), (ClickHouseColumn { u"t"_s, u"Tuple(UInt8, String)"_s }));
    QCOMPARE(rows.size(), 2);
    // Quoted 64-bit integers become numbers again, exactly.
    QCOMPARE(rows.at(0).at(0).typeId(), QMetaType::ULongLong);
    QCOMPARE(rows.at(1).at(0).toULongLong(), 18446744073709551615ull);
    QCOMPARE(rows.at(1).at(5).toLongLong(), std::numeric_limits<qint64>::min());
    QCOMPARE(rows.at(1).at(1).toString(), u"a\tb"_s);
    QCOMPARE(rows.at(0).at(2).toList(), (QVariantList { 0ull, 1ull }));
    QCOMPARE(rows.at(1).at(2).toList(), QVariantList());
    QCOMPARE(rows.at(0).at(3).toList(), (QVariantList { qint64(1), u"x"_s }));
    QVERIFY(rows.at(0).at(4).isNull());
    QCOMPARE(rows.at(1).at(4).toLongLong(), 7);
    QCOMPARE(parser.statistics().rows, 2);
    QCOMPARE(parser.statistics().rowsRead, 2);
    QCOMPARE(parser.statistics().bytesRead, 16);
    QCOMPARE(parser.statistics().rowsBeforeLimit, 2);
    QCOMPARE(parser.statistics().elapsedSeconds, 0.000093699);
    QCOMPARE(parser.statistics().bytesReceived, answer.size());
}

void TestJsonCompactStreamParser::emptyResult()
{
    JsonCompactStreamParser parser;
    QVERIFY(parser.feed(QByteArray(header
        + "\n\t],\n\n\t\"rows\": 0,\n\n\t\"statistics\":\n\t{\n\t\t\"elapsed\": 0.0001,\n\t\t\"rows_read\": "
          "0,\n\t\t\"bytes_read\": 0\n\t}\n}\n")));
    QVERIFY2(parser.finish(), qPrintable(parser.error()));
    QCOMPARE(parser.columns().size(), 6);
    QCOMPARE(takeAll(parser).size(), 0);
    QCOMPARE(parser.statistics().rowsRead, 0);
}

void TestJsonCompactStreamParser::exceptionAfterTheAnswerBegan_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("rowsBefore");
    // 18.16: the error text is glued to the output, inside HTTP 200 (reference/wire.md 2.7).
    QTest::addRow("18.16 after a row") << header
            + "\t\t[\"0\", \"0\", [], [1,\"x\"], null, \"1\"],\n\t\t[\"1\", \"0\", [], [1,\"x\"], null, \"1\"]Code: "
              "395, "
              "e.displayText() = DB::Exception: Value passed to 'throwIf' function is non zero, e.what() = "
              "DB::Exception\n" << 1;
    QTest::addRow("18.16 on its own line") << header
            + "\t\t[\"0\", \"0\", [], [1,\"x\"], null, \"1\"],\nCode: 395, e.displayText() = DB::Exception: Value "
              "passed to 'throwIf' function is non zero, e.what() = DB::Exception\n"
                                           << 1;
    // Modern servers write it into the JSON.
    QTest::addRow("modern exception key") << header
            + "\t\t[\"0\", \"0\", [], [1,\"x\"], null, \"1\"]\n\t],\n\n\t\"rows\": 1,\n\t\"exception\": \"Code: 395. "
              "DB::Exception: Value passed to 'throwIf' function is non zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) "
              "(version 24.8.1.1)\"\n}\n" << 1;
}

void TestJsonCompactStreamParser::exceptionAfterTheAnswerBegan()
{
    QFETCH(QByteArray, text);
    QFETCH(int, rowsBefore);
    JsonCompactStreamParser parser;
    const bool fed = parser.feed(text);
    const bool ok = fed && parser.finish();
    QVERIFY(!ok);
    QCOMPARE(parser.serverErrorCode(), 395);
    QVERIFY2(parser.error().contains(u"Value passed to 'throwIf' function is non zero"_s), qPrintable(parser.error()));
    QCOMPARE(takeAll(parser).size(), rowsBefore); // what arrived before the error is kept
}

void TestJsonCompactStreamParser::noBodyIsAStatementWithoutResult()
{
    // CREATE, INSERT, DROP: 200 OK and an empty body.
    JsonCompactStreamParser parser;
    QVERIFY(parser.feed(QByteArray()));
    QVERIFY2(parser.finish(), qPrintable(parser.error()));
    QVERIFY(parser.columns().isEmpty());
    QVERIFY(takeAll(parser).isEmpty());
}

void TestJsonCompactStreamParser::cutShort_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("only whitespace") << QByteArray("\n \n  ") + answer.left(1) << u"ended before its data began"_s;
    QTest::addRow("in the header") << answer.left(40) << u"ended before its data began"_s;
    QTest::addRow("in the data") << answer.left(answer.indexOf("\t\t[\"18446"))
                                 << u"ended in the middle of the data (after 1 rows)"_s;
    QTest::addRow("in the tail") << answer.left(answer.size() - 30) << u"ends in something that is not JSON"_s;
    QTest::addRow("not JSONCompact") << QByteArray("1\t2\n3\t4\n") << u"ended before its data began"_s;
    QTest::addRow("a broken row") << header + "\t\t[\"0\", oops]\n" << u"row 1 is not a JSON array"_s;
}

void TestJsonCompactStreamParser::cutShort()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    JsonCompactStreamParser parser;
    const bool ok = parser.feed(text) && parser.finish();
    QVERIFY(!ok);
    QVERIFY2(parser.error().contains(expected), qPrintable(parser.error()));
    QCOMPARE(parser.serverErrorCode(), 0);
}

void TestJsonCompactStreamParser::blocksAreCutAsTheyFill()
{
    const qsizetype count = 2 * JsonCompactStreamParser::maxRowsPerBlock + 1;
    QByteArray text = header;
    for (qsizetype i = 0; i < count; ++i)
        text += "\t\t[\"" + QByteArray::number(i) + "\", \"s\", [], [1,\"x\"], null, \"-5\"],\n";
    JsonCompactStreamParser parser;
    QVERIFY2(parser.feed(text), qPrintable(parser.error())); // one chunk, three blocks
    QCOMPARE(parser.pendingRows(), count);
    const QList<ResultRows> blocks = parser.takeBlocks();
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(0).rowCount(), JsonCompactStreamParser::maxRowsPerBlock);
    QCOMPARE(blocks.at(1).rowCount(), JsonCompactStreamParser::maxRowsPerBlock);
    QCOMPARE(blocks.at(2).rowCount(), 1);
    QCOMPARE(blocks.at(1).value(0, 0).toLongLong(), JsonCompactStreamParser::maxRowsPerBlock); // in order
    QCOMPARE(blocks.at(2).value(0, 0).toLongLong(), count - 1);
    QCOMPARE(parser.pendingRows(), 0);
}

QTEST_GUILESS_MAIN(TestJsonCompactStreamParser)
#include "tst_jsoncompactstreamparser.moc"
