#pragma once

#include "paneltheme.h"

#include <QJsonObject>
#include <QString>

class DashboardSession;

/// A dashboard, once its panels have run, drawn off screen as it would be in the window: one PNG
/// per panel (panel-<id>.png) and one of the whole grid (dashboard.png) in a folder, and a JSON
/// summary of each panel (its SQL as sent, rows, the stat values as shown, its error). For CI
/// reports and QA evidence (`automagik-workbench dashboard render`).
namespace DashboardRenderer {

struct Result
{
    QJsonObject summary;
    int panelsInError = 0; ///< failed, not run (not ClickHouse, ...), or of an unsupported type
    QString error; ///< the folder or a file could not be written
};

/// Needs a QApplication (widgets), which may be offscreen.
Result render(DashboardSession& session, int width, const PanelTheme& theme, const QString& folder);

} // namespace DashboardRenderer
