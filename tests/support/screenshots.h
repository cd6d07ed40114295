#pragma once

#include <QString>

class QWidget;

/// GUI tests keep a PNG of what they showed, under $WORKBENCH_SCREENSHOT_DIR (the build's
/// screenshots/ folder), so a person can look at every page after a run.
namespace Screenshots {
/// Saves the widget as <dir>/<name>.png; returns the path, or an empty string on failure.
QString save(QWidget* widget, const QString& name);
} // namespace Screenshots
