#include "queryresultmodel.h"
#include "resultsortmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

/// The grid's sorting: typed keys, NULLs last, stable, rows placed as they stream in, large
/// results sorted on a pool thread without blocking the caller, a newer request winning.
class TestResultSortModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsByTypedKeys_data();
    void sortsByTypedKeys();
    void integersSortExactly();
    void arrivalOrderAgainWithMinusOne();
    void rowsArrivingWhileSortedArePlaced();
    void newResultKeepsTheSortColumn();
    void persistentIndexFollowsItsRow();
    void largeResultSortsOnAPoolThread();
    void rowsArrivingInALargeSortedResultArePlacedSoon();
    void newerSortWinsAndResetDropsAPendingOne();

private:
    static QStringList column(const ResultSortModel& proxy, int column);
};

QStringList TestResultSortModel::column(const ResultSortModel& proxy, int column)
{
    QStringList values;
    for (int row = 0; row < proxy.rowCount(); ++row)
        values.append(proxy.index(row, column).data().toString());
    return values;
}

void TestResultSortModel::sortsByTypedKeys_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");
    // Rows: (UInt64, DateTime, Nullable(String), Nullable(Float64), Array(UInt8))
    QTest::newRow("numbers as numbers") << 0 << Qt::AscendingOrder
                                        << QStringList { u"9"_s, u"10"_s, u"10"_s, u"100"_s };
    QTest::newRow("numbers descending, ties in arrival order")
        << 0 << Qt::DescendingOrder << QStringList { u"100"_s, u"10"_s, u"10"_s, u"9"_s };
    QTest::newRow("times in time order") << 1 << Qt::AscendingOrder
                                         << QStringList { u"2025-12-31 23:59:59"_s, u"2026-01-01 00:00:00"_s,
                                                u"2026-01-02 00:00:00"_s, u"2026-01-02 00:00:01"_s };
    QTest::newRow("text by code point, NULL last")
        << 2 << Qt::AscendingOrder << QStringList { u""_s, u"B"_s, u"a"_s, u"NULL"_s };
    QTest::newRow("text descending, NULL still last")
        << 2 << Qt::DescendingOrder << QStringList { u"a"_s, u"B"_s, u""_s, u"NULL"_s };
    QTest::newRow("floats, NULL last") << 3 << Qt::AscendingOrder
                                       << QStringList { u"-1"_s, u"2.5"_s, u"3"_s, u"NULL"_s };
    QTest::newRow("floats descending, NULL last")
        << 3 << Qt::DescendingOrder << QStringList { u"3"_s, u"2.5"_s, u"-1"_s, u"NULL"_s };
    QTest::newRow("arrays by their text")
        << 4 << Qt::AscendingOrder << QStringList { u"[1, 2]"_s, u"[1, 2]"_s, u"[10]"_s, u"[2]"_s };
}

void TestResultSortModel::sortsByTypedKeys()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);
    QueryResultModel model;
    model.setColumns({ { u"n"_s, u"UInt64"_s }, { u"t"_s, u"DateTime"_s }, { u"s"_s, u"Nullable(String)"_s },
        { u"f"_s, u"Nullable(Float64)"_s }, { u"a"_s, u"Array(UInt8)"_s } });
    // Text as the stream gives it (UTF-8 cells), plus one string kept as a QVariant.
    ResultRows rows(5);
    rows.appendUInt(10);
    rows.appendText("2026-01-02 00:00:00");
    rows.appendText("a");
    rows.appendDouble(2.5);
    rows.appendVariant(QVariantList { 1, 2 });
    rows.endRow();
    rows.appendUInt(9);
    rows.appendText("2025-12-31 23:59:59");
    rows.appendNull();
    rows.appendNull();
    rows.appendVariant(QVariantList { 10 });
    rows.endRow();
    rows.appendUInt(100);
    rows.appendText("2026-01-01 00:00:00");
    rows.appendVariant(u"B"_s);
    rows.appendInt(-1);
    rows.appendVariant(QVariantList { 2 });
    rows.endRow();
    rows.appendUInt(10);
    rows.appendText("2026-01-02 00:00:01");
    rows.appendText("");
    rows.appendInt(3);
    rows.appendVariant(QVariantList { 1, 2 });
    rows.endRow();
    model.appendRows(rows);

    ResultSortModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setResultModel(&model);
    proxy.sort(column, order);
    QVERIFY(!proxy.isSorting()); // small: at once
    QCOMPARE(TestResultSortModel::column(proxy, column), expected);
    // Every row moved whole: the first column's value follows its row.
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex source = proxy.mapToSource(proxy.index(row, column));
        QCOMPARE(proxy.index(row, 0).data(), model.index(source.row(), 0).data());
        QCOMPARE(proxy.mapFromSource(source), proxy.index(row, column));
    }
}

