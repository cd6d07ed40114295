#include "dashboardsession.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhousetsv.h"
#include "query/grafanadependencies.h"
#include "query/querypreparation.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;
using State = QuerySession::State;

DashboardSession::DashboardSession(QObject* parent)
    : QObject(parent)
{ }

DashboardSession::~DashboardSession()
{
    cancel();
}

void DashboardSession::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_endpoint = endpoint;
    m_info = info;
    m_client = std::make_unique<ClickHouseClient>(endpoint);
    m_client->setServerInfo(info);
    for (Panel& panel : m_panels) {
        for (Target& target : panel.targets)
            target.session->setServer(endpoint, info);
    }
}

void DashboardSession::setDashboard(const GrafanaDashboard& dashboard)
{
    cancel();
    m_dashboard = dashboard;
    m_from = dashboard.timeFrom;
    m_to = dashboard.timeTo;
    m_variables.clear();
    for (const GrafanaVariable& definition : dashboard.variables)
        m_variables.append(DashboardVariable::fromDefinition(definition));
    m_panels.clear(); // their sessions stop with them
    m_running = 0;
    m_panels.resize(dashboard.panels.size());
    for (qsizetype index = 0; index < dashboard.panels.size(); ++index) {
        const GrafanaPanel& definition = dashboard.panels.at(index);
        Panel& panel = m_panels[index];
        if (definition.isRow() || definition.type == u"text"_s)
            continue;
        for (qsizetype t = 0; t < definition.targets.size(); ++t) {
            const GrafanaTarget& target = definition.targets.at(t);
            if (target.hidden || target.rawSql.trimmed().isEmpty())
                continue;
            panel.usesTime = panel.usesTime || GrafanaDependencies::usesTimeRange(target.rawSql);
            for (const DashboardVariable& variable : std::as_const(m_variables)) {
                if (!panel.variables.contains(variable.definition.name)
                    && GrafanaDependencies::usesVariable(target.rawSql, variable.definition.name))
                    panel.variables.append(variable.definition.name);
            }
            auto session = std::make_unique<QuerySession>();
            session->setRowCap(panelRowCap);
            if (m_client)
                session->setServer(m_endpoint, m_info);
            panel.targets.push_back({ int(t), std::move(session), QString(), QString(), false, false, false, false });
        }
    }
    // Connected once every target is where it stays (the vectors are not resized any more).
    for (qsizetype index = 0; index < qsizetype(m_panels.size()); ++index) {
        for (Target& target : m_panels[index].targets) {
            connect(
                target.session.get(), &QuerySession::stateChanged, this, [this, index, pointer = &target](State state) {
                    if (state != State::Running && state != State::Idle)
                        onTargetSettled(int(index), pointer, state);
                });
        }
    }
    Q_EMIT variablesChanged();
}

bool DashboardSession::setTimeRange(const QString& from, const QString& to, QString* error)
{
    const GrafanaTime::Range range =
        GrafanaTime::parseRange(from, to, QDateTime::currentMSecsSinceEpoch(), displayZone());
    if (!range.ok()) {
        if (error)
            *error = range.error;
        return false;
    }
    m_from = from;
    m_to = to;
    // Only panels that have run follow a change: before the first refresh() nothing runs.
    QList<int> panels;
    for (int index = 0; index < panelCount(); ++index) {
        if (m_panels[index].usesTime && m_panels[index].runs > 0)
            panels.append(index);
    }
    // Variables refreshed "on time range change" may change what other panels show.
    bool reload = false;
    for (const DashboardVariable& variable : std::as_const(m_variables)) {
        if (variable.isQuery() && variable.definition.refresh == 2) {
            reload = true;
            for (const int panel : panelsUsing(variable.definition.name)) {
                if (!panels.contains(panel) && m_panels[panel].runs > 0)
                    panels.append(panel);
            }
        }
    }
    resolveRange();
    if (reload) {
        m_afterVariables = panels;
        loadQueryVariables(true);
    } else {
        schedule(panels);
    }
    return true;
}

void DashboardSession::setVariable(const QString& name, const QStringList& values)
{
    for (DashboardVariable& variable : m_variables) {
        if (variable.definition.name != name)
            continue;
        variable.select(values);
        Q_EMIT variablesChanged();
        QList<int> panels = panelsUsing(name);
        panels.removeIf([this](int panel) { return m_panels[panel].runs == 0; });
        schedule(panels);
        return;
    }
}

void DashboardSession::setRowCollapsed(int row, bool collapsed)
{
    if (row < 0 || row >= panelCount() || !m_dashboard.panels[row].isRow())
        return;
    m_dashboard.panels[row].collapsed = collapsed;
    QList<int> children;
    for (int index = 0; index < panelCount(); ++index) {
        if (m_dashboard.panels[index].row == row) {
            children.append(index);
            Q_EMIT panelChanged(index);
        }
    }
    Q_EMIT panelChanged(row);
    if (!collapsed)
        schedule(children);
}

