#pragma once

#include <QColor>

/// The colour of a service in a trace, by its position among the trace's services: Grafana's
/// classic series palette, so a service looks the same on the waterfall, the minimap and the
/// span details.
namespace ServicePalette {
QColor color(int serviceIndex);
QColor errorColor();
} // namespace ServicePalette
