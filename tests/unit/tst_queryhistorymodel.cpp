#include "queryhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Entry = QueryHistoryModel::Entry;

namespace {
/// 2024-01-01 00:00:00 UTC plus `seconds`.
QDateTime at(int seconds)
{
    return QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(seconds);
}

/// A line as the model writes it (without the newline).
QByteArray line(int seconds, const QString& sql, bool failed = false)
{
    const QJsonObject object { { u"ranAt"_s, at(seconds).toString(Qt::ISODateWithMs) }, { u"sql"_s, sql },
        { u"outcome"_s, u"1 row in 0.01 s"_s }, { u"failed"_s, failed } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// `count` good lines, the oldest first, each "SELECT <i>".
QByteArray lines(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += line(i, u"SELECT %1"_s.arg(i)) + '\n';
    return out;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QList<QByteArray> fileLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> result = file.readAll().split('\n');
    if (!result.isEmpty() && result.constLast().isEmpty())
        result.removeLast();
    return result;
}

QString sqlOf(const QByteArray& line)
{
    return QJsonDocument::fromJson(line).object().value(u"sql"_s).toString();
}
} // namespace

/// The Query page's history: newest first, kept in a JSON Lines file (one object per run,
/// appended), damaged lines reported and skipped, at most maxEntries kept.
class TestQueryHistoryModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addPutsTheNewestFirst();
    void entriesSurviveANewModelOnTheSameFile();
    void damagedLinesAreReportedAndGoodLinesKept();
    void anEntryAddedAfterATornLastLineSurvives();
    void loadingKeepsTheNewestMaxEntries();
    void addingBeyondTheLimitDropsTheOldest();
    void emptyPathKeepsTheHistoryInMemoryOnly();
    void anUnwritableFileIsReported();
    void columnsAndRoles();
};

void TestQueryHistoryModel::addPutsTheNewestFirst()
{
    QueryHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 3);
    model.add({ at(1), u"SELECT 1"_s, u"1 row"_s, false });
    model.add({ at(2), u"SELECT 2"_s, u"1 row"_s, false });
    model.add({ at(3), u"SELEC 3"_s, u"Failed: Syntax error"_s, true });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).sql, u"SELEC 3"_s);
    QCOMPARE(model.entry(1).sql, u"SELECT 2"_s);
    QCOMPARE(model.entry(2).sql, u"SELECT 1"_s);
    QVERIFY(model.entry(0).failed);
    QCOMPARE(inserted.size(), 3);
    for (const auto& arguments : std::as_const(inserted)) {
        QCOMPARE(arguments.at(1).toInt(), 0); // each one at the top
        QCOMPARE(arguments.at(2).toInt(), 0);
    }
    QVERIFY(model.file().isEmpty());
    QVERIFY(model.loadProblems().isEmpty());
}

void TestQueryHistoryModel::entriesSurviveANewModelOnTheSameFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"not/yet/there/history.jsonl"_s);
    const QList<Entry> added {
        { QDateTime::currentDateTime(), u"SELECT 'it''s', \"q\", '\\\\'\n  FROM t -- ação ✓ 😀"_s, u"3 rows in 0.05 s"_s,
            false },
        { at(60).addMSecs(123), u"SELEC 1"_s, u"Failed: Syntax error"_s, true },
        { at(120), u"SELECT\n\t1"_s, QString(), false },
    };
    {
        QueryHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFile(path);
        QCOMPARE(model.file(), path);
        QCOMPARE(model.rowCount(), 0); // no file yet: an empty history, not a problem
        QVERIFY(model.loadProblems().isEmpty());
        QVERIFY(!QFile::exists(path));
        for (const Entry& entry : added)
            model.add(entry);
        QVERIFY2(model.loadProblems().isEmpty(), qPrintable(model.loadProblems().join(u'\n')));
    }
    // One JSON object per line, the oldest first: runs are appended as they end.
    const QList<QByteArray> written = fileLines(path);
    QCOMPARE(written.size(), 3);
    for (qsizetype i = 0; i < written.size(); ++i)
        QCOMPARE(sqlOf(written.at(i)), added.at(i).sql);

    QueryHistoryModel reopened;
    QAbstractItemModelTester tester(&reopened, QAbstractItemModelTester::FailureReportingMode::QtTest);
    reopened.setFile(path);
    QVERIFY2(reopened.loadProblems().isEmpty(), qPrintable(reopened.loadProblems().join(u'\n')));
    QCOMPARE(reopened.rowCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const Entry& got = reopened.entry(2 - i);
        const Entry& expected = added.at(i);
        QCOMPARE(got.ranAt, expected.ranAt); // to the millisecond
        QCOMPARE(got.sql, expected.sql);
        QCOMPARE(got.outcome, expected.outcome);
        QCOMPARE(got.failed, expected.failed);
    }
}