void TestResultSortModel::integersSortExactly()
{
    // Beyond 2^53 neighbouring integers are the same double; the order must still be exact.
    QueryResultModel model;
    model.setColumns({ { u"u"_s, u"UInt64"_s }, { u"i"_s, u"Int64"_s } });
    const quint64 big = (quint64(1) << 53) + 1;
    model.appendRows({ { big, qint64(1) }, { big - 1, std::numeric_limits<qint64>::min() },
        { std::numeric_limits<quint64>::max(), qint64(-1) }, { QVariant(), std::numeric_limits<qint64>::max() },
        { quint64(0), qint64(std::numeric_limits<qint64>::max() - 1) } });
    ResultSortModel proxy;
    proxy.setResultModel(&model);
    proxy.sort(0);
    QCOMPARE(column(proxy, 0),
        (QStringList { u"0"_s, QString::number(big - 1), QString::number(big),
            QString::number(std::numeric_limits<quint64>::max()), u"NULL"_s }));
    proxy.sort(1, Qt::DescendingOrder);
    QCOMPARE(column(proxy, 1),
        (QStringList { QString::number(std::numeric_limits<qint64>::max()),
            QString::number(std::numeric_limits<qint64>::max() - 1), u"1"_s, u"-1"_s,
            QString::number(std::numeric_limits<qint64>::min()) }));
}

void TestResultSortModel::arrivalOrderAgainWithMinusOne()
{
    QueryResultModel model;
    model.setColumns({ { u"n"_s, u"Int64"_s } });
    model.appendRows({ { qint64(3) }, { qint64(1) }, { qint64(2) } });
    ResultSortModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setResultModel(&model);
    QCOMPARE(column(proxy, 0), (QStringList { u"3"_s, u"1"_s, u"2"_s }));
    proxy.sort(0);
    QCOMPARE(column(proxy, 0), (QStringList { u"1"_s, u"2"_s, u"3"_s }));
    proxy.sort(-1);
    QCOMPARE(column(proxy, 0), (QStringList { u"3"_s, u"1"_s, u"2"_s }));
    QCOMPARE(proxy.sortColumn(), -1);
}

void TestResultSortModel::rowsArrivingWhileSortedArePlaced()
{
    QueryResultModel model;
    model.setColumns({ { u"s"_s, u"String"_s } });
    ResultSortModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setResultModel(&model);
    proxy.sort(0, Qt::DescendingOrder);
    model.appendRows({ { u"m"_s }, { u"c"_s } });
    QCOMPARE(column(proxy, 0), (QStringList { u"m"_s, u"c"_s }));
    model.appendRows({ { u"z"_s }, { u"a"_s }, { u"d"_s } });
    QCOMPARE(column(proxy, 0), (QStringList { u"z"_s, u"m"_s, u"d"_s, u"c"_s, u"a"_s }));
    QCOMPARE(proxy.rowCount(), 5);
}

void TestResultSortModel::newResultKeepsTheSortColumn()
{
    QueryResultModel model;
    model.setColumns({ { u"a"_s, u"UInt8"_s }, { u"b"_s, u"UInt8"_s } });
    model.appendRows({ { quint64(2), quint64(1) } });
    ResultSortModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setResultModel(&model);
    proxy.sort(1);
    model.setColumns({ { u"x"_s, u"UInt8"_s }, { u"y"_s, u"UInt8"_s } });
    model.appendRows({ { quint64(1), quint64(5) }, { quint64(2), quint64(4) } });
    QCOMPARE(proxy.sortColumn(), 1);
    QCOMPARE(column(proxy, 1), (QStringList { u"4"_s, u"5"_s }));
    model.setColumns({ { u"only"_s, u"UInt8"_s } }); // the column is gone: arrival order
    model.appendRows({ { quint64(2) }, { quint64(1) } });
    QCOMPARE(proxy.sortColumn(), -1);
    QCOMPARE(column(proxy, 0), (QStringList { u"2"_s, u"1"_s }));
}

void TestResultSortModel::persistentIndexFollowsItsRow()
{
    QueryResultModel model;
    model.setColumns({ { u"n"_s, u"Int64"_s }, { u"s"_s, u"String"_s } });
    model.appendRows({ { qint64(3), u"three"_s }, { qint64(1), u"one"_s }, { qint64(2), u"two"_s } });
    ResultSortModel proxy;
    proxy.setResultModel(&model);
    const QPersistentModelIndex three(proxy.index(0, 1));
    proxy.sort(0);
    QCOMPARE(three.row(), 2);
    QCOMPARE(three.data().toString(), u"three"_s);
    proxy.sort(0, Qt::DescendingOrder);
    QCOMPARE(three.row(), 0);
    proxy.sort(-1);
    QCOMPARE(three.row(), 0);
    QCOMPARE(three.data().toString(), u"three"_s);
}

