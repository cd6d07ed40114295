#include "clickhousefixture.h"
#include "pages/querypage.h"
#include "pages/querytab.h"
#include "screenshots.h"
#include "widgets/sqleditor.h"
#include "widgets/sqlhighlighter.h"
#include "widgets/timerangepicker.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using State = QuerySession::State;

/// The Query page as a user drives it, against a real ClickHouse: run the statement under the
/// cursor, a selection or everything; macros expanded from the time range; errors marked where
/// the server says; read-only and the confirmation before destructive statements; cancel with
/// Esc; tabs; the history, persisted and searchable.
class TestQueryPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runsTheStatementUnderTheCursorOrTheSelectionOrAll();
    void macrosAreExpandedFromTheTimeRange();
    void syntaxErrorIsMarkedInTheEditor();
    void readOnlyRefusesWritesAndDestructiveStatementsAskFirst();
    void escapeCancelsAndKeepsTheRows();
    void tabsRunIndependently();
    void historyIsPersistedAndSearchable();
    void highlighterColoursTheTokens_data();
    void highlighterColoursTheTokens();
    void copyPutsTheCellsOnTheClipboard();
    void headerClickSortsAndCopyFollowsTheSortedRows();
    void exportWritesTheWholeResultNotTheGrid();
    void lostConnectionIsShownAndKeepsTheRows();

private:
    bool waitUntilIdle(QueryTab* tab, int timeoutMs = 30000);
    QString run(const QString& sql);
    /// The page's toolbar action with this text, or null.
    QAction* action(const QString& text) const;

    ClickHouseFixture m_fixture;
    QTemporaryDir m_directory;
    std::unique_ptr<QueryPage> m_page;
    QStringList m_questions; ///< what the page asked before destructive statements
    bool m_answer = false;
};

void TestQueryPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    START_CLICKHOUSE(m_fixture);
    QVERIFY(m_directory.isValid());
}

