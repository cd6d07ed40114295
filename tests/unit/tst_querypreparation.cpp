#include "clickhouse/clickhouseserverinfo.h"
#include "query/querypreparation.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// What every caller of SQL (the Query page, dashboards, `query`) does to a statement before
/// the server sees it, and how the server's answer maps back.
class TestQueryPreparation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void macrosAreExpanded();
    void macroErrorSaysWhere();
    void destructiveStatementsAskFirst();
    void readOnlySettings();
    void errorOffset_data();
    void errorOffset();
    void readOnlyHint();
    void macroContextFollowsTheServer();
};

void TestQueryPreparation::macrosAreExpanded()
{
    QueryPreparation::Options options;
    options.macros.fromMs = 1'000'000;
    options.macros.toMs = 2'000'000;
    const QueryPreparation::Prepared prepared = QueryPreparation::prepare(u"SELECT $__fromTime, $__to"_s, options);
    QVERIFY2(prepared.ok(), qPrintable(prepared.error));
    QVERIFY2(!prepared.sql.contains(u'$'), qPrintable(prepared.sql));
    QVERIFY2(prepared.sql.contains(u"2000000"_s), qPrintable(prepared.sql));
}

void TestQueryPreparation::macroErrorSaysWhere()
{
    const QString statement = u"SELECT 1 WHERE $__timeFilter"_s;
    const QueryPreparation::Prepared prepared = QueryPreparation::prepare(statement, {});
    QVERIFY(!prepared.ok());
    QVERIFY2(prepared.error.startsWith(u"Macro error: "_s), qPrintable(prepared.error));
    QCOMPARE(prepared.errorOffset, statement.indexOf(u"$__timeFilter"_s));
    QVERIFY(prepared.sql.isEmpty());
}

void TestQueryPreparation::destructiveStatementsAskFirst()
{
    int asked = 0;
    bool answer = false;
    QueryPreparation::Options options;
    options.confirmDestructive = [&](const QString&) {
        ++asked;
        return answer;
    };
    // Read-only: the server refuses anyway, nobody is asked.
    QVERIFY(QueryPreparation::prepare(u"DROP TABLE t"_s, options).ok());
    QCOMPARE(asked, 0);
    options.readOnly = false;
    const QueryPreparation::Prepared refused = QueryPreparation::prepare(u"DROP TABLE t"_s, options);
    QCOMPARE(asked, 1);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error, u"Not run: DROP was not confirmed."_s);
    QCOMPARE(refused.errorOffset, -1);
    answer = true;
    QVERIFY(QueryPreparation::prepare(u"TRUNCATE TABLE t"_s, options).ok());
    QCOMPARE(asked, 2);
    QVERIFY(QueryPreparation::prepare(u"INSERT INTO t VALUES (1)"_s, options).ok()); // a write, not destructive
    QCOMPARE(asked, 2);
    // The command line's --write: no one to ask, the statement runs.
    options.confirmDestructive = {};
    QVERIFY(QueryPreparation::prepare(u"DROP TABLE t"_s, options).ok());
}

void TestQueryPreparation::readOnlySettings()
{
    const ClickHouseClient::Settings readOnly = QueryPreparation::requestSettings(true);
    QCOMPARE(readOnly.size(), 1);
    QCOMPARE(readOnly.first().first, u"readonly"_s);
    QCOMPARE(readOnly.first().second, u"2"_s);
    QVERIFY(QueryPreparation::requestSettings(false).isEmpty());
}

void TestQueryPreparation::errorOffset_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qsizetype>("offset");

    QTest::newRow("same text") << u"SELEC 1"_s << u"SELEC 1"_s << u"Syntax error: failed at position 1"_s
                               << qsizetype(0);
    QTest::newRow("later") << u"SELECT 1 FORM t"_s << u"SELECT 1 FORM t"_s << u"failed at position 10 (FORM)"_s
                           << qsizetype(9);
    QTest::newRow("after a macro: unknown, the statement's start")
        << u"SELECT $__from FORM t"_s << u"SELECT 1764000000000 FORM t"_s << u"failed at position 22"_s << qsizetype(0);
    QTest::newRow("before a macro: known")
        << u"SELEC $__from"_s << u"SELEC 1764000000000"_s << u"failed at position 1"_s << qsizetype(0);
    QTest::newRow("no position") << u"SELECT x"_s << u"SELECT x"_s << u"Missing columns: 'x'"_s << qsizetype(0);
    QTest::newRow("past the end") << u"SELECT"_s << u"SELECT"_s << u"failed at position 99"_s << qsizetype(0);
}

void TestQueryPreparation::errorOffset()
{
    QFETCH(QString, statement);
    QFETCH(QString, sent);
    QFETCH(QString, message);
    QFETCH(qsizetype, offset);
    QCOMPARE(QueryPreparation::errorOffset(statement, sent, ClickHouseError::server(62, message)), offset);
}

void TestQueryPreparation::readOnlyHint()
{
    const ClickHouseError readOnly = ClickHouseError::server(164, u"Cannot insert into table in readonly mode"_s);
    QVERIFY(QueryPreparation::readOnlyHint(readOnly, true).contains(u"Read-only is on"_s));
    QVERIFY(QueryPreparation::readOnlyHint(readOnly, false).isEmpty());
    QVERIFY(QueryPreparation::readOnlyHint(ClickHouseError::server(62, u"Syntax error"_s), true).isEmpty());
}

void TestQueryPreparation::macroContextFollowsTheServer()
{
    ClickHouseServerInfo old;
    QString error;
    QVERIFY2(
        ClickHouseServerInfo::fromProbeResult(u"version\t18.16.1\ntimezone\tUTC\n"_s, &old, &error), qPrintable(error));
    const GrafanaMacroContext context = QueryPreparation::macroContext(0, 6 * 3600 * 1000, old);
    QCOMPARE(context.fromMs, 0);
    QCOMPARE(context.toMs, 6 * 3600 * 1000);
    QVERIFY(!context.serverHasToStartOfInterval);
    QVERIFY(!context.serverHasDateTime64);
    QVERIFY2(context.intervalMs > 0 && context.intervalMs < 6 * 3600 * 1000,
        qPrintable(QString::number(context.intervalMs)));

    ClickHouseServerInfo modern;
    QVERIFY(ClickHouseServerInfo::fromProbeResult(
        u"version\t26.7.1\ntype\tDateTime64\nfunction\ttoStartOfInterval\n"_s, &modern, &error));
    const GrafanaMacroContext modernContext = QueryPreparation::macroContext(0, 1000, modern);
    QVERIFY(modernContext.serverHasToStartOfInterval);
    QVERIFY(modernContext.serverHasDateTime64);
}

QTEST_GUILESS_MAIN(TestQueryPreparation)
#include "tst_querypreparation.moc"
