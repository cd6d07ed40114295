#pragma once

#include "grafanadashboard.h"

#include <QList>
#include <QRect>

/// Where a dashboard's panels go, as Grafana places them: a grid of 24 columns and rows of 30 px
/// with 8 px between cells (react-grid-layout's arithmetic), panels floating up into empty space
/// above them ("gravity", which also pushes overlapping panels down), the panels of a collapsed
/// row hidden and the rows below it closing up.
namespace GrafanaGridLayout {

inline constexpr int columns = 24;
inline constexpr int rowHeight = 30;
inline constexpr int margin = 8;

struct Placement
{
    int panel = 0; ///< index in the dashboard's panels
    GrafanaGridPos cell; ///< after gravity, in grid units
    QRect rect; ///< in pixels, for the width asked for
};

/// The visible panels in reading order (top to bottom, left to right).
QList<Placement> place(const QList<GrafanaPanel>& panels, int width);

/// A grid position in pixels at `width`.
QRect toPixels(const GrafanaGridPos& cell, int width);

/// The height in pixels of what place() gave.
int height(const QList<Placement>& placements);

} // namespace GrafanaGridLayout