void TestQueryPage::init()
{
    m_page = std::make_unique<QueryPage>();
    m_page->setHistoryFile(m_directory.filePath(u"history.jsonl"_s));
    m_page->setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    m_questions.clear();
    m_page->setConfirmation([this](const QString& statement) {
        m_questions.append(statement);
        return m_answer;
    });
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestQueryPage::cleanup()
{
    m_page.reset();
}

bool TestQueryPage::waitUntilIdle(QueryTab* tab, int timeoutMs)
{
    if (tab->isBusy()) {
        QSignalSpy idle(tab, &QueryTab::busyChanged);
        QElapsedTimer timer;
        timer.start();
        while (tab->isBusy() && timer.elapsed() < timeoutMs)
            idle.wait(int(timeoutMs - timer.elapsed()));
    }
    if (tab->isBusy())
        qWarning("still busy: %s", qPrintable(tab->statusText()));
    return !tab->isBusy();
}

QString TestQueryPage::run(const QString& sql)
{
    return ClickHouseFixture::run(m_fixture.endpoint(), sql);
}

QAction* TestQueryPage::action(const QString& text) const
{
    const QList<QAction*> actions = m_page->actions();
    const auto found = std::find_if(
        actions.cbegin(), actions.cend(), [&text](const QAction* candidate) { return candidate->text() == text; });
    return found == actions.cend() ? nullptr : *found;
}

void TestQueryPage::runsTheStatementUnderTheCursorOrTheSelectionOrAll()
{
    QueryTab* tab = m_page->currentTab();
    const QString text = u"SELECT 1 AS first;\n\nSELECT 'two' AS second, 2 AS n;\n-- last one\nSELECT 3 AS third"_s;
    tab->editor()->setPlainText(text);

    // The cursor in the second statement: Ctrl+Enter runs just that one.
    QTextCursor cursor = tab->editor()->textCursor();
    cursor.setPosition(int(text.indexOf(u"'two'"_s)));
    tab->editor()->setTextCursor(cursor);
    tab->editor()->setFocus();
    QTest::keyClick(tab->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(waitUntilIdle(tab));
    QVERIFY2(tab->session()->state() == State::Finished, qPrintable(tab->statusText()));
    QCOMPARE(tab->session()->model()->columnCount(), 2);
    QCOMPARE(tab->session()->model()->headerData(0, Qt::Horizontal).toString(), u"second"_s);
    QCOMPARE(tab->session()->model()->value(0, 0).toString(), u"two"_s);
    QCOMPARE(m_page->history()->rowCount(), 1);

    // A selection runs what is selected, even a part of a statement's line.
    cursor.setPosition(int(text.indexOf(u"SELECT 3"_s)));
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    tab->editor()->setTextCursor(cursor);
    m_page->runStatement();
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->model()->headerData(0, Qt::Horizontal).toString(), u"third"_s);

    // Run all: three statements one after the other; the grid shows the last.
    QTest::keyClick(tab->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->model()->value(0, 0).toInt(), 3);
    QCOMPARE(m_page->history()->rowCount(), 5);
    QCOMPARE(m_page->history()->entry(2).sql, u"SELECT 1 AS first"_s);
    QVERIFY2(m_page->history()->entry(0).outcome.contains(u"1 row"_s), qPrintable(m_page->history()->entry(0).outcome));
    QVERIFY(!Screenshots::save(m_page.get(), u"query-page"_s).isEmpty());
}

void TestQueryPage::macrosAreExpandedFromTheTimeRange()
{
    const QDateTime from(QDate(2026, 1, 2), QTime(3, 0), QTimeZone::utc());
    const QDateTime to(QDate(2026, 1, 2), QTime(4, 0), QTimeZone::utc());
    m_page->timeRange()->setAbsolute(from.toLocalTime(), to.toLocalTime());
    QueryTab* tab = m_page->currentTab();
    // An hour over 1,000 points: Grafana's interval is 5 s; on 18.16 toStartOfInterval is rewritten.
    tab->editor()->setPlainText(u"SELECT $__fromTime AS f, $__toTime AS t, $__interval_s AS i, "
                                "$__timeInterval(toDateTime('2026-01-02 03:00:07', 'UTC')) AS bucket, "
                                "'$__timeFilter(x) in a string stays' AS s"_s);
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->state(), State::Finished);
    const QueryResultModel* model = tab->session()->model();
    QCOMPARE(model->value(0, 0).toDateTime().toUTC(), from);
    QCOMPARE(model->value(0, 1).toDateTime().toUTC(), to);
    QCOMPARE(model->value(0, 2).toInt(), 5);
    QCOMPARE(model->value(0, 3).toDateTime().toUTC(), QDateTime(QDate(2026, 1, 2), QTime(3, 0, 5), QTimeZone::utc()));
    QCOMPARE(model->value(0, 4).toString(), u"$__timeFilter(x) in a string stays"_s);
    QVERIFY(!tab->sentSql().contains(u"$__fromTime"_s));
    // The "SQL sent" pane shows what went to the server: macros expanded, the string left alone.
    QPlainTextEdit* sent = nullptr;
    const QList<QPlainTextEdit*> edits = tab->findChildren<QPlainTextEdit*>();
    for (QPlainTextEdit* edit : edits) {
        if (edit->accessibleName() == u"SQL sent"_s) {
            QVERIFY2(!sent, "one SQL sent pane");
            sent = edit;
        }
    }
    QVERIFY(sent);
    QVERIFY(sent != tab->editor());
    QVERIFY(sent->isReadOnly());
    QCOMPARE(sent->toPlainText(), tab->sentSql());
    const QString expanded =
        u"toDateTime(%1) AS f, toDateTime(%2) AS t, 5 AS i"_s.arg(from.toSecsSinceEpoch()).arg(to.toSecsSinceEpoch());
    QVERIFY2(sent->toPlainText().contains(expanded), qPrintable(sent->toPlainText()));
    QVERIFY2(sent->toPlainText().contains(u"'$__timeFilter(x) in a string stays'"_s), qPrintable(sent->toPlainText()));
    if (!m_fixture.serverInfo().hasToStartOfInterval())
        QVERIFY2(!tab->sentSql().contains(u"toStartOfInterval"_s), qPrintable(tab->sentSql()));
}

