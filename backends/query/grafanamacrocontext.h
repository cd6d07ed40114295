#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

/// A dashboard template variable as the macro expander sees it: what is selected, and for "All"
/// what that stands for (Grafana: a custom all value, verbatim, or else every option's value).
struct GrafanaTemplateVariable
{
    QString name;
    QStringList values; ///< the selected values (one for a single-value variable)
    bool allSelected = false; ///< the "All" option is selected (Grafana's `$__all`)
    QStringList options; ///< every option's value, used for "All" without a custom all value
    QString customAllValue; ///< inserted as it is when "All" is selected, if set
};

/// Everything macro expansion depends on: the panel's time range, its interval, the variables,
/// and what the server can do (an old server gets equivalent SQL it understands).
struct GrafanaMacroContext
{
    qint64 fromMs = 0; ///< the time range, in milliseconds since the epoch (UTC)
    qint64 toMs = 0;
    qint64 intervalMs = 60000; ///< the panel interval (Grafana: range / max data points)
    QList<GrafanaTemplateVariable> variables;
    /// For ${__from:date:YYYY-MM}-style formats (Grafana uses the browser's zone; a dashboard
    /// with "timezone": "utc" uses UTC).
    QTimeZone displayZone = QTimeZone::utc();
    bool serverHasToStartOfInterval = true; ///< ClickHouse >= 19.x
    bool serverHasDateTime64 = true; ///< ClickHouse >= 20.1 (fromUnixTimestamp64Milli, toDateTime64)

    const GrafanaTemplateVariable* variable(QStringView name) const
    {
        for (const GrafanaTemplateVariable& candidate : variables) {
            if (candidate.name == name)
                return &candidate;
        }
        return nullptr;
    }
};