void TestQueryHistoryModel::damagedLinesAreReportedAndGoodLinesKept()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"history.jsonl"_s);
    const QByteArray content = line(1, u"SELECT 'a'"_s) + '\n' // 1
        + "{not json\n" // 2
        + "[1, 2]\n" // 3
        + R"({"sql":"SELECT 1"})" + '\n' // 4: no time
        + R"({"ranAt":"yesterday","sql":"SELECT 1"})" + '\n' // 5
        + R"({"ranAt":"2024-01-01T00:00:06.000Z","sql":5})" + '\n' // 6: sql not a string
        + '\n' // 7: empty, skipped silently
        + line(8, u"SELECT 'b'"_s, true) + "\r\n" // 8: CRLF is fine
        + "   \n" // 9: blank
        + line(10, u"SELECT 'c'"_s).left(30); // 10: torn by a crash, no newline
    QVERIFY(writeFile(path, content));

    QueryHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(path);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entry(0).sql, u"SELECT 'b'"_s);
    QCOMPARE(model.entry(0).ranAt, at(8));
    QVERIFY(model.entry(0).failed);
    QCOMPARE(model.entry(1).sql, u"SELECT 'a'"_s);
    QVERIFY(!model.entry(1).failed);

    const QStringList problems = model.loadProblems();
    QCOMPARE(problems.size(), 6);
    const QList<int> damaged { 2, 3, 4, 5, 6, 10 };
    for (qsizetype i = 0; i < damaged.size(); ++i) {
        QVERIFY2(problems.at(i).contains(u", line %1: "_s.arg(damaged.at(i))), qPrintable(problems.at(i)));
        QVERIFY2(problems.at(i).contains(path), qPrintable(problems.at(i)));
    }
    QVERIFY2(problems.at(0).contains(u"not a JSON object"_s), qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).contains(u"another JSON value"_s), qPrintable(problems.at(1)));
    for (int i : { 2, 3, 4 })
        QVERIFY2(problems.at(i).contains(u"needs \"sql\" and an ISO \"ranAt\""_s), qPrintable(problems.at(i)));
    QVERIFY2(problems.at(5).contains(u"not a JSON object"_s), qPrintable(problems.at(5)));

    // The problems are the current file's: a good file has none.
    const QString good = directory.filePath(u"good.jsonl"_s);
    QVERIFY(writeFile(good, lines(2)));
    model.setFile(good);
    QVERIFY(model.loadProblems().isEmpty());
    QCOMPARE(model.rowCount(), 2);
}

void TestQueryHistoryModel::anEntryAddedAfterATornLastLineSurvives()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"history.jsonl"_s);
    QVERIFY(writeFile(path, line(1, u"SELECT 'a'"_s) + '\n' + line(2, u"SELECT 'torn'"_s).left(25)));
    {
        QueryHistoryModel model;
        model.setFile(path);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.loadProblems().size(), 1);
        model.add({ at(3), u"SELECT 'after'"_s, u"1 row"_s, false });
        QCOMPARE(model.rowCount(), 2);
    }
    QueryHistoryModel reopened;
    reopened.setFile(path);
    QCOMPARE(reopened.rowCount(), 2);
    QCOMPARE(reopened.entry(0).sql, u"SELECT 'after'"_s);
    QCOMPARE(reopened.loadProblems().size(), 1); // only the torn line
}

