#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

/// A Grafana dashboard as the workbench reads it (Grafana's classic JSON model; see
/// GrafanaDashboardParser): only what it shows and runs, plain values, no behaviour.

/// One step of a panel's thresholds: from `value` up (none: the base step, from -infinity).
struct GrafanaThresholdStep
{
    QString color; ///< a Grafana colour name ("green", "semi-dark-red") or #rrggbb
    std::optional<double> value;
};

/// `fieldConfig.defaults`: how a panel's numbers are shown.
struct GrafanaFieldDefaults
{
    QString unit; ///< "short", "percent", "ms", "s", "bytes", "reqps", ... (empty: none)
    std::optional<int> decimals;
    std::optional<double> min;
    std::optional<double> max;
    bool percentageThresholds = false; ///< thresholds.mode "percentage" (of min..max)
    QList<GrafanaThresholdStep> thresholds; ///< in increasing order of value, the base first
    QString colorMode; ///< color.mode: "thresholds", "palette-classic", "fixed", ...
    QString fixedColor; ///< color.fixedColor
    QJsonObject custom; ///< the panel type's own settings (fillOpacity, lineWidth, cellOptions, ...)
};

/// One query of a panel.
struct GrafanaTarget
{
    enum class Format
    {
        TimeSeries = 0, ///< long rows (time, metric, value) pivoted into one series per metric
        Table = 1,
        Logs = 2,
        Trace = 3,
        Multi = 4,
    };

    QString refId;
    QString rawSql; ///< `rawSql` (Grafana's plugin) or `query` (Altinity's)
    Format format = Format::Table;
    bool hidden = false; ///< `hide`: kept, not run
};

struct GrafanaGridPos
{
    int x = 0; ///< column, 0-23
    int y = 0; ///< row unit, 30 px each
    int w = 12; ///< columns, 1-24
    int h = 8; ///< row units
};

struct GrafanaPanel
{
    int id = 0;
    QString type; ///< timeseries, stat, table, piechart, barchart, bargauge, gauge, text, row, ...
    QString title;
    QString description;
    GrafanaGridPos gridPos;
    QString datasourceType; ///< the plugin id, when the dashboard says it
    QString datasourceName; ///< the uid or the name, as written (may be a variable)
    QList<GrafanaTarget> targets;
    GrafanaFieldDefaults defaults;
    QStringList calcs; ///< options.reduceOptions.calcs (stat, gauge, bargauge, piechart)
    /// fieldConfig.overrides that fix a series' colour by its name: (name, colour)
    QList<QPair<QString, QString>> colorOverrides;
    QJsonObject options; ///< the panel's options as written, for what each panel type reads
    QString textContent; ///< text panels: options.content
    QString textMode; ///< text panels: "markdown", "html" or "code"
    int row = -1; ///< index in GrafanaDashboard::panels of the row this panel is in; -1 none
    bool collapsed = false; ///< row panels: the row is closed, its panels hidden
    /// What the workbench cannot do with this panel as written (shown on the panel; the rest of
    /// the dashboard is not affected): a data source that is not ClickHouse, a target with no SQL.
    QStringList problems;

    bool isRow() const { return type == u"row"; }
};

/// A template variable ("templating.list").
struct GrafanaVariable
{
    QString name;
    QString label;
    QString type; ///< query, custom, constant, textbox, interval, datasource, adhoc
    QString query; ///< the SQL (query), the comma-separated list (custom, interval), the value
    bool multi = false;
    bool includeAll = false;
    QString allValue; ///< inserted verbatim when "All" is selected, when set
    QStringList current; ///< the selected values as saved ("$__all" is All)
    QList<QPair<QString, QString>> options; ///< (text, value) as saved, or from the custom list
    int refresh = 0; ///< query variables: 1 on load, 2 on time range change
    int hide = 0; ///< 0 shown, 1 label hidden, 2 variable hidden
};

struct GrafanaDashboard
{
    QString uid;
    QString title;
    QString timezone; ///< "browser", "utc" or "" (the browser's)
    QString timeFrom = QStringLiteral("now-6h");
    QString timeTo = QStringLiteral("now");
    QString refresh; ///< "30s", "1m", ... (empty: off)
    QStringList refreshIntervals;
    int schemaVersion = 0;
    QList<GrafanaVariable> variables;
    /// Every panel, rows' children included, in the order a reader meets them: a row, then its
    /// children (collapsed or not), then the next row.
    QList<GrafanaPanel> panels;
    /// What was ignored or doubtful at the dashboard's level (a variable of an unknown type, ...).
    QStringList problems;
    QJsonObject json; ///< the classic model as read, for exporting it back to Grafana
};
