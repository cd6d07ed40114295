#include "failedinsertmodel.h"
#include "tablefiguresmodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTest>

using namespace Qt::StringLiterals;

/// The Health page's table figures and failed inserts as a view reads them.
class TestTableFiguresModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durations_data();
    void durations();
    void tablesAsShown();
    void failedInsertsAsShown();
};

void TestTableFiguresModel::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QString>("age");
    QTest::newRow("now") << qint64(0) << u"0 s"_s << u"0 s ago"_s;
    QTest::newRow("seconds") << qint64(119) << u"119 s"_s << u"119 s ago"_s;
    QTest::newRow("minutes") << qint64(120) << u"2 min"_s << u"2 min ago"_s;
    QTest::newRow("hours") << qint64(2 * 3600 + 59) << u"2 h"_s << u"2 h ago"_s;
    QTest::newRow("days") << qint64(3 * 86400) << u"3 days"_s << u"3 days ago"_s;
    QTest::newRow("ahead") << qint64(-30) << u"0 s"_s << u"30 s in the future"_s;
}

void TestTableFiguresModel::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, duration);
    QFETCH(QString, age);
    if (seconds >= 0)
        QCOMPARE(TableFiguresModel::durationText(seconds), duration);
    QCOMPARE(TableFiguresModel::ageText(seconds), age);
}

void TestTableFiguresModel::tablesAsShown()
{
    TableFiguresModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ClickHouseFigures figures;
    figures.takenAt = QDateTime::fromSecsSinceEpoch(1'000'000, Qt::UTC);
    ClickHouseFigures::Table traces;
    traces.name = u"traces"_s;
    traces.rows = 1234567;
    traces.bytesOnDisk = 2048;
    traces.mostPartsInAPartition = TableFiguresModel::errorParts;
    traces.newestRow = figures.takenAt.addSecs(-90);
    ClickHouseFigures::Table empty;
    empty.name = u"logs"_s;
    empty.mostPartsInAPartition = 3;
    figures.tables = { traces, empty };
    model.setFigures(figures);
    QCOMPARE(model.rowCount(), 2);
    const QLocale locale;
    QCOMPARE(model.index(0, TableFiguresModel::RowsColumn).data().toString(), locale.toString(1234567));
    QCOMPARE(model.index(0, TableFiguresModel::BytesColumn).data().toString(), locale.formattedDataSize(2048));
    QCOMPARE(model.index(0, TableFiguresModel::NewestRowColumn).data().toString(), u"90 s ago"_s);
    QCOMPARE(model.index(0, TableFiguresModel::NewestRowColumn).data(TableFiguresModel::SortRole).toLongLong(), 90);
    QVERIFY(model.index(0, TableFiguresModel::PartsColumn).data(Qt::ForegroundRole).canConvert<QBrush>());
    QVERIFY(!model.index(1, TableFiguresModel::PartsColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1, TableFiguresModel::NewestRowColumn).data().toString(), u"—"_s);
    QVERIFY(!model.index(1, TableFiguresModel::NewestRowColumn).data(TableFiguresModel::SortRole).isValid());
    model.setFigures({});
    QCOMPARE(model.rowCount(), 0);
}

void TestTableFiguresModel::failedInsertsAsShown()
{
    FailedInsertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ClickHouseFigures::FailedInsert insert;
    insert.time = QDateTime::currentDateTimeUtc();
    insert.user = u"telemetry"_s;
    insert.client = u"python-requests/2.31"_s;
    insert.address = u"::ffff:127.0.0.1"_s;
    insert.query = u"INSERT INTO telemetry.traces\n FORMAT JSONEachRow"_s;
    insert.error = u"Cannot parse input (code 27)"_s;
    model.setFailedInserts({ insert, insert });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, FailedInsertModel::ClientColumn).data().toString(),
        u"python-requests/2.31 from ::ffff:127.0.0.1"_s);
    QCOMPARE(model.index(0, FailedInsertModel::StatementColumn).data().toString(),
        u"INSERT INTO telemetry.traces FORMAT JSONEachRow"_s);
    QCOMPARE(model.index(0, FailedInsertModel::StatementColumn).data(Qt::ToolTipRole).toString(), insert.query);
    QCOMPARE(model.index(1, FailedInsertModel::ErrorColumn).data().toString(), insert.error);
    model.setFailedInserts({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestTableFiguresModel)
#include "tst_tablefiguresmodel.moc"
