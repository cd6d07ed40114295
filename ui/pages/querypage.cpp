#include "querypage.h"

#include "query/querypreparation.h"
#include "querytab.h"
#include "widgets/sqleditor.h"
#include "widgets/timerangepicker.h"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
/// The last of `parent`'s descendants that takes focus, in the focus chain (they follow it there).
QWidget* lastInFocusChain(QWidget* parent)
{
    QWidget* last = nullptr;
    for (QWidget* widget = parent->nextInFocusChain(); widget != parent && parent->isAncestorOf(widget);
         widget = widget->nextInFocusChain()) {
        if (widget->focusPolicy() != Qt::NoFocus)
            last = widget;
    }
    return last;
}
} // namespace

QueryPage::QueryPage(QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_timeRange(new TimeRangePicker(this))
    , m_historySearch(new QLineEdit(this))
    , m_historyFilter(new QSortFilterProxyModel(this))
    , m_historyView(new QTableView(this))
{
    m_confirm = [this](const QString& statement) { return askToConfirm(statement); };
    auto* toolbar = new QToolBar(tr("Query"), this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_runStatement = toolbar->addAction(tr("Run"), this, &QueryPage::runStatement);
    m_runStatement->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_runStatement->setToolTip(tr("Run the statement under the cursor, or the selection (Ctrl+Enter)"));
    m_runAll = toolbar->addAction(tr("Run all"), this, &QueryPage::runAll);
    m_runAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_runAll->setToolTip(tr("Run every statement, one after the other (Ctrl+Shift+Enter)"));
    m_cancel = toolbar->addAction(tr("Cancel"), this, &QueryPage::cancel);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Stop the query here and on the server (Esc)"));
    toolbar->addSeparator();
    m_loadMore = toolbar->addAction(tr("Load more"), this, [this] { currentTab()->loadMore(); });
    m_loadAll = toolbar->addAction(tr("Load all"), this, [this] { currentTab()->loadAll(); });
    m_export = toolbar->addAction(tr("Export…"), this, &QueryPage::exportResult);
    m_export->setToolTip(tr("Run the last statement again and write every row to a CSV, TSV or JSON file"));
    toolbar->addSeparator();
    m_readOnly = toolbar->addAction(tr("Read-only"));
    m_readOnly->setCheckable(true);
    m_readOnly->setChecked(true);
    m_readOnly->setToolTip(tr("The server refuses anything that changes data; off, destructive statements "
                              "(DROP, TRUNCATE, ALTER, DELETE, ...) ask first"));
    toolbar->addSeparator();
    toolbar->addWidget(m_timeRange);
    toolbar->addSeparator();
    m_newTab = toolbar->addAction(tr("New tab"), this, [this] { addTab(); });
    m_newTab->setShortcut(QKeySequence::AddTab);
    for (QAction* action : toolbar->actions()) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        // Qt's toolbar buttons take no focus; these are the page's actions, and Tab must reach them.
        if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(action)))
            button->setFocusPolicy(Qt::TabFocus);
    }
    addActions(toolbar->actions());
    // Ctrl+Tab leaves the SQL editor (Tab indents there), so the tabs have keys of their own.
    const auto stepTabs = [this](const QString& text, const QKeySequence& keys, int step) {
        auto* action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, step] {
            if (m_tabs->count() > 1)
                m_tabs->setCurrentIndex((m_tabs->currentIndex() + step + m_tabs->count()) % m_tabs->count());
        });
        addAction(action);
    };
    stepTabs(tr("Next query tab"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), 1);
    stepTabs(tr("Previous query tab"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), -1);

    m_tabs->setAccessibleName(tr("Query tabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &QueryPage::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &QueryPage::updateActions);

    m_historySearch->setPlaceholderText(tr("Search the history"));
    m_historySearch->setClearButtonEnabled(true);
    m_historySearch->setAccessibleName(tr("Search the history"));
    m_historyFilter->setSourceModel(&m_history);
    m_historyFilter->setFilterKeyColumn(QueryHistoryModel::StatementColumn);
    m_historyFilter->setFilterRole(QueryHistoryModel::SqlRole);
    m_historyFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_historySearch, &QLineEdit::textChanged, m_historyFilter, &QSortFilterProxyModel::setFilterFixedString);
    m_historyView->setModel(m_historyFilter);
    m_historyView->setAccessibleName(tr("Query history"));
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_historyView->verticalHeader()->setDefaultSectionSize(m_historyView->fontMetrics().height() + 6);
    m_historyView->setWordWrap(false);
    m_historyView->setShowGrid(false);
    m_historyView->horizontalHeader()->setSectionResizeMode(
        QueryHistoryModel::TimeColumn, QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setColumnWidth(QueryHistoryModel::StatementColumn, 220);
    m_historyView->setToolTip(tr("Double-click to open the statement in a new tab"));
    connect(m_historyView, &QTableView::doubleClicked, this,
        [this](const QModelIndex& index) { addTab(index.data(QueryHistoryModel::SqlRole).toString()); });

    auto* historyPanel = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyPanel);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History"), historyPanel));
    historyLayout->addWidget(m_historySearch);
    historyLayout->addWidget(m_historyView, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(historyPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 760, 340 });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    addTab(u"SELECT\n    toStartOfHour(timestamp) AS time,\n    count() AS events\nFROM telemetry.traces\nWHERE "
           "$__timeFilter(timestamp)\nGROUP BY time\nORDER BY time"_s);
    // Tab goes as the eye reads: the toolbar, the query tabs, then the history on the right.
    QWidget::setTabOrder(toolbar->widgetForAction(m_newTab), m_tabs->tabBar());
}

