#include "clickhouse/jsoncompactrowreader.h"
#include "clickhouse/resultrows.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

/// The compact result block: every value comes back as the QVariant that went in (type
/// included), rows move between blocks whole, and a refused row leaves nothing behind.
class TestResultRows final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueRoundTrip_data();
    void valueRoundTrip();
    void textCellsAreUtf8();
    void missingValuesAreNullAndExtraOnesDropped();
    void abandonRowRestoresTheBlock();
    void midTakeFirstAndAppendKeepEveryValue();
    void zeroColumns();
    void rowReaderFillsCells_data();
    void rowReaderFillsCells();
    void rowReaderRefusesAndLeavesNothing_data();
    void rowReaderRefusesAndLeavesNothing();
    void refusedFirstValueLeavesNoText();
};

void TestResultRows::valueRoundTrip_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<ResultRows::Kind>("kind");
    QTest::newRow("null") << QVariant() << ResultRows::Kind::Null;
    QTest::newRow("true") << QVariant(true) << ResultRows::Kind::Bool;
    QTest::newRow("false") << QVariant(false) << ResultRows::Kind::Bool;
    QTest::newRow("int64 min") << QVariant(std::numeric_limits<qint64>::min()) << ResultRows::Kind::Int;
    QTest::newRow("uint64 max") << QVariant(std::numeric_limits<quint64>::max()) << ResultRows::Kind::UInt;
    QTest::newRow("double") << QVariant(-0.1) << ResultRows::Kind::Double;
    QTest::newRow("infinity") << QVariant(std::numeric_limits<double>::infinity()) << ResultRows::Kind::Double;
    QTest::newRow("string") << QVariant(u"ação ✓"_s) << ResultRows::Kind::Other;
    QTest::newRow("array") << QVariant(QVariantList { 1, u"x"_s, QVariant() }) << ResultRows::Kind::Other;
    QTest::newRow("map") << QVariant(QVariantMap { { u"k"_s, 5 } }) << ResultRows::Kind::Other;
}

void TestResultRows::valueRoundTrip()
{
    QFETCH(QVariant, value);
    QFETCH(ResultRows::Kind, kind);
    ResultRows rows(2);
    rows.appendInt(1);
    rows.appendVariant(value);
    rows.endRow();
    QCOMPARE(rows.rowCount(), 1);
    QCOMPARE(rows.kind(0, 1), kind);
    QCOMPARE(rows.value(0, 1).typeId(), value.typeId());
    QCOMPARE(rows.value(0, 1), value);
    QCOMPARE(rows.value(0, 0), QVariant(qint64(1)));
}

void TestResultRows::textCellsAreUtf8()
{
    ResultRows rows(3);
    rows.appendText("plain");
    const qsizetype start = rows.textSize();
    rows.appendTextPiece("a");
    rows.appendTextPiece('\t');
    rows.appendTextPiece("ç");
    rows.closeText(start);
    rows.appendText("");
    rows.endRow();
    QCOMPARE(rows.kind(0, 0), ResultRows::Kind::Text);
    QCOMPARE(rows.value(0, 0), QVariant(u"plain"_s));
    QCOMPARE(rows.value(0, 1), QVariant(u"a\tç"_s));
    QCOMPARE(rows.text(0, 1), QByteArrayView("a\tç"));
    QCOMPARE(rows.value(0, 2), QVariant(QString()));
    QCOMPARE(rows.value(0, 2).typeId(), QMetaType::QString);
    double number = 0;
    QVERIFY(!rows.number(0, 0, &number));
}

void TestResultRows::missingValuesAreNullAndExtraOnesDropped()
{
    ResultRows rows(2);
    rows.appendInt(7);
    rows.endRow();
    rows.appendInt(1);
    rows.appendText("two");
    rows.appendText("three"); // beyond the columns
    rows.appendVariant(QVariantList { 4 });
    rows.endRow();
    QCOMPARE(rows.rowCount(), 2);
    QCOMPARE(rows.kind(0, 1), ResultRows::Kind::Null);
    QCOMPARE(rows.toLists(), (QList<QVariantList> { { qint64(7), QVariant() }, { qint64(1), u"two"_s } }));
    QCOMPARE(rows.textSize(), 3); // the dropped text is not kept either
}

void TestResultRows::abandonRowRestoresTheBlock()
{
    ResultRows rows(3);
    rows.appendText("kept");
    rows.appendDouble(1.5);
    rows.appendVariant(QVariantList { 1 });
    rows.endRow();
    const qsizetype textBefore = rows.textSize();
    rows.appendText("gone");
    rows.appendVariant(QVariantList { 2 });
    QCOMPARE(rows.pendingValues(), 2);
    rows.abandonRow();
    QCOMPARE(rows.pendingValues(), 0);
    QCOMPARE(rows.textSize(), textBefore);
    rows.appendText("next");
    rows.appendNull();
    rows.appendVariant(QVariantList { 3 });
    rows.endRow();
    QCOMPARE(rows.toLists(),
        (QList<QVariantList> {
            { u"kept"_s, 1.5, QVariantList { 1 } }, { u"next"_s, QVariant(), QVariantList { 3 } } }));
}

