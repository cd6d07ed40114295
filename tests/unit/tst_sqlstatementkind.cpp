#include "sql/sqlstatementkind.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Kind = SqlStatementKind::Kind;

namespace SqlStatementKind {
// Found by argument-dependent lookup: failures print the kind's name, not a number.
char* toString(Kind kind)
{
    switch (kind) {
    case Kind::Read:
        return qstrdup("Read");
    case Kind::Write:
        return qstrdup("Write");
    case Kind::Destructive:
        return qstrdup("Destructive");
    }
    return qstrdup("?");
}
} // namespace SqlStatementKind

/// What the Query page asks about before it runs a statement: the first keyword outside comments
/// (after whitespace and opening parentheses), and from it read, write or destructive.
class TestSqlStatementKind final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
};

void TestSqlStatementKind::classify_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<Kind>("kind");

    // Reads.
    QTest::newRow("select") << u"SELECT 1"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("lowercase") << u"select * from t"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("mixed case") << u"SeLeCt 1"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("with") << u"WITH x AS (SELECT 1) SELECT * FROM x"_s << u"WITH"_s << Kind::Read;
    QTest::newRow("show") << u"SHOW TABLES"_s << u"SHOW"_s << Kind::Read;
    QTest::newRow("describe") << u"DESCRIBE TABLE t"_s << u"DESCRIBE"_s << Kind::Read;
    QTest::newRow("desc") << u"desc t"_s << u"DESC"_s << Kind::Read;
    QTest::newRow("exists") << u"EXISTS TABLE t"_s << u"EXISTS"_s << Kind::Read;
    QTest::newRow("explain") << u"EXPLAIN SELECT 1"_s << u"EXPLAIN"_s << Kind::Read;
    QTest::newRow("check") << u"CHECK TABLE t"_s << u"CHECK"_s << Kind::Read;
    QTest::newRow("keyword ends at a parenthesis") << u"SELECT(1)"_s << u"SELECT"_s << Kind::Read;

    // Writes: the header's list, and anything unknown.
    QTest::newRow("insert") << u"INSERT INTO t VALUES (1)"_s << u"INSERT"_s << Kind::Write;
    QTest::newRow("insert select is still a write") << u"INSERT INTO t SELECT * FROM u"_s << u"INSERT"_s << Kind::Write;
    QTest::newRow("create") << u"CREATE TABLE t (x UInt8) ENGINE = Memory"_s << u"CREATE"_s << Kind::Write;
    QTest::newRow("attach") << u"ATTACH TABLE t"_s << u"ATTACH"_s << Kind::Write;
    QTest::newRow("set") << u"SET max_threads = 1"_s << u"SET"_s << Kind::Write;
    QTest::newRow("use") << u"USE db"_s << u"USE"_s << Kind::Write;
    QTest::newRow("system") << u"SYSTEM FLUSH LOGS"_s << u"SYSTEM"_s << Kind::Write;
    QTest::newRow("grant") << u"GRANT SELECT ON db.* TO u"_s << u"GRANT"_s << Kind::Write;
    QTest::newRow("unknown keyword") << u"FROBNICATE t"_s << u"FROBNICATE"_s << Kind::Write;
    QTest::newRow("a longer word is not its prefix") << u"DROPPED 1"_s << u"DROPPED"_s << Kind::Write;
    QTest::newRow("underscore belongs to the word") << u"DROP_ALL t"_s << u"DROP_ALL"_s << Kind::Write;

    // Destructive.
    QTest::newRow("drop") << u"DROP TABLE t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("drop lowercase") << u"drop table t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("drop mixed case") << u"Drop Table t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("truncate") << u"TRUNCATE TABLE t"_s << u"TRUNCATE"_s << Kind::Destructive;
    QTest::newRow("delete") << u"DELETE FROM t WHERE 1"_s << u"DELETE"_s << Kind::Destructive;
    QTest::newRow("alter delete") << u"ALTER TABLE t DELETE WHERE x = 1"_s << u"ALTER"_s << Kind::Destructive;
    QTest::newRow("alter update") << u"ALTER TABLE t UPDATE x = 2 WHERE 1"_s << u"ALTER"_s << Kind::Destructive;
    QTest::newRow("alter drop column") << u"ALTER TABLE t DROP COLUMN x"_s << u"ALTER"_s << Kind::Destructive;
    QTest::newRow("detach") << u"DETACH TABLE t"_s << u"DETACH"_s << Kind::Destructive;
    QTest::newRow("rename") << u"RENAME TABLE a TO b"_s << u"RENAME"_s << Kind::Destructive;
    QTest::newRow("kill") << u"KILL QUERY WHERE query_id = 'x'"_s << u"KILL"_s << Kind::Destructive;
    QTest::newRow("optimize") << u"OPTIMIZE TABLE t FINAL"_s << u"OPTIMIZE"_s << Kind::Destructive;
    QTest::newRow("revoke") << u"REVOKE SELECT ON db.* FROM u"_s << u"REVOKE"_s << Kind::Destructive;
    QTest::newRow("exchange") << u"EXCHANGE TABLES a AND b"_s << u"EXCHANGE"_s << Kind::Destructive;

    // What comes before the keyword.
    QTest::newRow("leading whitespace") << u"  \n\t\r\n DROP TABLE t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("no-break space") << u"\u00a0DROP TABLE t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("parentheses") << u"((SELECT 1)) UNION ALL (SELECT 2)"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("parentheses and whitespace") << u"( \n ( DELETE FROM t"_s << u"DELETE"_s << Kind::Destructive;
    QTest::newRow("line comment") << u"-- clean up\nDROP TABLE t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("hash comment") << u"# clean up\nTRUNCATE TABLE t"_s << u"TRUNCATE"_s << Kind::Destructive;
    QTest::newRow("block comment") << u"/* cleanup */ DROP TABLE t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("block comment over lines")
        << u"/* one\ntwo */\nALTER TABLE t DELETE WHERE 1"_s << u"ALTER"_s << Kind::Destructive;
    QTest::newRow("several comments") << u"/* a */ -- b\n  # c\n/* d */KILL QUERY WHERE 1"_s << u"KILL"_s
                                      << Kind::Destructive;
    QTest::newRow("comment inside the parentheses") << u"( /* x */ DROP TABLE t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("comment right after the keyword") << u"DROP/* x */TABLE t"_s << u"DROP"_s << Kind::Destructive;

    // Keywords inside comments and strings do not count.
    QTest::newRow("drop in a line comment") << u"-- DROP TABLE t\nSELECT 1"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("drop in a hash comment") << u"# DROP TABLE t\nSELECT 1"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("drop in a block comment") << u"/* DROP TABLE t; */ SELECT 1"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("select in a comment before a drop")
        << u"-- just a SELECT\nDROP TABLE t"_s << u"DROP"_s << Kind::Destructive;
    QTest::newRow("drop in a string") << u"SELECT 'DROP TABLE t'"_s << u"SELECT"_s << Kind::Read;
    QTest::newRow("later keywords do not count") << u"SELECT 1; DROP TABLE t"_s << u"SELECT"_s << Kind::Read;

    // No keyword at all: unknown, so a write (never read-only-safe, never asked about).
    QTest::newRow("empty") << QString() << QString() << Kind::Write;
    QTest::newRow("only whitespace") << u"  \n\t "_s << QString() << Kind::Write;
    QTest::newRow("only parentheses") << u"( ( )"_s << QString() << Kind::Write;
    QTest::newRow("only a comment") << u"-- DROP TABLE t"_s << QString() << Kind::Write;
    QTest::newRow("unterminated comment") << u"/* DROP TABLE t"_s << QString() << Kind::Write;
    QTest::newRow("a string first") << u"'DROP TABLE t'"_s << QString() << Kind::Write;
    QTest::newRow("a quoted identifier first") << u"`DROP` TABLE t"_s << QString() << Kind::Write;
    QTest::newRow("a number first") << u"1 + 1"_s << QString() << Kind::Write;
}

void TestSqlStatementKind::classify()
{
    QFETCH(QString, sql);
    QFETCH(QString, keyword);
    QFETCH(Kind, kind);
    QCOMPARE(SqlStatementKind::firstKeyword(sql), keyword);
    QCOMPARE(SqlStatementKind::classify(sql), kind);
}

QTEST_APPLESS_MAIN(TestSqlStatementKind)
#include "tst_sqlstatementkind.moc"
