#include "gaugepanel.h"

#include "dashboardsession.h"
#include "query/grafanaunits.h"

#include <QJsonObject>
#include <QPainter>

using namespace Qt::StringLiterals;

GaugePanel::GaugePanel(Style style, QWidget* parent)
    : PanelContent(parent)
    , m_style(style)
{ }

void GaugePanel::showResults(const DashboardSession& session, int panel)
{
    const GrafanaPanel& definition = session.dashboard().panels.at(panel);
    m_defaults = definition.defaults;
    const bool perRow = definition.options.value(u"reduceOptions"_s).toObject().value(u"values"_s).toBool();
    m_fields = perRow ? PanelFields::rows(session.panelResults(panel))
                      : PanelFields::reduce(session.panelResults(panel), definition.calcs);
    update();
}

QColor GaugePanel::colorOf(double value) const
{
    const QString name = PanelFields::thresholdColor(m_defaults, value);
    return PanelTheme::named(name.isEmpty() ? u"green"_s : name, PanelTheme::series(0));
}

double GaugePanel::fraction(double value) const
{
    const double min = m_defaults.min.value_or(0);
    const double max = m_defaults.max.value_or(100);
    return max > min ? qBound(0.0, (value - min) / (max - min), 1.0) : 0;
}

void GaugePanel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_fields.isEmpty()) {
        paintNoData(painter);
        return;
    }
    const int count = int(m_fields.size());
    for (int index = 0; index < count; ++index) {
        const QRectF cell = m_style == Style::Arc
            ? QRectF(double(width()) / count * index, 0, double(width()) / count, height())
            : QRectF(0, double(height()) / count * index, width(), double(height()) / count);
        if (m_style == Style::Arc)
            paintArc(painter, cell.adjusted(6, 6, -6, -6), m_fields.at(index));
        else
            paintBar(painter, cell.adjusted(6, 3, -6, -3), m_fields.at(index));
    }
}

void GaugePanel::paintArc(QPainter& painter, const QRectF& cell, const PanelFields::Field& field)
{
    const double size = qMin(cell.width(), cell.height() * 1.3);
    const QRectF circle(cell.center().x() - size / 2, cell.top() + 8, size, size);
    const double thickness = size * 0.12;
    const QRectF arc = circle.adjusted(thickness, thickness, -thickness, -thickness);
    constexpr int start = 210 * 16;
    constexpr int sweep = -240 * 16;
    // The thresholds as a thin band outside the arc.
    const double min = m_defaults.min.value_or(0);
    const double max = m_defaults.max.value_or(100);
    for (qsizetype step = 0; step < m_defaults.thresholds.size(); ++step) {
        const double from = fraction(m_defaults.thresholds.at(step).value.value_or(min));
        const double to = step + 1 < m_defaults.thresholds.size()
            ? fraction(m_defaults.thresholds.at(step + 1).value.value_or(max))
            : 1.0;
        painter.setPen(QPen(PanelTheme::named(m_defaults.thresholds.at(step).color, Qt::green), thickness * 0.3,
            Qt::SolidLine, Qt::FlatCap));
        painter.drawArc(circle.adjusted(thickness * 0.3, thickness * 0.3, -thickness * 0.3, -thickness * 0.3),
            start + int(sweep * from), int(sweep * (to - from)));
    }
    painter.setPen(QPen(theme().grid, thickness, Qt::SolidLine, Qt::FlatCap));
    painter.drawArc(arc, start, sweep);
    const QString text =
        field.value ? GrafanaUnits::format(*field.value, m_defaults.unit, m_defaults.decimals) : tr("No data");
    if (field.value) {
        painter.setPen(QPen(colorOf(*field.value), thickness, Qt::SolidLine, Qt::FlatCap));
        painter.drawArc(arc, start, int(sweep * fraction(*field.value)));
    }
    QFont big = font();
    big.setBold(true);
    big.setPixelSize(int(qMax(10.0, size * 0.16)));
    painter.setFont(big);
    painter.setPen(field.value ? colorOf(*field.value) : theme().secondaryText);
    painter.drawText(arc, Qt::AlignCenter, text);
    painter.setFont(font());
    painter.setPen(theme().text);
    if (m_fields.size() > 1)
        painter.drawText(QRectF(cell.left(), circle.top() + size * 0.75, cell.width(), fontMetrics().height()),
            Qt::AlignCenter, field.name);
}

void GaugePanel::paintBar(QPainter& painter, const QRectF& cell, const PanelFields::Field& field)
{
    const QFontMetrics metrics = fontMetrics();
    const double nameWidth =
        m_fields.size() > 1 ? qMin(cell.width() * 0.3, double(metrics.horizontalAdvance(field.name) + 8)) : 0;
    const QString text =
        field.value ? GrafanaUnits::format(*field.value, m_defaults.unit, m_defaults.decimals) : tr("No data");
    const double valueWidth = metrics.horizontalAdvance(text) + 8;
    const QRectF track(
        cell.left() + nameWidth, cell.top(), qMax(4.0, cell.width() - nameWidth - valueWidth), cell.height());
    painter.setPen(theme().text);
    if (nameWidth > 0)
        painter.drawText(QRectF(cell.left(), cell.top(), nameWidth - 4, cell.height()),
            Qt::AlignRight | Qt::AlignVCenter, metrics.elidedText(field.name, Qt::ElideRight, int(nameWidth - 4)));
    painter.fillRect(track, theme().grid);
    if (field.value) {
        QColor fill = colorOf(*field.value);
        painter.fillRect(
            QRectF(track.left(), track.top(), track.width() * fraction(*field.value), track.height()), fill);
        painter.setPen(fill);
    }
    painter.drawText(
        QRectF(track.right() + 4, cell.top(), valueWidth, cell.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
}
