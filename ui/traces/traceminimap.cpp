#include "traceminimap.h"

#include "servicepalette.h"
#include "traceoutline.h"
#include "tracewaterfallview.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

TraceMinimap::TraceMinimap(TraceOutline* outline, TraceWaterfallView* view, QWidget* parent)
    : QWidget(parent)
    , m_outline(outline)
    , m_view(view)
{
    setAccessibleName(tr("Trace overview"));
    setToolTip(tr("The whole trace: click or drag to move the waterfall there."));
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_outline, &TraceOutline::rowsChanged, this, [this] {
        m_barsStale = true;
        update();
    });
    connect(m_view, &TraceWaterfallView::visibleRowsChanged, this, qOverload<>(&QWidget::update));
}

void TraceMinimap::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_barsStale = true;
}

void TraceMinimap::renderBars()
{
    const qreal ratio = devicePixelRatioF();
    m_bars = QImage(size() * ratio, QImage::Format_ARGB32_Premultiplied);
    m_bars.setDevicePixelRatio(ratio);
    m_bars.fill(palette().color(QPalette::Base));
    const TraceTree& tree = m_outline->tree();
    const qsizetype rows = m_outline->rowCount();
    if (rows == 0 || m_bars.isNull())
        return;
    // Written into the scan lines directly: 10,000 spans through QPainter cost several
    // milliseconds on the GUI thread, each fill being a few pixels.
    const int width = m_bars.width();
    const int height = m_bars.height();
    const double length = double(qMax<quint64>(1, tree.endNs() - tree.startNs()));
    QList<QRgb> colours;
    for (int service = 0; service < tree.services().size(); ++service)
        colours.append(ServicePalette::color(service).rgb());
    const QRgb error = ServicePalette::errorColor().rgb();
    for (qsizetype row = 0; row < rows; ++row) {
        const qsizetype span = m_outline->spanAt(row);
        const int left = qBound(0, int(width * double(tree.spanStartNs(span) - tree.startNs()) / length), width - 1);
        const int right = qBound(left + 1, int(width * double(tree.spanEndNs(span) - tree.startNs()) / length), width);
        const int top = int(double(height) * double(row) / double(rows));
        const int bottom = qMax(top + 1, int(double(height) * double(row + 1) / double(rows)));
        const QRgb colour = tree.isError(span) ? error : colours.at(tree.serviceIndexOf(span));
        for (int y = top; y < qMin(bottom, height); ++y) {
            auto* line = reinterpret_cast<QRgb*>(m_bars.scanLine(y));
            std::fill(line + left, line + right, colour);
        }
    }
}

void TraceMinimap::paintEvent(QPaintEvent*)
{
    if (m_barsStale) {
        renderBars();
        m_barsStale = false;
    }
    QPainter painter(this);
    painter.drawImage(QPoint(0, 0), m_bars);
    const qsizetype rows = m_outline->rowCount();
    if (rows > 0) {
        const double top = height() * double(m_view->firstVisibleRow()) / double(rows);
        const double bottom = height() * double(m_view->lastVisibleRow() + 1) / double(rows);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(QColor(128, 128, 128, 40));
        painter.drawRect(QRectF(1, top + 1, width() - 2, qMax(3.0, bottom - top - 2)));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void TraceMinimap::scrollTo(int y)
{
    const qsizetype rows = m_outline->rowCount();
    if (rows == 0 || height() == 0)
        return;
    const qsizetype row = qBound<qsizetype>(0, qsizetype(double(y) / height() * double(rows)), rows - 1);
    const qsizetype inSight = m_view->lastVisibleRow() - m_view->firstVisibleRow() + 1;
    m_view->setTopRow(row - inSight / 2);
}

void TraceMinimap::mousePressEvent(QMouseEvent* event)
{
    scrollTo(int(event->position().y()));
}

void TraceMinimap::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        scrollTo(int(event->position().y()));
}
