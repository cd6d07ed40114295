#include "statpanel.h"

#include "dashboardsession.h"
#include "query/grafanaunits.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

StatPanel::StatPanel(QWidget* parent)
    : PanelContent(parent)
{ }

void StatPanel::showResults(const DashboardSession& session, int panel)
{
    const GrafanaPanel& definition = session.dashboard().panels.at(panel);
    m_fields = PanelFields::reduce(session.panelResults(panel), definition.calcs);
    m_defaults = definition.defaults;
    m_colorMode = definition.options.value(u"colorMode"_s).toString(u"value"_s);
    m_sparkline = definition.options.value(u"graphMode"_s).toString(u"area"_s) != u"none"_s;
    update();
}

QStringList StatPanel::valueTexts() const
{
    QStringList texts;
    for (const PanelFields::Field& field : m_fields)
        texts.append(
            field.value ? GrafanaUnits::format(*field.value, m_defaults.unit, m_defaults.decimals) : tr("No data"));
    return texts;
}

QColor StatPanel::colorOf(const PanelFields::Field& field) const
{
    const QColor base = PanelTheme::series(0);
    if (!field.value)
        return theme().secondaryText;
    if (m_defaults.colorMode == u"fixed"_s)
        return PanelTheme::named(m_defaults.fixedColor, base);
    const QString name = PanelFields::thresholdColor(m_defaults, *field.value);
    return name.isEmpty() ? PanelTheme::named(u"green"_s, base) : PanelTheme::named(name, base);
}

void StatPanel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_fields.isEmpty()) {
        paintNoData(painter);
        return;
    }
    const QStringList texts = valueTexts();
    const int count = int(m_fields.size());
    const double cellWidth = double(width()) / count;
    for (int index = 0; index < count; ++index) {
        const PanelFields::Field& field = m_fields.at(index);
        const QRectF cell(cellWidth * index, 0, cellWidth, height());
        const QColor color = colorOf(field);
        const bool background = m_colorMode == u"background"_s || m_colorMode == u"background_solid"_s;
        if (background)
            painter.fillRect(cell.adjusted(1, 1, -1, -1), color);
        const QColor ink = background ? QColor(Qt::white) : (m_colorMode == u"none"_s ? theme().text : color);
        // The sparkline: the field's values across the bottom half, in the value's colour.
        QList<double> values;
        for (const double value : field.values) {
            if (!std::isnan(value))
                values.append(value);
        }
        if (m_sparkline && values.size() > 1) {
            const auto [low, high] = std::minmax_element(values.begin(), values.end());
            const double span = *high > *low ? *high - *low : 1;
            const QRectF area(cell.left(), cell.top() + cell.height() * 0.5, cell.width(), cell.height() * 0.5);
            QPainterPath line;
            for (qsizetype i = 0; i < values.size(); ++i) {
                const QPointF point(area.left() + area.width() * double(i) / double(values.size() - 1),
                    area.bottom() - (values[i] - *low) / span * area.height() * 0.9);
                i == 0 ? line.moveTo(point) : line.lineTo(point);
            }
            QPainterPath fill = line;
            fill.lineTo(area.bottomRight());
            fill.lineTo(area.bottomLeft());
            fill.closeSubpath();
            QColor fillColor = background ? QColor(255, 255, 255, 40) : color;
            if (!background)
                fillColor.setAlpha(40);
            painter.fillPath(fill, fillColor);
            painter.setPen(QPen(background ? QColor(255, 255, 255, 140) : color, 1.5));
            painter.drawPath(line);
        }
        QRectF textArea = cell.adjusted(6, 4, -6, -4);
        if (count > 1) { // several fields: each says which it is
            QFont small = font();
            painter.setFont(small);
            painter.setPen(background ? QColor(Qt::white) : theme().text);
            painter.drawText(textArea, Qt::AlignHCenter | Qt::AlignTop, field.name);
            textArea.setTop(textArea.top() + painter.fontMetrics().height());
        }
        // As large as fits: Grafana scales the value to the panel.
        QFont big = font();
        big.setBold(true);
        double size = qMin(textArea.height() * 0.55, 64.0);
        big.setPixelSize(int(qMax(10.0, size)));
        QFontMetricsF metrics(big);
        while (size > 10 && metrics.horizontalAdvance(texts.at(index)) > textArea.width()) {
            size *= 0.9;
            big.setPixelSize(int(size));
            metrics = QFontMetricsF(big);
        }
        painter.setFont(big);
        painter.setPen(ink);
        painter.drawText(textArea, Qt::AlignCenter, texts.at(index));
    }
}