void DashboardSession::refresh()
{
    if (!m_client)
        return;
    resolveRange();
    QList<int> all;
    for (int index = 0; index < panelCount(); ++index)
        all.append(index);
    m_afterVariables = all;
    loadQueryVariables(false);
}

void DashboardSession::cancel()
{
    m_queue.clear();
    m_afterVariables.clear();
    for (const QPointer<ClickHouseReply>& reply : std::exchange(m_variableReplies, {})) {
        if (reply)
            reply->deleteLater();
    }
    m_variableLoads = 0;
    for (Panel& panel : m_panels) {
        for (Target& target : panel.targets) {
            target.rerun = false;
            if (std::exchange(target.queued, false))
                --panel.pending;
            if (target.running) // it settles as cancelled, and is counted then
                target.session->cancel();
        }
    }
}

bool DashboardSession::isHidden(int panel) const
{
    const int row = m_dashboard.panels[panel].row;
    return row >= 0 && row < panelCount() && m_dashboard.panels[row].collapsed;
}

bool DashboardSession::canRun(int panel) const
{
    return !m_panels[panel].targets.empty() && m_dashboard.panels[panel].problems.isEmpty() && !isHidden(panel);
}

void DashboardSession::schedule(const QList<int>& panels)
{
    for (const int index : panels) {
        if (index < 0 || index >= panelCount() || !canRun(index))
            continue;
        Panel& panel = m_panels[index];
        ++panel.runs;
        panel.startedMs = QDateTime::currentMSecsSinceEpoch();
        for (Target& target : panel.targets) {
            target.error.clear();
            target.truncated = false;
            if (target.running) { // stopped first; it goes back in the queue when it has
                target.rerun = true;
                target.session->cancel();
            } else if (!target.queued) {
                target.queued = true;
                ++panel.pending;
                m_queue.append({ index, target.index });
            }
        }
        Q_EMIT panelChanged(index);
    }
    startNext();
    finishIfIdle();
}

void DashboardSession::startNext()
{
    const GrafanaMacroContext context = macroContext();
    while (m_running < maxRunning && !m_queue.isEmpty()) {
        const auto [index, targetIndex] = m_queue.takeFirst();
        Panel& panel = m_panels[index];
        auto found = std::find_if(panel.targets.begin(), panel.targets.end(),
            [targetIndex](const Target& target) { return target.index == targetIndex; });
        if (found == panel.targets.end())
            continue;
        Target& target = *found;
        target.queued = false;
        QueryPreparation::Options options;
        options.macros = context;
        options.readOnly = true;
        const QueryPreparation::Prepared prepared =
            QueryPreparation::prepare(m_dashboard.panels[index].targets[targetIndex].rawSql, options);
        if (!prepared.ok()) {
            target.error = prepared.error;
            --panel.pending;
            Q_EMIT panelChanged(index);
            continue;
        }
        target.sent = prepared.sql;
        target.running = true;
        ++m_running;
        target.session->run(prepared.sql, QueryPreparation::requestSettings(true));
        Q_EMIT panelChanged(index);
    }
}

void DashboardSession::onTargetSettled(int index, Target* target, QuerySession::State state)
{
    if (state == State::MoreAvailable) { // more rows than a panel keeps: what it has is shown
        target->truncated = true;
        target->session->cancel();
        return;
    }
    if (!target->running)
        return;
    target->running = false;
    --m_running;
    Panel& panel = m_panels[index];
    if (target->rerun) {
        target->rerun = false;
        target->queued = true;
        m_queue.append({ index, target->index });
    } else {
        --panel.pending;
        if (panel.pending == 0)
            panel.elapsedMs = QDateTime::currentMSecsSinceEpoch() - panel.startedMs;
    }
    Q_EMIT panelChanged(index);
    startNext();
    finishIfIdle();
}

void DashboardSession::finishIfIdle()
{
    if (isIdle())
        Q_EMIT idle();
}

QTimeZone DashboardSession::displayZone() const
{
    return m_dashboard.timezone == u"utc"_s ? QTimeZone::utc() : QTimeZone::systemTimeZone();
}

QTimeZone DashboardSession::serverZone() const
{
    return m_info.timezone().isEmpty() ? QTimeZone::utc() : QTimeZone(m_info.timezone().toUtf8());
}

bool DashboardSession::resolveRange()
{
    const GrafanaTime::Range range =
        GrafanaTime::parseRange(m_from, m_to, QDateTime::currentMSecsSinceEpoch(), displayZone());
    if (!range.ok()) { // a dashboard's own range that is not one: Grafana's default instead
        m_from = u"now-6h"_s;
        m_to = u"now"_s;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_rangeFromMs = now - 6 * 3'600'000;
        m_rangeToMs = now;
        return false;
    }
    m_rangeFromMs = range.fromMs;
    m_rangeToMs = range.toMs;
    return true;
}

