#include "queryresultmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDateTime>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

class TestQueryResultModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester();
    void valuesShowReadably_data();
    void valuesShowReadably();
    void numbersAndDatesSortByValue();
    void hugeCellsAreCutForShowingNotForCopying();
    void copyTextIsTabSeparated();
    void numberColumnsFollowTheRows();
};

void TestQueryResultModel::passesTheModelTester()
{
    QueryResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColumns({ { u"n"_s, u"UInt64"_s }, { u"s"_s, u"Nullable(String)"_s } });
    model.appendRows({ { quint64(1), u"a"_s }, { quint64(2), QVariant() } });
    model.appendRows(QList<QVariantList>());
    model.appendRows({ { quint64(3), u"c"_s } });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestQueryResultModel::valuesShowReadably_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("rightAligned");
    QTest::newRow("UInt64 max") << u"UInt64"_s << QVariant(std::numeric_limits<quint64>::max())
                                << u"18446744073709551615"_s << true;
    QTest::newRow("Int64 min") << u"Int64"_s << QVariant(std::numeric_limits<qint64>::min())
                               << u"-9223372036854775808"_s << true;
    QTest::newRow("Float64 shortest") << u"Float64"_s << QVariant(0.1) << u"0.1"_s << true;
    QTest::newRow("Float64 big") << u"Float64"_s << QVariant(1e300) << u"1e+300"_s << true;
    QTest::newRow("Decimal") << u"Decimal(9, 2)"_s << QVariant(u"12.50"_s) << u"12.50"_s << true;
    QTest::newRow("NULL") << u"Nullable(Float64)"_s << QVariant() << u"NULL"_s << true;
    QTest::newRow("String") << u"String"_s << QVariant(u"ação ✓"_s) << u"ação ✓"_s << false;
    QTest::newRow("LowCardinality") << u"LowCardinality(String)"_s << QVariant(u"x"_s) << u"x"_s << false;
    QTest::newRow("Array(String)") << u"Array(String)"_s << QVariant(QVariantList { u"a, b"_s, u"it's"_s })
                                   << uR"(['a, b', 'it\'s'])"_s << false;
    QTest::newRow("Array(UInt8)") << u"Array(UInt8)"_s << QVariant(QVariantList { 1, 2, 3 }) << u"[1, 2, 3]"_s << false;
    QTest::newRow("empty array") << u"Array(String)"_s << QVariant(QVariantList {}) << u"[]"_s << false;
    QTest::newRow("Map") << u"Map(String, UInt64)"_s << QVariant(QVariantMap { { u"k"_s, 5 } }) << u"{'k': 5}"_s
                         << false;
    QTest::newRow("nested NULL") << u"Array(Nullable(UInt8))"_s << QVariant(QVariantList { 1, QVariant() })
                                 << u"[1, NULL]"_s << false;
    QTest::newRow("DateTime") << u"DateTime"_s << QVariant(u"2026-11-28 13:00:00"_s) << u"2026-11-28 13:00:00"_s
                              << false;
}

void TestQueryResultModel::valuesShowReadably()
{
    QFETCH(QString, type);
    QFETCH(QVariant, value);
    QFETCH(QString, shown);
    QFETCH(bool, rightAligned);
    QueryResultModel model;
    model.setColumns({ { u"c"_s, type } });
    model.appendRows({ { value } });
    const QModelIndex index = model.index(0, 0);
    QCOMPARE(index.data().toString(), shown);
    const auto alignment = index.data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    QCOMPARE(bool(alignment & Qt::AlignRight), rightAligned);
    QCOMPARE(index.data(QueryResultModel::IsNullRole).toBool(), !value.isValid());
    QCOMPARE(index.data(Qt::ForegroundRole).isValid(), !value.isValid()); // NULL is grey
    QCOMPARE(index.data(QueryResultModel::ColumnTypeRole).toString(), type);
}