void TestResultSortModel::largeResultSortsOnAPoolThread()
{
    constexpr int count = 4 * ResultSortModel::backgroundThreshold;
    QueryResultModel model;
    model.setColumns({ { u"t"_s, u"DateTime"_s }, { u"s"_s, u"String"_s } });
    ResultRows rows(2);
    for (int i = 0; i < count; ++i) {
        const int scrambled = int((qint64(i) * 7919) % count); // every value once, out of order
        const QByteArray time = QByteArray("2026-01-01 ")
            + QByteArray::number(scrambled / 3600 % 24).rightJustified(2, '0') + ':'
            + QByteArray::number(scrambled / 60 % 60).rightJustified(2, '0') + ':'
            + QByteArray::number(scrambled % 60).rightJustified(2, '0');
        rows.appendText(time);
        rows.appendText(QByteArray::number(scrambled).rightJustified(7, '0'));
        rows.endRow();
    }
    model.appendRows(rows);
    ResultSortModel proxy;
    proxy.setResultModel(&model);
    QSignalSpy sorting(&proxy, &ResultSortModel::sortingChanged);
    const QString firstBefore = proxy.index(0, 1).data().toString();
    proxy.sort(1);
    QVERIFY(proxy.isSorting()); // the call returned before the sort was done
    QCOMPARE(proxy.index(0, 1).data().toString(), firstBefore); // the grid keeps its order meanwhile
    model.appendRows({ { u"2026-01-01 00:00:00"_s, u"0000000"_s } }); // arrives while sorting
    QCOMPARE(proxy.rowCount(), count + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!proxy.isSorting(), 60000);
    QCOMPARE(sorting.size(), 2);
    QCOMPARE(sorting.at(0).at(0).toBool(), true);
    QCOMPARE(sorting.at(1).at(0).toBool(), false);
    QString previous;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString value = proxy.index(row, 1).data().toString();
        QVERIFY2(previous <= value, qPrintable(u"row %1: %2 after %3"_s.arg(row).arg(value, previous)));
        previous = value;
    }
    QCOMPARE(proxy.index(0, 1).data().toString(), u"0000000"_s);
    QCOMPARE(proxy.index(1, 1).data().toString(), u"0000000"_s);
}

void TestResultSortModel::rowsArrivingInALargeSortedResultArePlacedSoon()
{
    constexpr int count = ResultSortModel::backgroundThreshold + 10;
    QueryResultModel model;
    model.setColumns({ { u"n"_s, u"Int64"_s } });
    ResultRows rows(1);
    for (int i = 0; i < count; ++i) {
        rows.appendInt(2 * ((qint64(i) * 7919) % count)); // even numbers, scrambled
        rows.endRow();
    }
    model.appendRows(rows);
    ResultSortModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setResultModel(&model);
    proxy.sort(0);
    QTRY_VERIFY_WITH_TIMEOUT(!proxy.isSorting(), 60000);
    model.appendRows({ { qint64(1) }, { qint64(-5) } });
    model.appendRows(QList<QVariantList> { { qint64(3) } });
    // At the end first (a merge over every row per block would be quadratic), then in place.
    QCOMPARE(proxy.rowCount(), count + 3);
    QCOMPARE(proxy.index(count + 1, 0).data().toString(), u"-5"_s);
    QTRY_COMPARE(proxy.index(0, 0).data().toString(), u"-5"_s);
    QCOMPARE(proxy.index(1, 0).data().toString(), u"0"_s);
    QCOMPARE(proxy.index(2, 0).data().toString(), u"1"_s);
    QCOMPARE(proxy.index(4, 0).data().toString(), u"3"_s);
    QCOMPARE(proxy.index(count + 2, 0).data().toString(), QString::number(2 * (count - 1)));
}

void TestResultSortModel::newerSortWinsAndResetDropsAPendingOne()
{
    constexpr int count = 2 * ResultSortModel::backgroundThreshold;
    QueryResultModel model;
    model.setColumns({ { u"n"_s, u"Int64"_s } });
    ResultRows rows(1);
    for (int i = 0; i < count; ++i) {
        rows.appendInt((qint64(i) * 7919) % count);
        rows.endRow();
    }
    model.appendRows(rows);
    ResultSortModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setResultModel(&model);
    proxy.sort(0, Qt::AscendingOrder);
    proxy.sort(0, Qt::DescendingOrder);
    QVERIFY(proxy.isSorting());
    QTRY_VERIFY_WITH_TIMEOUT(!proxy.isSorting(), 60000);
    QCOMPARE(proxy.index(0, 0).data().toString(), QString::number(count - 1));
    QCOMPARE(proxy.index(count - 1, 0).data().toString(), u"0"_s);

    proxy.sort(0, Qt::AscendingOrder);
    QVERIFY(proxy.isSorting());
    model.setColumns({ { u"n"_s, u"Int64"_s } }); // a new result while it sorts
    QVERIFY(!proxy.isSorting());
    model.appendRows({ { qint64(2) }, { qint64(1) } });
    QCOMPARE(column(proxy, 0), (QStringList { u"1"_s, u"2"_s })); // sorted by the kept column, not by the old run
}

QTEST_GUILESS_MAIN(TestResultSortModel)
#include "tst_resultsortmodel.moc"