GrafanaMacroContext DashboardSession::macroContext() const
{
    GrafanaMacroContext context = QueryPreparation::macroContext(m_rangeFromMs, m_rangeToMs, m_info);
    context.displayZone = displayZone();
    for (const DashboardVariable& variable : m_variables)
        context.variables.append(variable.templateVariable());
    return context;
}

QList<int> DashboardSession::panelsUsing(const QString& variable) const
{
    QList<int> panels;
    for (int index = 0; index < panelCount(); ++index) {
        if (m_panels[index].variables.contains(variable))
            panels.append(index);
    }
    return panels;
}

void DashboardSession::loadQueryVariables(bool onTimeChangeOnly)
{
    const GrafanaMacroContext context = macroContext();
    for (qsizetype index = 0; index < m_variables.size(); ++index) {
        const DashboardVariable& variable = m_variables.at(index);
        if (!variable.isQuery() || (onTimeChangeOnly && variable.definition.refresh != 2))
            continue;
        QueryPreparation::Options options;
        options.macros = context;
        const QueryPreparation::Prepared prepared = QueryPreparation::prepare(variable.definition.query, options);
        if (!prepared.ok()) {
            m_variables[index].error = prepared.error;
            continue;
        }
        ClickHouseReply* reply = m_client->query(prepared.sql, QueryPreparation::requestSettings(true));
        ++m_variableLoads;
        m_variableReplies.append(reply);
        connect(
            reply, &ClickHouseExchange::finished, this, [this, index, reply] { onVariableLoaded(int(index), reply); });
    }
    if (m_variableLoads == 0) {
        schedule(std::exchange(m_afterVariables, {}));
        Q_EMIT variablesChanged();
    }
}

void DashboardSession::onVariableLoaded(int index, ClickHouseReply* reply)
{
    reply->deleteLater();
    m_variableReplies.removeAll(reply);
    --m_variableLoads;
    DashboardVariable& variable = m_variables[index];
    if (reply->isOk()) {
        // The first column is the value; a second one, when there is one, the text (Grafana's
        // __text/__value convention aside, that is how its ClickHouse plugin reads it).
        QList<QPair<QString, QString>> options;
        for (const QStringList& row : ClickHouseTsv::rows(reply->text())) {
            if (!row.isEmpty())
                options.append({ row.size() > 1 ? row.at(1) : row.at(0), row.at(0) });
        }
        variable.error.clear();
        variable.setOptions(options);
    } else {
        variable.error = reply->error().toString();
    }
    if (m_variableLoads == 0) {
        Q_EMIT variablesChanged();
        schedule(std::exchange(m_afterVariables, {}));
    }
}

DashboardSession::PanelState DashboardSession::panelState(int index) const
{
    const GrafanaPanel& definition = m_dashboard.panels.at(index);
    const Panel& panel = m_panels[index];
    if (isHidden(index))
        return PanelState::Hidden;
    if (!definition.problems.isEmpty())
        return PanelState::NotRun;
    if (panel.targets.empty())
        return PanelState::Static;
    if (panel.runs == 0)
        return PanelState::Idle;
    bool failed = false;
    bool running = false;
    for (const Target& target : panel.targets) {
        running = running || target.running;
        const State state = target.session->state();
        failed = failed || !target.error.isEmpty() || state == State::Failed
            || (state == State::Cancelled && !target.truncated);
    }
    if (panel.pending > 0)
        return running ? PanelState::Running : PanelState::Queued;
    return failed ? PanelState::Failed : PanelState::Done;
}

QString DashboardSession::panelMessage(int index) const
{
    QStringList lines = m_dashboard.panels.at(index).problems;
    const Panel& panel = m_panels[index];
    const bool several = panel.targets.size() > 1;
    for (const Target& target : panel.targets) {
        const QString prefix =
            several ? tr("Query %1: ").arg(m_dashboard.panels.at(index).targets.at(target.index).refId) : QString();
        if (!target.error.isEmpty())
            lines.append(prefix + target.error);
        else if (target.session->state() == State::Failed)
            lines.append(prefix + target.session->error().toString());
        else if (target.truncated)
            lines.append(prefix + tr("Showing the first %1 rows").arg(QLocale().toString(panelRowCap)));
        else if (target.session->state() == State::Cancelled && !target.running)
            lines.append(prefix + tr("Cancelled"));
    }
    return lines.join(u'\n');
}

QList<const QueryResultModel*> DashboardSession::panelResults(int index) const
{
    QList<const QueryResultModel*> results;
    for (const Target& target : m_panels[index].targets) {
        if (target.session->state() != State::Idle)
            results.append(target.session->model());
    }
    return results;
}

QStringList DashboardSession::panelSentSql(int index) const
{
    QStringList sql;
    for (const Target& target : m_panels[index].targets)
        sql.append(target.sent);
    return sql;
}

qint64 DashboardSession::panelElapsedMs(int index) const
{
    return m_panels[index].elapsedMs;
}

int DashboardSession::panelRuns(int index) const
{
    return m_panels[index].runs;
}
