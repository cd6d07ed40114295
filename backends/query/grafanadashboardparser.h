#pragma once

#include "grafanadashboard.h"

#include <QByteArray>

/// Reads a Grafana dashboard's JSON into a GrafanaDashboard: the classic model (what Grafana
/// exports and grafana.com shares), also inside the `spec` of a v1 resource and inside the
/// `dashboard` of Grafana's HTTP API answer. What cannot be a dashboard at all (not JSON, not an
/// object, the v2 resource model, the rows layout of Grafana before 5.0) is refused with a
/// message that says why and what to do; anything less (a panel without a type or a position, a
/// data source that is not ClickHouse, a variable of an unknown type) is kept as a problem on
/// the panel or the dashboard concerned, and everything else still opens.
namespace GrafanaDashboardParser {

struct Result
{
    GrafanaDashboard dashboard;
    QString error; ///< empty when the dashboard was read

    bool ok() const { return error.isEmpty(); }
};

Result parse(const QByteArray& json);

/// True for the data sources whose panels the workbench runs: ClickHouse's two Grafana plugins,
/// a variable standing for the data source ("${datasource}", "${DS_CLICKHOUSE}") and none at all
/// (Grafana's default data source, which here is the one ClickHouse).
bool isClickHouseDataSource(const QString& type, const QString& name);

} // namespace GrafanaDashboardParser
