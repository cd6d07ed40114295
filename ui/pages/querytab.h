#pragma once

#include "querycontroller.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableView;
class ResultChart;
class ResultSortModel;
class SqlEditor;

/// One tab of the Query page: an editor, and the result of what it last ran (the grid, the chart,
/// the SQL that was sent, the status). The running is its QueryController's (made and ended with
/// the tab, as a browser tab owns its page): the tab only chooses the statements from the editor
/// and shows what the controller says; what every page shares (the server, the probe) it is given.
class QueryTab final : public QWidget
{
    Q_OBJECT

public:
    enum class Scope
    {
        Statement, ///< the statement under the cursor (or the selection, when there is one)
        Selection,
        All,
    };

    using Options = QueryController::Options;

    explicit QueryTab(QWidget* parent = nullptr);
    ~QueryTab() override;
    Q_DISABLE_COPY_MOVE(QueryTab)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void run(Scope scope, const Options& options);
    void cancel();
    /// Runs the last statement again with its whole result written to `path` (CSV, TSV or JSON
    /// by the extension); the status line follows it, cancel() stops it.
    void exportResult(const QString& path) { m_controller.exportResult(path); }
    bool isExporting() const { return m_controller.isExporting(); }
    bool canExport() const { return m_controller.canExport(); }
    void loadMore() { m_controller.loadMore(); }
    void loadAll() { m_controller.loadAll(); }

    SqlEditor* editor() const { return m_editor; }
    ResultChart* chart() const { return m_chart; }
    /// The chart shown: -1 chooses from the result's shape, else a ResultChartData::Kind.
    void setChartKind(int kind);
    /// Saves the chart as a PNG; false when it cannot be written.
    bool saveChart(const QString& path);
    void showChartTab();
    QTableView* grid() const { return m_grid; }
    QueryController* controller() { return &m_controller; }
    QuerySession* session() { return m_controller.session(); }
    QString statusText() const;
    /// The SQL of the last statement as sent (macros expanded).
    QString sentSql() const { return m_controller.sentSql(); }
    bool isBusy() const { return m_controller.isBusy(); }

Q_SIGNALS:
    /// A statement ended (any way): for the history.
    void statementEnded(const QString& sql, const QString& outcome, bool failed);
    void busyChanged(bool busy);
    void statusChanged();

private:
    void refreshStatus();
    void copySelection();
    void replot();
    void saveChartAs();

    QueryController m_controller;
    SqlEditor* m_editor;
    QTabWidget* m_resultTabs;
    QTableView* m_grid;
    ResultSortModel* m_sorted;
    QPlainTextEdit* m_sent;
    ResultChart* m_chart;
    QComboBox* m_chartKind;
    QWidget* m_chartPage;
    QLabel* m_status;
};
