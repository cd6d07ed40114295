#include "piepanel.h"

#include "dashboardsession.h"
#include "panelfields.h"
#include "query/grafanaunits.h"
#include "queryresultmodel.h"
#include "resultchartdata.h"

#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

PiePanel::PiePanel(QWidget* parent)
    : PanelContent(parent)
{ }

void PiePanel::showResults(const DashboardSession& session, int panel)
{
    const GrafanaPanel& definition = session.dashboard().panels.at(panel);
    m_defaults = definition.defaults;
    m_donut = definition.options.value(u"pieType"_s).toString() == u"donut"_s;
    m_slices.clear();
    setColorOverrides(definition.colorOverrides);
    const QList<const QueryResultModel*> results = session.panelResults(panel);
    for (const QueryResultModel* result : results) {
        const ResultChartData::Shape shape = ResultChartData::analyse(result->columns());
        if (shape.labelColumns.isEmpty() || shape.valueColumns.isEmpty())
            continue;
        const ResultChartData::Categories categories = ResultChartData::categories(*result, shape, 1000);
        for (qsizetype row = 0; row < categories.labels.size() && !categories.values.isEmpty(); ++row) {
            const double value = categories.values.first().points.value(row).y();
            if (!std::isnan(value) && value > 0)
                m_slices.append({ categories.labels.at(row), value });
        }
    }
    if (m_slices.isEmpty()) {
        for (const PanelFields::Field& field : PanelFields::reduce(results, definition.calcs)) {
            if (field.value && *field.value > 0)
                m_slices.append({ field.name, *field.value });
        }
    }
    update();
}

void PiePanel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_slices.isEmpty()) {
        paintNoData(painter);
        return;
    }
    double total = 0;
    for (const Slice& slice : std::as_const(m_slices))
        total += slice.value;
    const QFontMetrics metrics = fontMetrics();
    // The legend on the right: colour, name, value, percent.
    QStringList rows;
    double legendWidth = 0;
    for (const Slice& slice : std::as_const(m_slices)) {
        rows.append(u"%1  %2  %3%"_s.arg(metrics.elidedText(slice.name, Qt::ElideRight, 160),
            GrafanaUnits::format(slice.value, m_defaults.unit, m_defaults.decimals),
            QString::number(slice.value * 100 / total, 'f', 0)));
        legendWidth = qMax(legendWidth, double(metrics.horizontalAdvance(rows.last()) + 18));
    }
    legendWidth = qMin(legendWidth, width() * 0.5);
    const double diameter = qMax(10.0, qMin(width() - legendWidth - 24, double(height() - 12)));
    const QRectF circle(8, (height() - diameter) / 2, diameter, diameter);
    int start = 90 * 16;
    for (qsizetype index = 0; index < m_slices.size(); ++index) {
        const int span = int(std::lround(-m_slices.at(index).value / total * 360 * 16));
        painter.setPen(QPen(theme().panel, 1));
        painter.setBrush(seriesColor(m_slices.at(index).name, int(index)));
        painter.drawPie(circle, start, span);
        start += span;
    }
    if (m_donut) {
        painter.setBrush(theme().panel);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(circle.center(), diameter * 0.3, diameter * 0.3);
    }
    double y = qMax(4.0, (height() - rows.size() * (metrics.height() + 2)) / 2.0);
    const double x = circle.right() + 16;
    for (qsizetype index = 0; index < rows.size() && y + metrics.height() <= height(); ++index) {
        painter.fillRect(
            QRectF(x, y + metrics.height() / 2.0 - 4, 10, 8), seriesColor(m_slices.at(index).name, int(index)));
        painter.setPen(theme().text);
        painter.drawText(QRectF(x + 16, y, width() - x - 16, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(rows.at(index), Qt::ElideRight, int(width() - x - 16)));
        y += metrics.height() + 2;
    }
}