void TestQueryPage::syntaxErrorIsMarkedInTheEditor()
{
    QueryTab* tab = m_page->currentTab();
    const QString text = u"SELECT 1;\nSELECT number FROM system.numbers LIMIT 3 WHERE oops"_s;
    tab->editor()->setPlainText(text);
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->state(), State::Failed);
    QVERIFY2(tab->statusText().contains(u"Syntax error"_s), qPrintable(tab->statusText()));
    // ClickHouse names the position of WHERE; the editor marks it there (second statement).
    QCOMPARE(tab->editor()->errorOffset(), text.indexOf(u"WHERE"_s));
    QCOMPARE(tab->editor()->textCursor().position(), int(text.indexOf(u"WHERE"_s)));
    QVERIFY(!tab->editor()->extraSelections().isEmpty());
    QVERIFY(m_page->history()->entry(0).failed);
    QVERIFY(!Screenshots::save(m_page.get(), u"query-page-error"_s).isEmpty());
    // Typing clears the mark.
    QTest::keyClick(tab->editor(), Qt::Key_Space);
    QCOMPARE(tab->editor()->errorOffset(), -1);
}

void TestQueryPage::readOnlyRefusesWritesAndDestructiveStatementsAskFirst()
{
    run(u"DROP TABLE IF EXISTS default.query_page_t"_s);
    QueryTab* tab = m_page->currentTab();
    QVERIFY(m_page->isReadOnly()); // the default
    tab->editor()->setPlainText(u"CREATE TABLE default.query_page_t (x UInt8) ENGINE = Memory"_s);
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->state(), State::Failed);
    QVERIFY2(tab->statusText().contains(u"Read-only is on"_s), qPrintable(tab->statusText()));
    QCOMPARE(run(u"EXISTS TABLE default.query_page_t"_s).trimmed(), u"0"_s);

    m_page->setReadOnly(false);
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QVERIFY2(tab->session()->state() == State::Finished, qPrintable(tab->statusText()));
    QCOMPARE(run(u"EXISTS TABLE default.query_page_t"_s).trimmed(), u"1"_s);
    QVERIFY(m_questions.isEmpty()); // CREATE is not destructive

    tab->editor()->setPlainText(u"/* cleanup */ DROP TABLE default.query_page_t"_s);
    m_answer = false;
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(u"DROP TABLE"_s));
    QCOMPARE(run(u"EXISTS TABLE default.query_page_t"_s).trimmed(), u"1"_s);
    QVERIFY2(tab->statusText().contains(u"not confirmed"_s), qPrintable(tab->statusText()));

    m_answer = true;
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(m_questions.size(), 2);
    QCOMPARE(tab->session()->state(), State::Finished);
    QCOMPARE(run(u"EXISTS TABLE default.query_page_t"_s).trimmed(), u"0"_s);
}

void TestQueryPage::escapeCancelsAndKeepsTheRows()
{
    QueryTab* tab = m_page->currentTab();
    tab->editor()->setPlainText(u"SELECT number FROM system.numbers"_s);
    m_page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), State::MoreAvailable, 30000);
    QCOMPARE(tab->session()->model()->rowCount(), 10000);
    // The toolbar follows the state: at the cap it offers more rows and cancel, not another run.
    QAction* loadMore = action(u"Load more"_s);
    QAction* loadAll = action(u"Load all"_s);
    QAction* cancel = action(u"Cancel"_s);
    QAction* runAll = action(u"Run all"_s);
    QVERIFY(loadMore && loadAll && cancel && runAll);
    QVERIFY(loadMore->isEnabled());
    QVERIFY(loadAll->isEnabled());
    QVERIFY(cancel->isEnabled());
    QVERIFY(!runAll->isEnabled());
    loadAll->trigger(); // the toolbar's button, as a user clicks it
    QTRY_VERIFY_WITH_TIMEOUT(tab->session()->model()->rowCount() > 30000, 30000);
    QVERIFY(!loadMore->isEnabled()); // everything is on its way already
    QVERIFY(cancel->isEnabled());
    const QString running =
        u"SELECT count() FROM system.processes WHERE query LIKE 'SELECT number FROM system.numbers%'"_s;
    QCOMPARE(run(running).trimmed(), u"1"_s);
    tab->editor()->setFocus();
    QTest::keyClick(tab->editor(), Qt::Key_Escape);
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->state(), State::Cancelled);
    QVERIFY(tab->session()->model()->rowCount() > 30000);
    QVERIFY2(tab->statusText().startsWith(u"Cancelled"_s), qPrintable(tab->statusText()));
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!loadAll->isEnabled());
    QVERIFY(runAll->isEnabled());
    // The server no longer runs it.
    QTRY_COMPARE_WITH_TIMEOUT(run(running).trimmed(), u"0"_s, 10000);
}

