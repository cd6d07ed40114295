#pragma once

#include <QStringList>

/// `automagik-workbench dashboard render|list|import|remove|export`: the Dashboards page's
/// library from a terminal, and `render FILE.json|UID --out DIR`, which runs every panel of a
/// dashboard against ClickHouse (DashboardSession, as the page does) and draws it off screen
/// (DashboardRenderer): a PNG per panel, one of the whole dashboard, and summary.json. Exit code
/// 0 when every panel ran, 3 when some failed or could not run (they are in the summary), 1
/// when the dashboard or the server could not be used at all.
namespace DashboardCommand {
int run(const QStringList& arguments);
} // namespace DashboardCommand
