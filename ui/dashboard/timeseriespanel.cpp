#include "timeseriespanel.h"

#include "dashboardsession.h"
#include "query/grafanaunits.h"
#include "queryresultmodel.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
/// 1, 2 or 5 times a power of ten: about `ticks` steps over `span`.
double niceStep(double span, int ticks)
{
    const double raw = span / qMax(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : { 1.0, 2.0, 5.0, 10.0 }) {
        if (factor * power >= raw)
            return factor * power;
    }
    return 10 * power;
}

qint64 timeStep(qint64 spanMs, int ticks)
{
    static const qint64 steps[] = { 1000, 5000, 10000, 30000, 60000, 300000, 600000, 900000, 1800000, 3600000,
        3 * 3600000, 6 * 3600000, 12 * 3600000, 86400000, 7 * 86400000LL, 30 * 86400000LL };
    for (const qint64 step : steps) {
        if (spanMs / step <= ticks)
            return step;
    }
    return 365 * 86400000LL;
}
} // namespace

TimeSeriesPanel::TimeSeriesPanel(QWidget* parent)
    : PanelContent(parent)
{
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
}

void TimeSeriesPanel::showResults(const DashboardSession& session, int panel)
{
    const GrafanaPanel& definition = session.dashboard().panels.at(panel);
    m_defaults = definition.defaults;
    m_displayZone = session.displayZone();
    m_fromMs = session.rangeFromMs();
    m_toMs = qMax(session.rangeToMs(), m_fromMs + 1);
    m_series.clear();
    setColorOverrides(definition.colorOverrides);
    for (const QueryResultModel* result : session.panelResults(panel)) {
        const ResultChartData::Shape shape = ResultChartData::analyse(result->columns());
        if (shape.timeColumn >= 0 && !shape.valueColumns.isEmpty())
            m_series += ResultChartData::timeSeries(*result, shape, session.serverZone());
    }
    m_low = m_defaults.min.value_or(qInf());
    m_high = m_defaults.max.value_or(-qInf());
    for (const ResultChartData::Series& series : std::as_const(m_series)) {
        for (const QPointF& point : series.points) {
            if (!std::isnan(point.y())) {
                m_low = m_defaults.min ? m_low : qMin(m_low, point.y());
                m_high = m_defaults.max ? m_high : qMax(m_high, point.y());
            }
        }
    }
    if (!std::isfinite(m_low) || !std::isfinite(m_high)) {
        m_low = 0;
        m_high = 1;
    }
    if (!m_defaults.min && m_low > 0)
        m_low = 0; // Grafana's soft minimum for counts
    if (m_high <= m_low)
        m_high = m_low + 1;
    m_step = niceStep(m_high - m_low, 4);
    if (!m_defaults.max)
        m_high = std::ceil(m_high / m_step) * m_step;
    m_fillOpacity = qBound(0.0, m_defaults.custom.value(u"fillOpacity"_s).toDouble(0), 100.0) / 100.0;
    m_lineWidth = qBound(0.5, m_defaults.custom.value(u"lineWidth"_s).toDouble(1), 10.0);
    update();
}

QStringList TimeSeriesPanel::seriesNames() const
{
    QStringList names;
    for (const ResultChartData::Series& series : m_series)
        names.append(series.name);
    return names;
}

qsizetype TimeSeriesPanel::pointCount() const
{
    qsizetype count = 0;
    for (const ResultChartData::Series& series : m_series)
        count += series.points.size();
    return count;
}

int TimeSeriesPanel::legendHeight() const
{
    return m_series.isEmpty() ? 0 : qMin(3, int(m_series.size() / 4) + 1) * (fontMetrics().height() + 2) + 4;
}

QRectF TimeSeriesPanel::plotArea() const
{
    const QFontMetrics metrics = fontMetrics();
    const double left =
        8 + metrics.horizontalAdvance(GrafanaUnits::format(m_high, m_defaults.unit, m_defaults.decimals));
    return QRectF(left, 6, qMax(10.0, width() - left - 10),
        qMax(10.0, double(height() - 12 - metrics.height() - legendHeight())));
}

double TimeSeriesPanel::xOf(qint64 ms, const QRectF& area) const
{
    return area.left() + area.width() * double(ms - m_fromMs) / double(m_toMs - m_fromMs);
}

qint64 TimeSeriesPanel::msAt(double x, const QRectF& area) const
{
    return m_fromMs + qint64((x - area.left()) / area.width() * double(m_toMs - m_fromMs));
}

double TimeSeriesPanel::yOf(double value, const QRectF& area) const
{
    return area.bottom() - (value - m_low) / (m_high - m_low) * area.height();
}

