#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "dashboardvariable.h"
#include "query/grafanadashboard.h"
#include "query/grafanatime.h"
#include "querysession.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class ClickHouseClient;
class ClickHouseReply;

/// A dashboard being looked at, without widgets: its time range and variables, and each panel's
/// queries run against ClickHouse (at most maxRunning at once, each in a QuerySession of its
/// own, read-only), with their results, errors and timing. Changing the range or a variable runs
/// again only the panels whose SQL uses it (GrafanaDependencies); refresh() runs them all, after
/// the query variables have their options again. Panels of a collapsed row are not run until it
/// opens. The Dashboards page and `dashboard render` drive this one object.
class DashboardSession final : public QObject
{
    Q_OBJECT

public:
    enum class PanelState
    {
        Idle, ///< not run yet
        Static, ///< nothing to run: a row, a text panel, a panel without queries
        Hidden, ///< in a collapsed row
        NotRun, ///< its problems keep it from running (a data source that is not ClickHouse, ...)
        Queued,
        Running,
        Done,
        Failed,
    };
    Q_ENUM(PanelState)

    static constexpr int maxRunning = 4;
    /// Rows a panel keeps of one query (Grafana's ClickHouse plugin has no limit; a panel that
    /// asks for more than this is told so on the panel).
    static constexpr qint64 panelRowCap = 100'000;

    explicit DashboardSession(QObject* parent = nullptr);
    ~DashboardSession() override;
    Q_DISABLE_COPY_MOVE(DashboardSession)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    /// Starts over with `dashboard`: its own time range and saved variable values; nothing runs
    /// until refresh().
    void setDashboard(const GrafanaDashboard& dashboard);
    const GrafanaDashboard& dashboard() const { return m_dashboard; }

    /// Grafana time expressions; false (nothing runs) when one is not a time.
    bool setTimeRange(const QString& from, const QString& to, QString* error = nullptr);
    QString timeFrom() const { return m_from; }
    QString timeTo() const { return m_to; }
    /// The range of the last run, in milliseconds since the epoch.
    qint64 rangeFromMs() const { return m_rangeFromMs; }
    qint64 rangeToMs() const { return m_rangeToMs; }

    const QList<DashboardVariable>& variables() const { return m_variables; }
    void setVariable(const QString& name, const QStringList& values);
    void setRowCollapsed(int row, bool collapsed);

    /// Loads the query variables' options, then runs every panel that can run.
    void refresh();
    void cancel();
    bool isIdle() const { return m_queue.isEmpty() && m_running == 0 && m_variableLoads == 0; }

    int panelCount() const { return int(m_panels.size()); }
    PanelState panelState(int panel) const;
    /// The panel's problems and its queries' errors, one per line.
    QString panelMessage(int panel) const;
    /// One result per query of the panel that ran (hidden and SQL-less queries have none).
    QList<const QueryResultModel*> panelResults(int panel) const;
    QStringList panelSentSql(int panel) const;
    qint64 panelElapsedMs(int panel) const;
    /// How many times the panel was started, for the tests of what a change runs again.
    int panelRuns(int panel) const;
    /// The zone DateTime values come in (the server's) and the one times are shown in.
    QTimeZone serverZone() const;
    QTimeZone displayZone() const;

Q_SIGNALS:
    void panelChanged(int panel);
    void variablesChanged();
    /// Nothing is queued or running any more.
    void idle();

private:
    struct Target
    {
        int index = 0; ///< in the panel's targets
        std::unique_ptr<QuerySession> session;
        QString sent;
        QString error; ///< a macro error (the session's own error is in it)
        bool truncated = false; ///< stopped at panelRowCap
        bool queued = false;
        bool running = false;
        bool rerun = false; ///< asked for again while it ran: queued again once it stopped
    };
    struct Panel
    {
        std::vector<Target> targets;
        int runs = 0;
        int pending = 0; ///< targets queued or running
        qint64 startedMs = 0;
        qint64 elapsedMs = 0;
        bool usesTime = false;
        QStringList variables; ///< names of the variables its SQL uses
    };

    bool canRun(int panel) const;
    bool isHidden(int panel) const;
    void schedule(const QList<int>& panels);
    void startNext();
    void onTargetSettled(int panel, Target* target, QuerySession::State state);
    GrafanaMacroContext macroContext() const;
    bool resolveRange();
    void loadQueryVariables(bool onTimeChangeOnly);
    void onVariableLoaded(int variable, ClickHouseReply* reply);
    QList<int> panelsUsing(const QString& variable) const;
    void finishIfIdle();

    GrafanaDashboard m_dashboard;
    ClickHouseEndpoint m_endpoint;
    ClickHouseServerInfo m_info;
    std::unique_ptr<ClickHouseClient> m_client; ///< for the query variables' options
    std::vector<Panel> m_panels;
    QList<DashboardVariable> m_variables;
    QString m_from;
    QString m_to;
    qint64 m_rangeFromMs = 0;
    qint64 m_rangeToMs = 0;
    QList<QPair<int, int>> m_queue; ///< (panel, target) waiting for a free slot
    int m_running = 0;
    int m_variableLoads = 0;
    QList<int> m_afterVariables; ///< panels to run once the variables are loaded
    QList<QPointer<ClickHouseReply>> m_variableReplies;
};
