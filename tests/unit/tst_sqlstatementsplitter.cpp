#include "sql/sqlscanner.h"
#include "sql/sqlstatementsplitter.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSqlStatementSplitter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void offsetsPointIntoTheInput();
    void regions_data();
    void regions();
};

void TestSqlStatementSplitter::split_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("one") << u"SELECT 1"_s << QStringList { u"SELECT 1"_s };
    QTest::newRow("two") << u"SELECT 1; SELECT 2;"_s << QStringList { u"SELECT 1"_s, u"SELECT 2"_s };
    QTest::newRow("semicolon in string") << u"SELECT 'a;b'; SELECT 2"_s
                                         << QStringList { u"SELECT 'a;b'"_s, u"SELECT 2"_s };
    QTest::newRow("escaped quote") << uR"(SELECT 'it\'s;'; SELECT 2)"_s
                                   << QStringList { uR"(SELECT 'it\'s;')"_s, u"SELECT 2"_s };
    QTest::newRow("doubled quote") << u"SELECT 'it''s;'; SELECT 2"_s
                                   << QStringList { u"SELECT 'it''s;'"_s, u"SELECT 2"_s };
    QTest::newRow("backtick identifier") << u"SELECT `a;b` FROM t; SELECT 2"_s
                                         << QStringList { u"SELECT `a;b` FROM t"_s, u"SELECT 2"_s };
    QTest::newRow("double-quoted identifier")
        << u"SELECT \"a;b\"; SELECT 2"_s << QStringList { u"SELECT \"a;b\""_s, u"SELECT 2"_s };
    QTest::newRow("line comment") << u"SELECT 1 -- no; split\n; SELECT 2"_s
                                  << QStringList { u"SELECT 1 -- no; split"_s, u"SELECT 2"_s };
    QTest::newRow("hash comment") << u"SELECT 1 # no; split\n"_s << QStringList { u"SELECT 1 # no; split"_s };
    QTest::newRow("block comment") << u"SELECT /* ; */ 1; SELECT 2"_s
                                   << QStringList { u"SELECT /* ; */ 1"_s, u"SELECT 2"_s };
    QTest::newRow("only comments are dropped")
        << u"SELECT 1; -- just a note\n; /* and this */"_s << QStringList { u"SELECT 1"_s };
    QTest::newRow("empty") << QString() << QStringList {};
    QTest::newRow("unterminated string runs to the end")
        << u"SELECT 'abc; SELECT 2"_s << QStringList { u"SELECT 'abc; SELECT 2"_s };
}

void TestSqlStatementSplitter::split()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, statements);
    QStringList texts;
    for (const auto& statement : SqlStatementSplitter::split(sql))
        texts.append(statement.text);
    QCOMPARE(texts, statements);
}

void TestSqlStatementSplitter::offsetsPointIntoTheInput()
{
    const QString sql = u"  SELECT 1;\n\n  SELECT 'x'  ;"_s;
    const auto statements = SqlStatementSplitter::split(sql);
    QCOMPARE(statements.size(), 2);
    for (const auto& statement : statements)
        QCOMPARE(sql.mid(statement.offset, statement.text.size()), statement.text);
}

void TestSqlStatementSplitter::regions_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("kinds"); // one letter per region: c code, s string, i identifier, # comment
    QTest::newRow("mixed") << u"SELECT 'a', `b` -- c\nFROM /* d */ t"_s << u"cscic#c#c"_s;
    QTest::newRow("only code") << u"SELECT 1"_s << u"c"_s;
    QTest::newRow("string at start") << u"'x'"_s << u"s"_s;
}

void TestSqlStatementSplitter::regions()
{
    QFETCH(QString, sql);
    QFETCH(QString, kinds);
    QString got;
    qsizetype covered = 0;
    for (const SqlScanner::Region& region : SqlScanner::regions(sql)) {
        QCOMPARE(region.begin, covered); // contiguous
        covered = region.end;
        switch (region.kind) {
        case SqlScanner::Kind::Code:
            got += u'c';
            break;
        case SqlScanner::Kind::String:
            got += u's';
            break;
        case SqlScanner::Kind::Identifier:
            got += u'i';
            break;
        case SqlScanner::Kind::Comment:
            got += u'#';
            break;
        }
    }
    QCOMPARE(covered, sql.size());
    QCOMPARE(got, kinds);
}

QTEST_GUILESS_MAIN(TestSqlStatementSplitter)
#include "tst_sqlstatementsplitter.moc"