void TestQueryHistoryModel::loadingKeepsTheNewestMaxEntries()
{
    constexpr int extra = 5;
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"history.jsonl"_s);
    QVERIFY(writeFile(path, lines(QueryHistoryModel::maxEntries + extra)));
    {
        QueryHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFile(path);
        QVERIFY(model.loadProblems().isEmpty());
        QCOMPARE(model.rowCount(), QueryHistoryModel::maxEntries);
        QCOMPARE(model.entry(0).sql, u"SELECT %1"_s.arg(QueryHistoryModel::maxEntries + extra - 1));
        QCOMPARE(model.entry(QueryHistoryModel::maxEntries - 1).sql, u"SELECT %1"_s.arg(extra));
    }
    // The file is cut to match, still oldest first.
    const QList<QByteArray> kept = fileLines(path);
    QCOMPARE(kept.size(), QueryHistoryModel::maxEntries);
    QCOMPARE(sqlOf(kept.constFirst()), u"SELECT %1"_s.arg(extra));
    QCOMPARE(sqlOf(kept.constLast()), u"SELECT %1"_s.arg(QueryHistoryModel::maxEntries + extra - 1));
    QueryHistoryModel reopened;
    reopened.setFile(path);
    QVERIFY(reopened.loadProblems().isEmpty());
    QCOMPARE(reopened.rowCount(), QueryHistoryModel::maxEntries);
    QCOMPARE(reopened.entry(QueryHistoryModel::maxEntries - 1).sql, u"SELECT %1"_s.arg(extra));
}

void TestQueryHistoryModel::addingBeyondTheLimitDropsTheOldest()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"history.jsonl"_s);
    QVERIFY(writeFile(path, lines(QueryHistoryModel::maxEntries)));
    {
        QueryHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFile(path);
        QCOMPARE(model.rowCount(), QueryHistoryModel::maxEntries);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.add({ at(5000), u"SELECT 'newest'"_s, u"1 row"_s, false });
        QCOMPARE(model.rowCount(), QueryHistoryModel::maxEntries);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), QueryHistoryModel::maxEntries); // the oldest, at the bottom
        QCOMPARE(removed.first().at(2).toInt(), QueryHistoryModel::maxEntries);
        QCOMPARE(model.entry(0).sql, u"SELECT 'newest'"_s);
        QCOMPARE(model.entry(QueryHistoryModel::maxEntries - 1).sql, u"SELECT 1"_s); // "SELECT 0" is gone
        QVERIFY(model.loadProblems().isEmpty());
    }
    const QList<QByteArray> kept = fileLines(path);
    QCOMPARE(kept.size(), QueryHistoryModel::maxEntries);
    QCOMPARE(sqlOf(kept.constFirst()), u"SELECT 1"_s);
    QCOMPARE(sqlOf(kept.constLast()), u"SELECT 'newest'"_s);
    QueryHistoryModel reopened;
    reopened.setFile(path);
    QCOMPARE(reopened.rowCount(), QueryHistoryModel::maxEntries);
    QCOMPARE(reopened.entry(0).sql, u"SELECT 'newest'"_s);
    QCOMPARE(reopened.entry(0).ranAt, at(5000));
}

void TestQueryHistoryModel::emptyPathKeepsTheHistoryInMemoryOnly()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"history.jsonl"_s);
    QVERIFY(writeFile(path, lines(1)));
    QueryHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(path);
    QCOMPARE(model.rowCount(), 1);
    model.setFile(QString());
    QVERIFY(model.file().isEmpty());
    QCOMPARE(model.rowCount(), 0); // the file's entries went with it
    model.add({ at(10), u"SELECT 'memory'"_s, u"1 row"_s, false });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).sql, u"SELECT 'memory'"_s);
    QVERIFY(model.loadProblems().isEmpty());
    QCOMPARE(fileLines(path).size(), 1); // not written to the old file
}

void TestQueryHistoryModel::anUnwritableFileIsReported()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QueryHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(directory.path()); // a folder: nothing can be appended to it
    QCOMPARE(model.rowCount(), 0);
    model.add({ at(1), u"SELECT 1"_s, u"1 row"_s, false });
    QCOMPARE(model.rowCount(), 1); // shown all the same
    QCOMPARE(model.loadProblems().size(), 1);
    QVERIFY2(model.loadProblems().constFirst().contains(directory.path())
            && model.loadProblems().constFirst().contains(u"could not be written"_s),
        qPrintable(model.loadProblems().constFirst()));
}

