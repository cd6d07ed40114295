#include "sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

Sparkline::Sparkline(QWidget* parent)
    : QWidget(parent)
    , m_color(palette().color(QPalette::Highlight))
{
    setMinimumSize(80, 20);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(const QList<double>& values)
{
    m_values = values;
    update();
}

void Sparkline::setColor(const QColor& color)
{
    m_color = color;
    update();
}

void Sparkline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_values.size() < 2)
        return;
    const double highest = std::max(1.0, *std::max_element(m_values.cbegin(), m_values.cend()));
    const double step = area.width() / double(m_values.size() - 1);
    QPainterPath line;
    bool drawing = false;
    for (int index = 0; index < m_values.size(); ++index) {
        const double x = area.left() + step * index;
        const double value = m_values.at(index);
        if (value < 0) {
            painter.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2));
            painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() - 5));
            drawing = false;
            continue;
        }
        const QPointF point(x, area.bottom() - area.height() * value / highest);
        if (drawing)
            line.lineTo(point);
        else
            line.moveTo(point);
        drawing = true;
    }
    painter.setPen(QPen(m_color, 1.5));
    painter.drawPath(line);
}