void TestResultRows::midTakeFirstAndAppendKeepEveryValue()
{
    QList<QVariantList> expected;
    ResultRows rows(3);
    for (int i = 0; i < 10; ++i) {
        rows.appendUInt(quint64(i));
        rows.appendText(QByteArray::number(i * 11));
        rows.appendVariant(i % 2 ? QVariant(QVariantList { i }) : QVariant());
        rows.endRow();
        expected.append({ quint64(i), QString::number(i * 11), i % 2 ? QVariant(QVariantList { i }) : QVariant() });
    }
    QCOMPARE(rows.toLists(), expected);
    QCOMPARE(rows.mid(3, 4).toLists(), expected.mid(3, 4));
    QCOMPARE(rows.mid(8, 100).toLists(), expected.mid(8));

    ResultRows rest = rows;
    const ResultRows head = rest.takeFirst(6);
    QCOMPARE(head.toLists(), expected.first(6));
    QCOMPARE(rest.toLists(), expected.mid(6));
    QCOMPARE(rows.toLists(), expected); // the copy it was taken from is untouched

    ResultRows joined = head;
    joined.append(rest);
    QCOMPARE(joined.toLists(), expected);
    QCOMPARE(head.rowCount(), 6);

    ResultRows all = rest.takeFirst(100);
    QCOMPARE(all.rowCount(), 4);
    QCOMPARE(rest.rowCount(), 0);
    QCOMPARE(rest.columnCount(), 3);
}

void TestResultRows::zeroColumns()
{
    ResultRows rows(0);
    rows.appendInt(1); // nowhere to go
    rows.endRow();
    rows.endRow();
    QCOMPARE(rows.rowCount(), 2);
    ResultRows more(0);
    more.endRow();
    rows.append(more);
    QCOMPARE(rows.rowCount(), 3);
    QCOMPARE(rows.toLists(), (QList<QVariantList> { {}, {}, {} }));
}

void TestResultRows::rowReaderFillsCells_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QVariantList>("expected");
    const QStringList plain { u"UInt64"_s, u"String"_s, u"Float64"_s, u"Nullable(Int64)"_s };
    QTest::newRow("plain") << plain << QByteArray(R"(["18446744073709551615", "a b", 0.5, "-3"])")
                           << QVariantList { std::numeric_limits<quint64>::max(), u"a b"_s, 0.5, qint64(-3) };
    QTest::newRow("escapes and null") << plain << QByteArray(R"( [ "1" , "x\"y\\z\/\n" , -1.25 , null ] )")
                                      << QVariantList { quint64(1), u"x\"y\\z/\n"_s, -1.25, QVariant() };
    QTest::newRow("unicode") << plain << QByteArray(R"(["0", "ação ✓ 😀", 1e-3, "9"])")
                             << QVariantList { quint64(0), u"ação ✓ 😀"_s, 0.001, qint64(9) };
    QTest::newRow("nested") << QStringList { u"Array(UInt64)"_s, u"Tuple(String, Int64)"_s, u"UInt8"_s }
                            << QByteArray(R"([["1","2"], ["a","-1"], true])")
                            << QVariantList { QVariantList { quint64(1), quint64(2) },
                                   QVariantList { u"a"_s, qint64(-1) }, true };
}

void TestResultRows::rowReaderFillsCells()
{
    QFETCH(QStringList, types);
    QFETCH(QByteArray, row);
    QFETCH(QVariantList, expected);
    ResultRows rows(int(types.size()));
    QVERIFY(JsonCompactRowReader(types).read(row, &rows));
    QCOMPARE(rows.rowCount(), 1);
    const QVariantList got = rows.toLists().constFirst();
    QCOMPARE(got, expected);
    for (int i = 0; i < got.size(); ++i)
        QCOMPARE(got.at(i).typeId(), expected.at(i).typeId());
}

void TestResultRows::rowReaderRefusesAndLeavesNothing_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::newRow("too few values") << QByteArray(R"(["1", "a"])");
    QTest::newRow("too many values") << QByteArray(R"(["1", "a", 2.5, "3"])");
    QTest::newRow("unicode escape") << QByteArray(R"(["1", "\u00e7", 2.5])");
    QTest::newRow("escape in a quoted integer") << QByteArray(R"(["1\/", "a", 2.5])");
    QTest::newRow("unterminated string") << QByteArray(R"(["1", "abc)");
    QTest::newRow("invalid UTF-8") << QByteArray("[\"1\", \"\xC3\x28\", 2.5]");
    QTest::newRow("whole float") << QByteArray(R"(["1", "a", 2.0])");
    QTest::newRow("trailing garbage") << QByteArray(R"(["1", "a", 2.5] x)");
}

void TestResultRows::rowReaderRefusesAndLeavesNothing()
{
    QFETCH(QByteArray, row);
    ResultRows rows(3);
    rows.appendText("before");
    rows.endRow();
    const qsizetype textBefore = rows.textSize();
    QVERIFY(!JsonCompactRowReader({ u"UInt64"_s, u"String"_s, u"Float64"_s }).read(row, &rows));
    QCOMPARE(rows.rowCount(), 1);
    QCOMPARE(rows.pendingValues(), 0);
    QCOMPARE(rows.textSize(), textBefore);
}

void TestResultRows::refusedFirstValueLeavesNoText()
{
    // Found by fuzz_jsoncompact_row: the escapes before \u were already in the text buffer when
    // the reader gave up, and no value of the row was complete yet.
    ResultRows rows(2);
    QVERIFY(!JsonCompactRowReader({ u"String"_s, u"String"_s }).read(R"(["a\"\u00e9", "x"])", &rows));
    QCOMPARE(rows.pendingValues(), 0);
    QCOMPARE(rows.textSize(), 0);
    QVERIFY(JsonCompactRowReader({ u"String"_s, u"String"_s }).read(R"(["a\"b", "x"])", &rows));
    QCOMPARE(rows.toLists(), (QList<QVariantList> { { u"a\"b"_s, u"x"_s } }));
}

QTEST_APPLESS_MAIN(TestResultRows)
#include "tst_resultrows.moc"
