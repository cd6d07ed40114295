#pragma once

#include <QString>

/// The window's theme from the settings: "system" (the desktop's style and palette), "light" or
/// "dark" (Fusion with a light or dark palette, the same on every desktop). Applied at start and
/// whenever the setting changes.
namespace AppTheme {
void apply(const QString& theme);
} // namespace AppTheme