QueryPage::~QueryPage() = default;

void QueryPage::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_endpoint = endpoint;
    m_info = info;
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->setServer(endpoint, info);
    updateActions();
}

void QueryPage::setHistoryFile(const QString& path)
{
    m_history.setFile(path);
}

void QueryPage::setConfirmation(std::function<bool(const QString&)> confirm)
{
    m_confirm = std::move(confirm);
}

QueryTab* QueryPage::addTab(const QString& sql)
{
    auto* queryTab = new QueryTab(m_tabs);
    queryTab->editor()->setPlainText(sql);
    if (m_info.isValid())
        queryTab->setServer(m_endpoint, m_info);
    connect(queryTab, &QueryTab::busyChanged, this, &QueryPage::updateActions);
    connect(queryTab, &QueryTab::statusChanged, this, &QueryPage::updateActions);
    connect(queryTab, &QueryTab::statementEnded, this,
        [this](const QString& statement, const QString& outcome, bool failed) {
            m_history.add({ QDateTime::currentDateTimeUtc(), statement, outcome, failed });
        });
    m_tabs->addTab(queryTab, tr("Query %1").arg(++m_untitled));
    m_tabs->setCurrentWidget(queryTab);
    // A new tab's widgets join the focus chain last: the history stays after every tab.
    if (QWidget* last = lastInFocusChain(queryTab)) {
        QWidget::setTabOrder(last, m_historySearch);
        QWidget::setTabOrder(m_historySearch, m_historyView);
    }
    queryTab->editor()->setFocus();
    updateActions();
    return queryTab;
}

QueryTab* QueryPage::currentTab() const
{
    return qobject_cast<QueryTab*>(m_tabs->currentWidget());
}

int QueryPage::tabCount() const
{
    return m_tabs->count();
}

QueryTab* QueryPage::tab(int index) const
{
    return qobject_cast<QueryTab*>(m_tabs->widget(index));
}

void QueryPage::closeTab(int index)
{
    QueryTab* closing = tab(index);
    closing->cancel();
    m_tabs->removeTab(index);
    closing->deleteLater();
    if (m_tabs->count() == 0)
        addTab();
}

void QueryPage::runStatement()
{
    run(int(QueryTab::Scope::Statement));
}

void QueryPage::runAll()
{
    run(int(QueryTab::Scope::All));
}

void QueryPage::run(int scope)
{
    QueryTab* current = currentTab();
    if (!current || !m_info.isValid())
        return;
    QueryTab::Options options;
    const TimeRangePicker::Range range = m_timeRange->range();
    options.macros = QueryPreparation::macroContext(range.fromMs, range.toMs, m_info);
    options.macros.displayZone = QTimeZone::systemTimeZone();
    options.readOnly = isReadOnly();
    options.confirmDestructive = m_confirm;
    current->run(QueryTab::Scope(scope), options);
}

void QueryPage::exportResult()
{
    QueryTab* current = currentTab();
    if (!current)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the result"), u"result.csv"_s, tr("CSV (*.csv);;Tab-separated (*.tsv);;JSON (*.json)"));
    if (!path.isEmpty())
        current->exportResult(path);
}

void QueryPage::cancel()
{
    if (QueryTab* current = currentTab())
        current->cancel();
}

bool QueryPage::isReadOnly() const
{
    return m_readOnly->isChecked();
}

void QueryPage::setReadOnly(bool readOnly)
{
    m_readOnly->setChecked(readOnly);
}

bool QueryPage::askToConfirm(const QString& statement)
{
    QString shown = statement;
    if (shown.size() > 600)
        shown = shown.left(600) + u'…';
    return QMessageBox::warning(this, tr("Run a destructive statement?"),
               tr("This statement changes or removes data, and it cannot be undone:\n\n%1").arg(shown),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void QueryPage::updateActions()
{
    QueryTab* current = currentTab();
    const bool busy = current && current->isBusy();
    const bool connected = m_info.isValid();
    m_runStatement->setEnabled(connected && current && !busy);
    m_runAll->setEnabled(connected && current && !busy);
    m_cancel->setEnabled(busy);
    const bool more = current && current->session()->state() == QuerySession::State::MoreAvailable;
    m_loadMore->setEnabled(more);
    m_loadAll->setEnabled(more || (busy && current->session()->isActive()));
    m_export->setEnabled(connected && current && current->canExport());
}
