#include "dashboardrenderer.h"

#include "dashboardpanelview.h"
#include "dashboardsession.h"
#include "dashboardview.h"
#include "queryresultmodel.h"
#include "statpanel.h"

#include <QDir>
#include <QJsonArray>
#include <QPixmap>

using namespace Qt::StringLiterals;
using PanelState = DashboardSession::PanelState;

namespace {
QString stateName(PanelState state)
{
    switch (state) {
    case PanelState::Idle:
        return u"idle"_s;
    case PanelState::Static:
        return u"static"_s;
    case PanelState::Hidden:
        return u"hidden"_s;
    case PanelState::NotRun:
        return u"not_run"_s;
    case PanelState::Queued:
        return u"queued"_s;
    case PanelState::Running:
        return u"running"_s;
    case PanelState::Done:
        return u"done"_s;
    case PanelState::Failed:
        return u"failed"_s;
    }
    return QString();
}
} // namespace

namespace DashboardRenderer {

Result render(DashboardSession& session, int width, const PanelTheme& theme, const QString& folder)
{
    Result result;
    if (!QDir().mkpath(folder)) {
        result.error = QStringLiteral("cannot create %1").arg(folder);
        return result;
    }
    DashboardView view(&session);
    view.setTheme(theme);
    view.rebuild();
    view.resize(width, view.gridHeight(width - 16) + 16);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show();
    QJsonArray panels;
    for (int index = 0; index < session.panelCount(); ++index) {
        const GrafanaPanel& panel = session.dashboard().panels.at(index);
        DashboardPanelView* panelView = view.panelView(index);
        panelView->refresh();
        const PanelState state = session.panelState(index);
        const bool unsupported = !panel.isRow() && !DashboardPanelView::isSupportedType(panel.type);
        if (state == PanelState::Failed || state == PanelState::NotRun || unsupported)
            ++result.panelsInError;
        QJsonObject entry { { u"id"_s, panel.id }, { u"title"_s, panel.title }, { u"type"_s, panel.type },
            { u"state"_s, stateName(state) } };
        qint64 rows = 0;
        for (const QueryResultModel* model : session.panelResults(index))
            rows += model->rowCount();
        if (!panel.isRow() && !panel.targets.isEmpty()) {
            entry.insert(u"rows"_s, rows);
            entry.insert(u"sql"_s, QJsonArray::fromStringList(session.panelSentSql(index)));
            entry.insert(u"elapsed_ms"_s, session.panelElapsedMs(index));
        }
        if (const auto* stat = qobject_cast<StatPanel*>(panelView->content()))
            entry.insert(u"values"_s, QJsonArray::fromStringList(stat->valueTexts()));
        const QString message = panelView->messageText();
        entry.insert(u"error"_s, message.isEmpty() ? QJsonValue() : QJsonValue(message));
        if (panelView->isVisible() && !panel.isRow()) {
            const QString file = u"panel-%1.png"_s.arg(panel.id);
            if (!panelView->grab().save(QDir(folder).filePath(file), "PNG")) {
                result.error = QStringLiteral("cannot write %1").arg(QDir(folder).filePath(file));
                return result;
            }
            entry.insert(u"png"_s, file);
        }
        panels.append(entry);
    }
    const QString whole = QDir(folder).filePath(u"dashboard.png"_s);
    if (!view.grab().save(whole, "PNG")) {
        result.error = QStringLiteral("cannot write %1").arg(whole);
        return result;
    }
    result.summary = QJsonObject {
        { u"uid"_s, session.dashboard().uid },
        { u"title"_s, session.dashboard().title },
        { u"from"_s, session.timeFrom() },
        { u"to"_s, session.timeTo() },
        { u"from_ms"_s, session.rangeFromMs() },
        { u"to_ms"_s, session.rangeToMs() },
        { u"width"_s, width },
        { u"png"_s, u"dashboard.png"_s },
        { u"panels_in_error"_s, result.panelsInError },
        { u"problems"_s, QJsonArray::fromStringList(session.dashboard().problems) },
        { u"panels"_s, panels },
    };
    return result;
}

} // namespace DashboardRenderer
