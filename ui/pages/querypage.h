#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "queryhistorymodel.h"

#include <QWidget>

#include <functional>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QueryTab;
class TimeRangePicker;

/// The Query page: SQL tabs, a toolbar (run statement / selection / all, cancel, load more or
/// all, read-only, the time range the macros see) and the searchable history of what ran.
class QueryPage final : public QWidget
{
    Q_OBJECT

public:
    explicit QueryPage(QWidget* parent = nullptr);
    ~QueryPage() override;
    Q_DISABLE_COPY_MOVE(QueryPage)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    bool hasServer() const { return m_info.isValid(); }
    /// Where the history is kept (a JSON Lines file); empty: in memory only.
    void setHistoryFile(const QString& path);
    /// Replaces the question asked before a destructive statement (tests answer it themselves).
    void setConfirmation(std::function<bool(const QString& statement)> confirm);

    QueryTab* addTab(const QString& sql = {});
    QueryTab* currentTab() const;
    int tabCount() const;
    QueryTab* tab(int index) const;

    /// Asks where to, then exports the current tab's last statement (CSV, TSV or JSON).
    void exportResult();
    void runStatement();
    void runAll();
    void cancel();
    bool isReadOnly() const;
    void setReadOnly(bool readOnly);
    TimeRangePicker* timeRange() const { return m_timeRange; }
    QueryHistoryModel* history() { return &m_history; }
    QLineEdit* historySearch() const { return m_historySearch; }
    QSortFilterProxyModel* historyFilter() const { return m_historyFilter; }

private:
    void run(int scope);
    void updateActions();
    void closeTab(int index);
    bool askToConfirm(const QString& statement);

    ClickHouseEndpoint m_endpoint;
    ClickHouseServerInfo m_info;
    QueryHistoryModel m_history;
    std::function<bool(const QString&)> m_confirm;
    QTabWidget* m_tabs;
    TimeRangePicker* m_timeRange;
    QAction* m_runStatement;
    QAction* m_runAll;
    QAction* m_cancel;
    QAction* m_loadMore;
    QAction* m_loadAll;
    QAction* m_export;
    QAction* m_readOnly;
    QAction* m_newTab;
    QLineEdit* m_historySearch;
    QSortFilterProxyModel* m_historyFilter;
    QTableView* m_historyView;
    int m_untitled = 0;
};
