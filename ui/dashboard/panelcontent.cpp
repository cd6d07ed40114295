#include "panelcontent.h"

#include <QPainter>

PanelContent::PanelContent(QWidget* parent)
    : QWidget(parent)
{ }

PanelContent::~PanelContent() = default;

void PanelContent::setTheme(const PanelTheme& theme)
{
    m_theme = theme;
    themeChanged();
    update();
}

void PanelContent::paintNoData(QPainter& painter) const
{
    painter.setPen(m_theme.secondaryText);
    painter.drawText(rect(), Qt::AlignCenter, tr("No data"));
}

QColor PanelContent::seriesColor(const QString& name, int index) const
{
    for (const auto& [series, color] : m_overrides) {
        if (series == name)
            return PanelTheme::named(color, PanelTheme::series(index));
    }
    return PanelTheme::series(index);
}