void TestQueryPage::tabsRunIndependently()
{
    // Endless results: a tab stops at its row cap with its query still open on the server (the
    // server waits for the reader), so both tabs are in flight together for as long as this test
    // looks, with nothing left to timing.
    const QString firstOnServer =
        u"SELECT count() FROM system.processes WHERE query LIKE 'SELECT number AS first_tab%'"_s;
    const QString secondOnServer =
        u"SELECT count() FROM system.processes WHERE query LIKE 'SELECT number * 2 AS second_tab%'"_s;
    QueryTab* first = m_page->currentTab();
    first->editor()->setPlainText(u"SELECT number AS first_tab FROM system.numbers"_s);
    m_page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(first->session()->state(), State::MoreAvailable, 30000);

    QueryTab* second = m_page->addTab(u"SELECT number * 2 AS second_tab, 'two' AS label FROM system.numbers"_s);
    QCOMPARE(m_page->tabCount(), 2);
    QCOMPARE(m_page->currentTab(), second);
    QVERIFY(second != first);
    m_page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(second->session()->state(), State::MoreAvailable, 30000);

    // Both queries run on the server at the same time...
    QCOMPARE(first->session()->state(), State::MoreAvailable);
    QCOMPARE(run(firstOnServer).trimmed(), u"1"_s);
    QCOMPARE(run(secondOnServer).trimmed(), u"1"_s);
    // ...and each tab holds its own result.
    const QueryResultModel* firstRows = first->session()->model();
    const QueryResultModel* secondRows = second->session()->model();
    QVERIFY(firstRows != secondRows);
    QCOMPARE(firstRows->columnCount(), 1);
    QCOMPARE(firstRows->headerData(0, Qt::Horizontal).toString(), u"first_tab"_s);
    QCOMPARE(firstRows->rowCount(), 10000);
    QCOMPARE(firstRows->value(9999, 0).toULongLong(), 9999u);
    QCOMPARE(secondRows->columnCount(), 2);
    QCOMPARE(secondRows->headerData(0, Qt::Horizontal).toString(), u"second_tab"_s);
    QCOMPARE(secondRows->rowCount(), 10000);
    QCOMPARE(secondRows->value(9999, 0).toULongLong(), 19998u);
    QCOMPARE(secondRows->value(9999, 1).toString(), u"two"_s);

    // One tab going on leaves the other where it was.
    second->loadMore();
    QTRY_COMPARE_WITH_TIMEOUT(secondRows->rowCount(), 20000, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(second->session()->state(), State::MoreAvailable, 30000);
    QCOMPARE(secondRows->value(19999, 0).toULongLong(), 39998u);
    QCOMPARE(firstRows->rowCount(), 10000);
    QCOMPARE(first->session()->state(), State::MoreAvailable);

    // Cancelling one stops only that one, here and on the server.
    second->cancel();
    QVERIFY(waitUntilIdle(second));
    QCOMPARE(second->session()->state(), State::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(run(secondOnServer).trimmed(), u"0"_s, 10000);
    QCOMPARE(first->session()->state(), State::MoreAvailable);
    QCOMPARE(run(firstOnServer).trimmed(), u"1"_s);

    // The second tab runs a statement to its end while the first one's is still open.
    second->editor()->setPlainText(u"SELECT 'again' AS second_tab, 2 AS n"_s);
    m_page->runAll();
    QVERIFY(waitUntilIdle(second));
    QCOMPARE(second->session()->state(), State::Finished);
    QCOMPARE(secondRows->rowCount(), 1);
    QCOMPARE(secondRows->value(0, 0).toString(), u"again"_s);
    QCOMPARE(first->session()->state(), State::MoreAvailable);
    QCOMPARE(firstRows->rowCount(), 10000);
    QCOMPARE(firstRows->value(0, 0).toULongLong(), 0u);
    QCOMPARE(run(firstOnServer).trimmed(), u"1"_s);

    first->cancel();
    QVERIFY(waitUntilIdle(first));
    QCOMPARE(first->session()->state(), State::Cancelled);
    QCOMPARE(firstRows->rowCount(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(run(firstOnServer).trimmed(), u"0"_s, 10000);
}

void TestQueryPage::historyIsPersistedAndSearchable()
{
    QueryTab* tab = m_page->currentTab();
    const int before = m_page->history()->rowCount(); // earlier test functions share the file
    tab->editor()->setPlainText(u"SELECT 'alpha'; SELECT 'beta'; SELECT 'gamma'"_s);
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    const int entries = m_page->history()->rowCount();
    QCOMPARE(entries, before + 3);

    // A damaged line in the file is reported; the good ones are all kept.
    {
        QFile file(m_directory.filePath(u"history.jsonl"_s));
        QVERIFY(file.open(QIODevice::Append));
        file.write("{not json\n");
    }
    QueryPage reopened;
    reopened.setHistoryFile(m_directory.filePath(u"history.jsonl"_s));
    QCOMPARE(reopened.history()->rowCount(), entries);
    QCOMPARE(reopened.history()->entry(0).sql, u"SELECT 'gamma'"_s);
    QCOMPARE(reopened.history()->loadProblems().size(), 1);
    QVERIFY(reopened.history()->loadProblems().first().contains(u"line %1"_s.arg(entries + 1)));

    QTest::keyClicks(reopened.historySearch(), u"BETA"_s);
    QCOMPARE(reopened.historyFilter()->rowCount(), 1);
    QCOMPARE(reopened.historyFilter()->index(0, 0).data(QueryHistoryModel::SqlRole).toString(), u"SELECT 'beta'"_s);
}

void TestQueryPage::highlighterColoursTheTokens_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("kind");
    using Token = SqlHighlighter::Token;
    const QString line = u"SELECT count(x), 'it''s $var', 42 FROM t WHERE $__timeFilter(ts) -- done"_s;
    QTest::newRow("keyword") << line << u"SELECT"_s << int(Token::Keyword);
    QTest::newRow("function") << line << u"count"_s << int(Token::Function);
    QTest::newRow("string") << line << u"'it''s"_s << int(Token::String);
    QTest::newRow("variable in a string") << line << u"$var"_s << int(Token::Macro);
    QTest::newRow("number") << line << u"42"_s << int(Token::Number);
    QTest::newRow("macro") << line << u"$__timeFilter"_s << int(Token::Macro);
    QTest::newRow("comment") << line << u"-- done"_s << int(Token::Comment);
    QTest::newRow("block comment over lines") << u"/* a\nSELECT */ SELECT"_s << u"SELECT */"_s << int(Token::Comment);
}

void TestQueryPage::highlighterColoursTheTokens()
{
    QFETCH(QString, line);
    QFETCH(QString, token);
    QFETCH(int, kind);
    SqlEditor editor;
    editor.setPlainText(line);
    const qsizetype at = line.indexOf(token);
    QVERIFY(at >= 0);
    const QTextBlock block = editor.document()->findBlock(int(at));
    const int inBlock = int(at) - block.position();
    const QColor expected = editor.highlighter()->format(SqlHighlighter::Token(kind)).foreground().color();
    bool found = false;
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (range.start <= inBlock && inBlock + token.size() <= range.start + range.length) {
            QCOMPARE(range.format.foreground().color(), expected);
            found = true;
        }
    }
    QVERIFY2(found, "the token has a format");
}

void TestQueryPage::copyPutsTheCellsOnTheClipboard()
{
    QueryTab* tab = m_page->currentTab();
    tab->editor()->setPlainText(u"SELECT number, toString(number * 2) AS twice FROM system.numbers LIMIT 3"_s);
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    tab->grid()->selectAll();
    tab->grid()->setFocus();
    QTest::keyClick(tab->grid(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"0\t0\n1\t2\n2\t4"_s);
}

void TestQueryPage::headerClickSortsAndCopyFollowsTheSortedRows()
{
    QueryTab* tab = m_page->currentTab();
    tab->editor()->setPlainText(
        u"SELECT number * 7 % 10 AS n, toString(number) AS arrived, if(number = 2, NULL, toDate('2026-01-01') + "
        "number * 13 % 5) AS day FROM numbers(5)"_s);
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QHeaderView* header = tab->grid()->horizontalHeader();
    const auto clickHeader = [header](int section) {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2));
    };
    const auto shown = [tab](int column) {
        QStringList values;
        for (int row = 0; row < tab->grid()->model()->rowCount(); ++row)
            values.append(tab->grid()->model()->index(row, column).data().toString());
        return values;
    };
    QCOMPARE(shown(0), (QStringList { u"0"_s, u"7"_s, u"4"_s, u"1"_s, u"8"_s })); // as they arrived

    clickHeader(0);
    const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
    QCOMPARE(header->sortIndicatorSection(), 0);
    const QStringList numbers { u"0"_s, u"1"_s, u"4"_s, u"7"_s, u"8"_s };
    QStringList reversed = numbers;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(shown(0), ascending ? numbers : reversed); // as numbers, each row whole:
    QCOMPARE(shown(1),
        ascending ? (QStringList { u"0"_s, u"3"_s, u"2"_s, u"1"_s, u"4"_s })
                  : (QStringList { u"4"_s, u"1"_s, u"2"_s, u"3"_s, u"0"_s }));
    clickHeader(0);
    QCOMPARE(shown(0), ascending ? reversed : numbers);

    // Dates in date order, NULL last either way.
    clickHeader(2);
    QCOMPARE(shown(2).constLast(), u"NULL"_s);
    clickHeader(2);
    QCOMPARE(shown(2).constLast(), u"NULL"_s);
    QStringList days = shown(2).first(4);
    QStringList sortedDays = days;
    std::sort(sortedDays.begin(), sortedDays.end());
    QVERIFY(days == sortedDays || days == QStringList(sortedDays.crbegin(), sortedDays.crend()));

    // Copying takes the rows the user sees, in that order.
    tab->grid()->clearSelection();
    tab->grid()->selectRow(0);
    tab->grid()->setFocus();
    QTest::keyClick(tab->grid(), Qt::Key_C, Qt::ControlModifier);
    const QString firstRow = shown(0).constFirst() + u'\t' + shown(1).constFirst() + u'\t' + shown(2).constFirst();
    QCOMPARE(QApplication::clipboard()->text(), firstRow);
    QVERIFY(!Screenshots::save(m_page.get(), u"query-page-sorted"_s).isEmpty());
}

void TestQueryPage::exportWritesTheWholeResultNotTheGrid()
{
    QueryTab* tab = m_page->currentTab();
    tab->editor()->setPlainText(u"SELECT number, toString(number) AS text FROM system.numbers LIMIT 25000"_s);
    m_page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), State::MoreAvailable, 30000);
    QCOMPARE(tab->session()->model()->rowCount(), 10000); // the grid's cap
    const QString path = m_directory.filePath(u"export.tsv"_s);
    tab->exportResult(path);
    QVERIFY(tab->isExporting());
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isExporting(), 30000);
    QVERIFY2(tab->statusText().startsWith(u"Exported"_s), qPrintable(tab->statusText()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("number\ttext\n0\t0\n"));
    QCOMPARE(content.count('\n'), 25001);
    QVERIFY(content.endsWith("24999\t24999\n"));
}

