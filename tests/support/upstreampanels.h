#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// The panel queries of the four upstream Grafana dashboards (resources/dashboards), taken from
/// their JSON unchanged: one entry per target, in dashboard and panel order.
namespace UpstreamPanels {

struct Target
{
    QString dashboard; ///< file name without .json
    QString title;
    QString type; ///< Grafana's panel type: stat, timeseries, piechart, ...
    QString rawSql;
};

/// The four upstream dashboards' file names, in order.
QStringList upstreamDashboards();

/// Every target of `dashboards` (file names in resources/dashboards, without .json); empty with
/// `error` set when a dashboard cannot be read.
QList<Target> load(QString* error, const QStringList& dashboards = upstreamDashboards());

} // namespace UpstreamPanels
