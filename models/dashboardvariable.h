#pragma once

#include "query/grafanadashboard.h"
#include "query/grafanamacrocontext.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/// A dashboard variable while the dashboard is looked at: its options (from the dashboard, its
/// custom list, or its query's answer) and what is selected, "All" included.
struct DashboardVariable
{
    GrafanaVariable definition;
    QList<QPair<QString, QString>> options; ///< (text, value)
    QStringList selected; ///< values
    bool allSelected = false;
    QString error; ///< why its query gave no options

    /// Options from the definition (custom and interval lists, a constant, a textbox's text);
    /// the selection as saved, or the first option.
    static DashboardVariable fromDefinition(const GrafanaVariable& definition);
    /// New options (a query variable's answer): the selection is kept where it still exists.
    void setOptions(const QList<QPair<QString, QString>>& newOptions);
    /// `values` selected; "$__all" (or every option with includeAll) selects All.
    void select(const QStringList& values);
    bool isQuery() const { return definition.type == u"query"; }
    /// Shown above the grid (hide 0) or not.
    bool isShown() const
    {
        return definition.hide == 0 && definition.type != u"constant" && definition.type != u"adhoc";
    }
    /// What the macro expander needs.
    GrafanaTemplateVariable templateVariable() const;
};