void TimeSeriesPanel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = plotArea();
    const QFontMetrics metrics = fontMetrics();
    // Value axis and its grid.
    painter.setPen(theme().secondaryText);
    for (double value = m_low; value <= m_high + m_step / 2; value += m_step) {
        const double y = yOf(value, area);
        painter.setPen(theme().grid);
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        painter.setPen(theme().secondaryText);
        painter.drawText(QRectF(0, y - metrics.height() / 2.0, area.left() - 4, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, GrafanaUnits::format(value, m_defaults.unit, m_defaults.decimals));
    }
    // Time axis: labels in the display zone, at round steps.
    const int ticks = qMax(2, int(area.width() / 90));
    const qint64 step = timeStep(m_toMs - m_fromMs, ticks);
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(m_fromMs, m_displayZone);
    const qint64 offset = qint64(first.offsetFromUtc()) * 1000;
    const QString format = m_toMs - m_fromMs > 86400000 ? u"MM/dd HH:mm"_s : u"HH:mm"_s;
    for (qint64 t = ((m_fromMs + offset) / step + 1) * step - offset; t < m_toMs; t += step) {
        const double x = xOf(t, area);
        painter.setPen(theme().grid);
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        painter.setPen(theme().secondaryText);
        painter.drawText(QRectF(x - 50, area.bottom() + 2, 100, metrics.height()), Qt::AlignCenter,
            QDateTime::fromMSecsSinceEpoch(t, m_displayZone).toString(format));
    }
    if (m_series.isEmpty()) {
        painter.setPen(theme().secondaryText);
        painter.drawText(area, Qt::AlignCenter, tr("No data"));
        return;
    }
    painter.save();
    painter.setClipRect(area);
    for (qsizetype index = 0; index < m_series.size(); ++index) {
        QPainterPath path;
        bool drawing = false;
        for (const QPointF& point : m_series.at(index).points) {
            if (std::isnan(point.y())) {
                drawing = false;
                continue;
            }
            const QPointF at(xOf(qint64(point.x()), area), yOf(point.y(), area));
            drawing ? path.lineTo(at) : path.moveTo(at);
            drawing = true;
        }
        const QColor color = seriesColor(m_series.at(index).name, int(index));
        if (m_fillOpacity > 0 && !path.isEmpty()) {
            QPainterPath fill = path;
            fill.lineTo(path.currentPosition().x(), area.bottom());
            fill.lineTo(path.elementAt(0).x, area.bottom());
            fill.closeSubpath();
            QColor fillColor = color;
            fillColor.setAlphaF(float(m_fillOpacity));
            painter.fillPath(fill, fillColor);
        }
        painter.setPen(QPen(color, m_lineWidth));
        painter.drawPath(path);
    }
    if (m_dragStart >= 0 && m_hoverX >= 0) {
        QColor band = theme().text;
        band.setAlpha(40);
        painter.fillRect(QRectF(QPointF(qMin(m_dragStart, m_hoverX), area.top()),
                             QPointF(qMax(m_dragStart, m_hoverX), area.bottom())),
            band);
    }
    painter.restore();
    // The legend: every series' colour and name, in rows under the axis.
    double x = area.left();
    double y = area.bottom() + metrics.height() + 6;
    for (qsizetype index = 0; index < m_series.size(); ++index) {
        const QString name = metrics.elidedText(m_series.at(index).name, Qt::ElideRight, 200);
        const double itemWidth = 18 + metrics.horizontalAdvance(name) + 12;
        if (x + itemWidth > width() && x > area.left()) {
            x = area.left();
            y += metrics.height() + 2;
        }
        if (y + metrics.height() > height())
            break;
        painter.fillRect(
            QRectF(x, y + metrics.height() / 2.0 - 2, 14, 4), seriesColor(m_series.at(index).name, int(index)));
        painter.setPen(theme().text);
        painter.drawText(QPointF(x + 18, y + metrics.ascent()), name);
        x += itemWidth;
    }
    // The crosshair, and each series' value at it.
    if (m_hoverX >= area.left() && m_hoverX <= area.right() && m_dragStart < 0) {
        painter.setPen(QPen(theme().secondaryText, 1, Qt::DashLine));
        painter.drawLine(QPointF(m_hoverX, area.top()), QPointF(m_hoverX, area.bottom()));
        const qint64 at = msAt(m_hoverX, area);
        QStringList lines { QDateTime::fromMSecsSinceEpoch(at, m_displayZone).toString(u"yyyy-MM-dd HH:mm:ss"_s) };
        QList<QColor> colors { theme().text };
        for (qsizetype index = 0; index < m_series.size() && lines.size() <= 10; ++index) {
            const QList<QPointF>& points = m_series.at(index).points;
            const auto nearest = std::lower_bound(points.begin(), points.end(), double(at),
                [](const QPointF& point, double time) { return point.x() < time; });
            if (nearest == points.end() && points.isEmpty())
                continue;
            const QPointF point = nearest == points.end() ? points.last() : *nearest;
            lines.append(m_series.at(index).name + u": "_s
                + GrafanaUnits::format(point.y(), m_defaults.unit, m_defaults.decimals));
            colors.append(seriesColor(m_series.at(index).name, int(index)));
        }
        double boxWidth = 0;
        for (const QString& line : std::as_const(lines))
            boxWidth = qMax(boxWidth, double(metrics.horizontalAdvance(line)));
        QRectF box(m_hoverX + 12, area.top() + 4, boxWidth + 12, double(lines.size() * metrics.height() + 8));
        if (box.right() > width())
            box.moveRight(m_hoverX - 12);
        painter.fillRect(box, theme().panel.lighter(130));
        painter.setPen(theme().border);
        painter.drawRect(box);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            painter.setPen(colors.at(i));
            painter.drawText(
                QPointF(box.left() + 6, box.top() + 4 + metrics.ascent() + i * metrics.height()), lines.at(i));
        }
    }
}

void TimeSeriesPanel::mouseMoveEvent(QMouseEvent* event)
{
    m_hoverX = event->position().x();
    update();
}

void TimeSeriesPanel::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        m_dragStart = event->position().x();
}

void TimeSeriesPanel::mouseReleaseEvent(QMouseEvent* event)
{
    const double start = m_dragStart;
    m_dragStart = -1;
    const double end = event->position().x();
    update();
    if (start < 0 || qAbs(end - start) < 5)
        return;
    const QRectF area = plotArea();
    Q_EMIT rangeSelected(msAt(qMin(start, end), area), msAt(qMax(start, end), area));
}

void TimeSeriesPanel::leaveEvent(QEvent*)
{
    m_hoverX = -1;
    update();
}
