#pragma once

#include "query/grafanamacrocontext.h"
#include "query/queryexporter.h"
#include "querysession.h"
#include "sql/sqlstatementsplitter.h"

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

/// One tab of the Query page: an editor, and the result of what it last ran (the grid, the SQL
/// that was sent, the status). Several statements run one after the other and stop at the first
/// error; the grid shows the last result. The tab owns the engine objects of its own result (a
/// QuerySession and a QueryExporter, made and ended with the tab, as a browser tab owns its
/// page); what every page shares (the server, the probe) it is given.
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

    struct Options
    {
        GrafanaMacroContext macros;
        bool readOnly = true; ///< the server refuses writes (readonly=2 on every request)
        /// Asked before a destructive statement runs when read-only is off; false stops the run.
        std::function<bool(const QString& statement)> confirmDestructive;
    };

    explicit QueryTab(QWidget* parent = nullptr);
    ~QueryTab() override;
    Q_DISABLE_COPY_MOVE(QueryTab)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void run(Scope scope, const Options& options);
    void cancel();
    /// Runs the last statement again with its whole result written to `path` (CSV, TSV or JSON
    /// by the extension); the status line follows it, cancel() stops it.
    void exportResult(const QString& path);
    bool isExporting() const { return m_exporter.isRunning(); }
    /// A statement ran and nothing is running now (a result waiting at its row cap may be exported).
    bool canExport() const;
    void loadMore();
    void loadAll();

    SqlEditor* editor() const { return m_editor; }
    ResultChart* chart() const { return m_chart; }
    /// The chart shown: -1 chooses from the result's shape, else a ResultChartData::Kind.
    void setChartKind(int kind);
    /// Saves the chart as a PNG; false when it cannot be written.
    bool saveChart(const QString& path);
    void showChartTab();
    QTableView* grid() const { return m_grid; }
    QuerySession* session() { return &m_session; }
    QString statusText() const;
    /// The SQL of the last statement as sent (macros expanded).
    QString sentSql() const;
    bool isBusy() const { return m_session.isActive() || !m_queue.isEmpty() || m_exporter.isRunning(); }

Q_SIGNALS:
    /// A statement ended (any way): for the history.
    void statementEnded(const QString& sql, const QString& outcome, bool failed);
    void busyChanged(bool busy);
    void statusChanged();

private:
    void runNext();
    void onStateChanged(QuerySession::State state);
    /// Ends the run with `message`; marks `editorOffset` in the editor unless it is negative.
    void fail(const QString& message, qsizetype editorOffset);
    /// Settings every request of this tab carries (read-only).
    ClickHouseClient::Settings requestSettings() const;
    /// Shows `message` instead of the session's status until the next run.
    void showMessage(const QString& message);
    void refreshStatus();
    void copySelection();
    void replot();
    void saveChartAs();

    QuerySession m_session;
    QueryExporter m_exporter;
    SqlEditor* m_editor;
    QTabWidget* m_resultTabs;
    QTableView* m_grid;
    ResultSortModel* m_sorted;
    QPlainTextEdit* m_sent;
    ResultChart* m_chart;
    QComboBox* m_chartKind;
    QWidget* m_chartPage;
    QLabel* m_status;
    QList<SqlStatementSplitter::Statement> m_queue; ///< still to run; offsets are in the editor
    SqlStatementSplitter::Statement m_current;
    QString m_currentSent;
    Options m_options;
    ClickHouseServerInfo m_info;
    QString m_message; ///< overrides the session's status: a local error, an export's progress
    QString m_exportPath;
};