void TestQueryPage::lostConnectionIsShownAndKeepsTheRows()
{
    // A server of its own, killed while rows stream in.
    ClickHouseFixture doomed;
    START_CLICKHOUSE(doomed);
    m_page->setServer(doomed.endpoint(), doomed.serverInfo());
    QueryTab* tab = m_page->currentTab();
    tab->editor()->setPlainText(u"SELECT number, toString(number) FROM system.numbers"_s);
    m_page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), State::MoreAvailable, 30000);
    tab->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(tab->session()->model()->rowCount() > 30000, 30000);
    QSignalSpy failed(&doomed.server(), &LocalClickHouse::failed);
    ::kill(static_cast<pid_t>(doomed.server().serverPid()), SIGKILL);
    QVERIFY(failed.wait(20000));
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->state(), State::Failed);
    const int kept = tab->session()->model()->rowCount();
    QVERIFY(kept > 30000);
    QVERIFY2(tab->statusText().startsWith(u"Failed"_s) && tab->statusText().contains(u"kept"_s),
        qPrintable(tab->statusText()));
    QCOMPARE(tab->editor()->errorOffset(), -1); // nothing wrong with the SQL
    QVERIFY(!Screenshots::save(m_page.get(), u"query-page-lost-connection"_s).isEmpty());
    // Running again against the dead server fails quickly and says why; nothing hangs.
    m_page->runAll();
    QVERIFY(waitUntilIdle(tab));
    QCOMPARE(tab->session()->state(), State::Failed);
    QVERIFY2(tab->statusText().contains(u"Network"_s, Qt::CaseInsensitive)
            || tab->statusText().contains(u"refused"_s, Qt::CaseInsensitive),
        qPrintable(tab->statusText()));
}

QTEST_MAIN(TestQueryPage)
#include "tst_querypage.moc"