void TestQueryResultModel::numbersAndDatesSortByValue()
{
    QueryResultModel model;
    model.setColumns({ { u"n"_s, u"UInt64"_s }, { u"t"_s, u"DateTime"_s }, { u"f"_s, u"Nullable(Float64)"_s } });
    model.appendRows({ { quint64(10), u"2026-01-02 00:00:00"_s, 2.5 },
        { quint64(9), u"2025-12-31 23:59:59"_s, QVariant() }, { quint64(100), u"2026-01-01 00:00:00"_s, -1.0 } });
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(QueryResultModel::SortRole);
    proxy.sort(0);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"9"_s); // as numbers: 9 < 10 < 100, not "10" < "100" < "9"
    QCOMPARE(proxy.index(2, 0).data().toString(), u"100"_s);
    proxy.sort(1);
    QCOMPARE(proxy.index(0, 1).data().toString(), u"2025-12-31 23:59:59"_s);
    QCOMPARE(proxy.index(0, 1).data(QueryResultModel::SortRole).typeId(), QMetaType::QDateTime);
    proxy.sort(2);
    QCOMPARE(proxy.index(0, 2).data().toString(), u"-1"_s); // -1, 2.5, then NULL: as ClickHouse's NULLS LAST
    QCOMPARE(proxy.index(1, 2).data().toString(), u"2.5"_s);
    QCOMPARE(proxy.index(2, 2).data().toString(), u"NULL"_s);
}

void TestQueryResultModel::hugeCellsAreCutForShowingNotForCopying()
{
    QueryResultModel model;
    model.setColumns({ { u"s"_s, u"String"_s } });
    const QString huge(1000000, u'x');
    model.appendRows({ { huge } });
    const QModelIndex index = model.index(0, 0);
    QCOMPARE(index.data().toString().size(), QueryResultModel::maxShownCharacters + 1); // and an ellipsis
    QVERIFY(index.data().toString().endsWith(u'…'));
    QCOMPARE(model.copyText({ index }), huge);
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), huge.left(20000)); // a tooltip has a bound too
}

void TestQueryResultModel::copyTextIsTabSeparated()
{
    QueryResultModel model;
    model.setColumns({ { u"a"_s, u"UInt8"_s }, { u"b"_s, u"Nullable(String)"_s } });
    model.appendRows({ { 1, u"x"_s }, { 2, QVariant() } });
    const QModelIndexList cells { model.index(1, 1), model.index(0, 0), model.index(1, 0), model.index(0, 1) };
    QCOMPARE(model.copyText(cells), u"1\tx\n2\tNULL"_s);
}

void TestQueryResultModel::numberColumnsFollowTheRows()
{
    QueryResultModel model;
    model.setColumns({ { u"t"_s, u"Nullable(DateTime)"_s }, { u"s"_s, u"String"_s }, { u"v"_s, u"Float64"_s },
        { u"big"_s, u"UInt64"_s } });
    // More than one chunk, and values of every awkward kind.
    QList<QVariantList> rows;
    for (int i = 0; i < 5000; ++i)
        rows.append({ u"2026-01-02 03:04:05"_s, u"x"_s, double(i) / 2, u"18446744073709551615"_s });
    rows.append({ QVariant(), u"y"_s, QVariant(), qulonglong(7) });
    rows.append({ u"not a time"_s, u"z"_s, qlonglong(-3), u"12"_s });
    model.appendRows(rows);
    QVERIFY(model.numbers(1) == nullptr);
    QVERIFY(model.numbers(7) == nullptr);
    const ChunkedList<double>* times = model.numbers(0);
    const ChunkedList<double>* values = model.numbers(2);
    QVERIFY(times && values);
    QCOMPARE(times->size(), 5002);
    QCOMPARE(
        qint64(times->at(4999)), QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc()).toMSecsSinceEpoch());
    QVERIFY(std::isnan(times->at(5000)));
    QVERIFY(std::isnan(times->at(5001)));
    QCOMPARE(values->at(4999), 2499.5);
    QVERIFY(std::isnan(values->at(5000)));
    QCOMPARE(values->at(5001), -3.0);
    QCOMPARE(model.numbers(3)->at(5000), 7.0);
    QCOMPARE(model.numbers(3)->at(5001), 12.0);
    model.setColumns({ { u"n"_s, u"UInt8"_s } });
    QCOMPARE(model.numbers(0)->size(), 0);
}

QTEST_GUILESS_MAIN(TestQueryResultModel)
#include "tst_queryresultmodel.moc"
