#include "grafanagridlayout.h"

#include <algorithm>
#include <cmath>

namespace {
bool collide(const GrafanaGridPos& a, const GrafanaGridPos& b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const GrafanaGridPos* firstCollision(const QList<GrafanaGridLayout::Placement>& placed, const GrafanaGridPos& cell)
{
    for (const GrafanaGridLayout::Placement& other : placed) {
        if (collide(other.cell, cell))
            return &other.cell;
    }
    return nullptr;
}

bool isVisible(const QList<GrafanaPanel>& panels, const GrafanaPanel& panel)
{
    return panel.row < 0 || panel.row >= panels.size() || !panels.at(panel.row).collapsed;
}
} // namespace

namespace GrafanaGridLayout {

QRect toPixels(const GrafanaGridPos& cell, int width)
{
    const double columnWidth = double(width - margin * (columns - 1)) / columns;
    const auto round = [](double value) { return int(std::lround(value)); };
    return QRect(round((columnWidth + margin) * cell.x), round(double(rowHeight + margin) * cell.y),
        round(columnWidth * cell.w + margin * std::max(0, cell.w - 1)),
        rowHeight * cell.h + margin * std::max(0, cell.h - 1));
}

QList<Placement> place(const QList<GrafanaPanel>& panels, int width)
{
    QList<Placement> order;
    for (qsizetype index = 0; index < panels.size(); ++index) {
        if (isVisible(panels, panels.at(index)))
            order.append({ int(index), panels.at(index).gridPos, QRect() });
    }
    // A collapsed row's children keep the positions they had when it was open: the rows below it
    // are where those would be, so what follows must close up. Gravity does that too.
    std::stable_sort(order.begin(), order.end(), [](const Placement& a, const Placement& b) {
        return a.cell.y != b.cell.y ? a.cell.y < b.cell.y : a.cell.x < b.cell.x;
    });
    QList<Placement> placed;
    placed.reserve(order.size());
    for (Placement item : std::as_const(order)) {
        while (item.cell.y > 0) {
            GrafanaGridPos above = item.cell;
            --above.y;
            if (firstCollision(placed, above))
                break;
            item.cell = above;
        }
        while (const GrafanaGridPos* other = firstCollision(placed, item.cell))
            item.cell.y = other->y + other->h;
        item.rect = toPixels(item.cell, width);
        placed.append(item);
    }
    return placed;
}

int height(const QList<Placement>& placements)
{
    int bottom = 0;
    for (const Placement& placement : placements)
        bottom = std::max(bottom, placement.rect.bottom() + 1);
    return bottom;
}

} // namespace GrafanaGridLayout