void TestQueryHistoryModel::columnsAndRoles()
{
    QueryHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime old(QDate(2020, 3, 4), QTime(5, 6, 7, 89), QTimeZone::utc());
    const QString longSql = u"SELECT '"_s + QString(250, u'x') + u"'"_s;
    model.add({ old, longSql, u"Failed: boom"_s, true });
    const QDateTime today(QDate::currentDate(), QTime(12, 0));
    const QString multiLine = u"SELECT\n    a,\n\tb\nFROM  t"_s;
    model.add({ today, multiLine, u"2 rows in 0.01 s"_s, false });
    using Column = QueryHistoryModel::Column;

    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(Column::TimeColumn, Qt::Horizontal).toString(), u"Ran at"_s);
    QCOMPARE(model.headerData(Column::StatementColumn, Qt::Horizontal).toString(), u"Statement"_s);
    QCOMPARE(model.headerData(Column::OutcomeColumn, Qt::Horizontal).toString(), u"Outcome"_s);
    QVERIFY(!model.headerData(Column::ColumnCount, Qt::Horizontal).isValid());
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    QVERIFY(!model.headerData(Column::TimeColumn, Qt::Horizontal, Qt::ToolTipRole).isValid());

    // Row 0: today's run, by its time only; the statement on one line, whitespace collapsed.
    const QModelIndex todayTime = model.index(0, Column::TimeColumn);
    QCOMPARE(todayTime.data().toString(), QLocale().toString(today.time(), QLocale::ShortFormat));
    QCOMPARE(model.index(0, Column::StatementColumn).data().toString(), u"SELECT a, b FROM t"_s);
    QCOMPARE(model.index(0, Column::OutcomeColumn).data().toString(), u"2 rows in 0.01 s"_s);
    for (int column = 0; column < model.columnCount(); ++column) {
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data(QueryHistoryModel::SqlRole).toString(), multiLine); // whole, on every column
        QCOMPARE(index.data(QueryHistoryModel::RanAtRole).toDateTime(), today);
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), multiLine);
        QVERIFY(!index.data(Qt::ForegroundRole).isValid()); // it did not fail
        QVERIFY(!index.data(Qt::DecorationRole).isValid());
    }

    // Row 1: an older run shows its date too; a long statement is cut for the table only.
    const QString oldTime = model.index(1, Column::TimeColumn).data().toString();
    QCOMPARE(oldTime, QLocale().toString(old.toLocalTime(), QLocale::ShortFormat));
    QVERIFY(oldTime != QLocale().toString(old.toLocalTime().time(), QLocale::ShortFormat));
    const QString shown = model.index(1, Column::StatementColumn).data().toString();
    QCOMPARE(shown.size(), 201);
    QCOMPARE(shown, QString(longSql.left(200) + u'…'));
    QCOMPARE(model.index(1, Column::StatementColumn).data(QueryHistoryModel::SqlRole).toString(), longSql);
    QCOMPARE(model.index(1, Column::StatementColumn).data(Qt::ToolTipRole).toString(), longSql);
    QCOMPARE(model.index(1, Column::TimeColumn).data(QueryHistoryModel::RanAtRole).toDateTime(), old);
    // A failure's outcome is red, and only the outcome.
    const QVariant failedColour = model.index(1, Column::OutcomeColumn).data(Qt::ForegroundRole);
    QVERIFY(failedColour.isValid());
    const QColor colour = failedColour.value<QColor>();
    QVERIFY2(colour.red() > 2 * colour.green() && colour.red() > 2 * colour.blue(), qPrintable(colour.name()));
    QVERIFY(!model.index(1, Column::TimeColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(1, Column::StatementColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1, Column::OutcomeColumn).data().toString(), u"Failed: boom"_s);
}

QTEST_MAIN(TestQueryHistoryModel)
#include "tst_queryhistorymodel.moc"
