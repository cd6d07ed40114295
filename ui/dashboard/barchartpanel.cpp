#include "barchartpanel.h"

#include "dashboardsession.h"
#include "panelfields.h"
#include "query/grafanaunits.h"
#include "queryresultmodel.h"

#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

BarChartPanel::BarChartPanel(QWidget* parent)
    : PanelContent(parent)
{ }

void BarChartPanel::showResults(const DashboardSession& session, int panel)
{
    const GrafanaPanel& definition = session.dashboard().panels.at(panel);
    m_defaults = definition.defaults;
    m_horizontal = definition.options.value(u"orientation"_s).toString() == u"horizontal"_s;
    m_showValues = definition.options.value(u"showValue"_s).toString(u"auto"_s) != u"never"_s;
    m_categories = {};
    const QList<const QueryResultModel*> results = session.panelResults(panel);
    if (!results.isEmpty()) {
        const ResultChartData::Shape shape = ResultChartData::analyse(results.first()->columns());
        if (!shape.valueColumns.isEmpty())
            m_categories = ResultChartData::categories(*results.first(), shape, 500);
    }
    update();
}

QColor BarChartPanel::barColor(int series, double value) const
{
    if (m_defaults.colorMode == u"thresholds"_s) {
        const QString name = PanelFields::thresholdColor(m_defaults, value);
        return PanelTheme::named(name.isEmpty() ? u"green"_s : name, PanelTheme::series(series));
    }
    if (m_defaults.colorMode == u"fixed"_s)
        return PanelTheme::named(m_defaults.fixedColor, PanelTheme::series(series));
    return PanelTheme::series(series);
}

void BarChartPanel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qsizetype count = m_categories.labels.size();
    const qsizetype groups = m_categories.values.size();
    if (count == 0 || groups == 0) {
        paintNoData(painter);
        return;
    }
    double high = 0;
    for (const ResultChartData::Series& series : std::as_const(m_categories.values)) {
        for (const QPointF& point : series.points) {
            if (!std::isnan(point.y()))
                high = qMax(high, point.y());
        }
    }
    if (high <= 0)
        high = 1;
    const QFontMetrics metrics = fontMetrics();
    double labelSpace = 0;
    for (const QString& label : std::as_const(m_categories.labels))
        labelSpace = qMax(labelSpace, double(metrics.horizontalAdvance(label)));
    labelSpace = m_horizontal ? qMin(labelSpace + 8, width() * 0.35) : metrics.height() + 6;
    const QRectF area = m_horizontal ? QRectF(labelSpace, 4, width() - labelSpace - 8, height() - 8)
                                     : QRectF(8, 4, width() - 16, height() - 8 - labelSpace);
    const double slot = (m_horizontal ? area.height() : area.width()) / double(count);
    const double bar = slot * 0.7 / double(groups);
    for (qsizetype row = 0; row < count; ++row) {
        const double slotStart = (m_horizontal ? area.top() : area.left()) + slot * double(row) + slot * 0.15;
        painter.setPen(theme().text);
        const QString label =
            metrics.elidedText(m_categories.labels.at(row), Qt::ElideRight, int(m_horizontal ? labelSpace - 8 : slot));
        if (m_horizontal)
            painter.drawText(
                QRectF(0, slotStart, labelSpace - 6, slot * 0.7), Qt::AlignRight | Qt::AlignVCenter, label);
        else
            painter.drawText(QRectF(slotStart - slot * 0.15, area.bottom() + 2, slot, labelSpace),
                Qt::AlignHCenter | Qt::AlignTop, label);
        for (qsizetype group = 0; group < groups; ++group) {
            const double value = m_categories.values.at(group).points.value(row).y();
            if (std::isnan(value))
                continue;
            const double length = qMax(0.0, value) / high * (m_horizontal ? area.width() * 0.9 : area.height() * 0.9);
            const double offset = slotStart + bar * double(group);
            const QRectF rect = m_horizontal ? QRectF(area.left(), offset, length, bar)
                                             : QRectF(offset, area.bottom() - length, bar, length);
            QColor fill = barColor(int(group), value);
            painter.setPen(QPen(fill, 1));
            fill.setAlpha(200);
            painter.setBrush(fill);
            painter.drawRect(rect);
            if (m_showValues) {
                painter.setPen(theme().text);
                const QString text = GrafanaUnits::format(value, m_defaults.unit, m_defaults.decimals);
                if (m_horizontal)
                    painter.drawText(QRectF(rect.right() + 4, rect.top(), 200, rect.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, text);
                else
                    painter.drawText(QRectF(rect.left() - 20, rect.top() - metrics.height() - 1, rect.width() + 40,
                                         metrics.height()),
                        Qt::AlignCenter, text);
            }
        }
    }
}
