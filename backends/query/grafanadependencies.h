#pragma once

#include <QString>

/// What a panel's SQL depends on, found the way that cannot miss a spelling: the SQL is expanded
/// twice with only that one thing different, and it depends on it when the two differ. A panel
/// that does not use the time range (the upstream dashboards write `now() - INTERVAL 12 HOUR`)
/// is not run again when the range changes; one without `$service` not when `service` does.
namespace GrafanaDependencies {

bool usesTimeRange(const QString& sql);
bool usesVariable(const QString& sql, const QString& name);

} // namespace GrafanaDependencies
