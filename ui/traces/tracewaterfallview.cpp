#include "tracewaterfallview.h"

#include "pluralcount.h"
#include "servicepalette.h"
#include "traceformat.h"
#include "traceoutline.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace {
constexpr int indentStep = 14;
constexpr int arrowSize = 12;
constexpr int tickCount = 5;

/// The selected row: the highlight mixed into the base, so the row's own text (in the Text
/// colour) stays readable in a light palette and in a dark one alike.
QColor selectionTint(const QPalette& palette, qreal share)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [share](int a, int b) { return int(a * share + b * (1 - share)); };
    return QColor(
        mix(highlight.red(), base.red()), mix(highlight.green(), base.green()), mix(highlight.blue(), base.blue()));
}
} // namespace

TraceWaterfallView::TraceWaterfallView(TraceOutline* outline, QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_outline(outline)
    , m_rowHeight(fontMetrics().height() + 8)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Trace waterfall"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    connect(m_outline, &TraceOutline::rowsChanged, this, [this] {
        updateScrollRange();
        viewport()->update();
    });
    connect(m_outline, &TraceOutline::selectionChanged, this, [this](qsizetype span) {
        if (span >= 0)
            scrollToRow(m_outline->rowOf(span));
        viewport()->update();
    });
    connect(m_outline, &TraceOutline::matchesChanged, viewport(), qOverload<>(&QWidget::update));
}

int TraceWaterfallView::nameWidth() const
{
    return qBound(160, viewport()->width() * 2 / 5, 480);
}

qsizetype TraceWaterfallView::firstVisibleRow() const
{
    return qMin<qsizetype>(verticalScrollBar()->value() / m_rowHeight, qMax<qsizetype>(0, m_outline->rowCount() - 1));
}

qsizetype TraceWaterfallView::lastVisibleRow() const
{
    const int bottom = verticalScrollBar()->value() + viewport()->height() - headerHeight() - 1;
    return qMin<qsizetype>(bottom / m_rowHeight, m_outline->rowCount() - 1);
}

qsizetype TraceWaterfallView::rowAt(QPoint viewportPoint) const
{
    if (viewportPoint.y() < headerHeight())
        return -1;
    const qsizetype row = (viewportPoint.y() - headerHeight() + verticalScrollBar()->value()) / m_rowHeight;
    return row < m_outline->rowCount() ? row : -1;
}

void TraceWaterfallView::scrollToRow(qsizetype row)
{
    if (row < 0)
        return;
    const int top = int(row) * m_rowHeight;
    const int visible = viewport()->height() - headerHeight();
    const int value = verticalScrollBar()->value();
    if (top >= value && top + m_rowHeight <= value + visible)
        return;
    const bool near = top >= value - visible && top <= value + 2 * visible;
    verticalScrollBar()->setValue(near ? (top < value ? top : top + m_rowHeight - visible) : top - visible / 2);
}

void TraceWaterfallView::setTopRow(qsizetype row)
{
    verticalScrollBar()->setValue(int(qMax<qsizetype>(0, row)) * m_rowHeight);
}

void TraceWaterfallView::updateScrollRange()
{
    const int content = int(m_outline->rowCount()) * m_rowHeight;
    const int visible = qMax(0, viewport()->height() - headerHeight());
    verticalScrollBar()->setRange(0, qMax(0, content - visible));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(m_rowHeight);
}

void TraceWaterfallView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
}

void TraceWaterfallView::scrollContentsBy(int, int)
{
    viewport()->update();
    Q_EMIT visibleRowsChanged();
}

double TraceWaterfallView::xOf(quint64 unixNanoseconds) const
{
    const TraceTree& tree = m_outline->tree();
    const double left = nameWidth() + 8;
    const double width = qMax(10, viewport()->width() - nameWidth() - 16);
    const double span = double(qMax<quint64>(1, tree.endNs() - tree.startNs()));
    return left + width * double(unixNanoseconds - qMin(unixNanoseconds, tree.startNs())) / span;
}

void TraceWaterfallView::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    if (m_outline->tree().isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("Open a trace from the results to see its spans."));
        return;
    }
    const qsizetype first = firstVisibleRow();
    const qsizetype last = lastVisibleRow();
    const int offset = verticalScrollBar()->value();
    painter.save();
    painter.setClipRect(QRect(0, headerHeight(), viewport()->width(), viewport()->height() - headerHeight()));
    for (qsizetype row = first; row <= last; ++row)
        paintRow(&painter, row, headerHeight() + int(row) * m_rowHeight - offset);
    painter.restore();
    paintHeader(&painter);
}

void TraceWaterfallView::paintHeader(QPainter* painter) const
{
    const TraceTree& tree = m_outline->tree();
    const QRect header(0, 0, viewport()->width(), headerHeight());
    painter->fillRect(header, palette().color(QPalette::Window));
    painter->setPen(palette().color(QPalette::WindowText));
    painter->drawText(header.adjusted(6, 0, -nameWidth(), 0), Qt::AlignVCenter | Qt::AlignLeft,
        tr("%Ln span(s), %1", nullptr, PluralCount::n(tree.size()))
            .arg(TraceFormat::duration(tree.endNs() - tree.startNs())));
    const quint64 length = tree.endNs() - tree.startNs();
    QColor grid = palette().color(QPalette::Mid);
    for (int tick = 0; tick < tickCount; ++tick) {
        const quint64 at = tree.startNs() + length * quint64(tick) / (tickCount - 1);
        const int x = int(xOf(at));
        painter->setPen(grid);
        painter->drawLine(x, headerHeight() - 4, x, viewport()->height());
        painter->setPen(palette().color(QPalette::WindowText));
        const QString label = tick == 0 ? u"0"_s : TraceFormat::duration(at - tree.startNs());
        const int width = painter->fontMetrics().horizontalAdvance(label);
        const int left = tick == tickCount - 1 ? x - width - 3 : tick == 0 ? x + 3 : x - width / 2;
        painter->drawText(QRect(left, 0, width + 2, headerHeight() - 4), Qt::AlignVCenter, label);
    }
    painter->setPen(grid);
    painter->drawLine(0, headerHeight() - 1, viewport()->width(), headerHeight() - 1);
}

QRect TraceWaterfallView::arrowRect(qsizetype span, int y) const
{
    const int indent = qMin(m_outline->tree().depthOf(span) * indentStep, nameWidth() - 80);
    return QRect(4 + indent, y + (m_rowHeight - arrowSize) / 2, arrowSize, arrowSize);
}

void TraceWaterfallView::paintRow(QPainter* painter, qsizetype row, int y) const
{
    const TraceTree& tree = m_outline->tree();
    const qsizetype span = m_outline->spanAt(row);
    const SpanRecord& record = tree.span(span).record;
    const QRect line(0, y, viewport()->width(), m_rowHeight);
    if (span == m_outline->selected())
        painter->fillRect(line, selectionTint(palette(), row % 2 ? 0.45 : 0.38));
    else if (m_outline->isMatch(span))
        painter->fillRect(line, QColor(0xf2, 0xcc, 0x0c, 70));
    else if (row % 2)
        painter->fillRect(line, palette().color(QPalette::AlternateBase));

    const QColor colour = ServicePalette::color(tree.serviceIndexOf(span));
    const QRect arrow = arrowRect(span, y);
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (!tree.childrenOf(span).isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette().color(QPalette::Text));
        const QPointF c = QRectF(arrow).center();
        const double h = arrowSize / 3.0;
        const QPolygonF shape = m_outline->isCollapsed(span)
            ? QPolygonF(
                { QPointF(c.x() - h / 2, c.y() - h), QPointF(c.x() + h, c.y()), QPointF(c.x() - h / 2, c.y() + h) })
            : QPolygonF(
                { QPointF(c.x() - h, c.y() - h / 2), QPointF(c.x() + h, c.y() - h / 2), QPointF(c.x(), c.y() + h) });
        painter->drawPolygon(shape);
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QRect swatch(arrow.right() + 4, y + 4, 4, m_rowHeight - 8);
    painter->fillRect(swatch, colour);

    QString name = QString::fromUtf8(record.name);
    if (m_outline->isCollapsed(span))
        name += u"  (+%1)"_s.arg(tree.descendantCount(span));
    const QRect text(swatch.right() + 6, y, nameWidth() - swatch.right() - 10, m_rowHeight);
    painter->setPen(tree.isError(span) ? ServicePalette::errorColor() : palette().color(QPalette::Text));
    painter->drawText(
        text, Qt::AlignVCenter | Qt::AlignLeft, painter->fontMetrics().elidedText(name, Qt::ElideRight, text.width()));

    // The bar: at least 2 px, so that an instant still shows.
    const double left = xOf(tree.spanStartNs(span));
    const double right = qMax(left + 2, xOf(tree.spanEndNs(span)));
    const QRectF bar(left, y + 4, right - left, m_rowHeight - 8);
    painter->fillRect(bar, colour);
    if (tree.isError(span)) {
        painter->setPen(QPen(ServicePalette::errorColor(), 2));
        painter->drawRect(bar.adjusted(1, 1, -1, -1));
    }
    if (tree.isOnCriticalPath(span))
        painter->fillRect(QRectF(left, y + m_rowHeight / 2.0 - 1.5, right - left, 3), QColor(20, 20, 20));
    const QString duration = TraceFormat::duration(tree.spanEndNs(span) - tree.spanStartNs(span));
    const int labelWidth = painter->fontMetrics().horizontalAdvance(duration) + 6;
    const bool labelRight = right + labelWidth < viewport()->width() - 4;
    painter->setPen(palette().color(QPalette::Text));
    painter->drawText(QRectF(labelRight ? right + 4 : left - labelWidth, y, labelWidth, m_rowHeight),
        Qt::AlignVCenter | (labelRight ? Qt::AlignLeft : Qt::AlignRight), duration);
}

void TraceWaterfallView::mousePressEvent(QMouseEvent* event)
{
    const qsizetype row = rowAt(event->position().toPoint());
    if (row < 0)
        return QAbstractScrollArea::mousePressEvent(event);
    const qsizetype span = m_outline->spanAt(row);
    const int y = headerHeight() + int(row) * m_rowHeight - verticalScrollBar()->value();
    if (arrowRect(span, y).adjusted(-3, -3, 3, 3).contains(event->position().toPoint()))
        m_outline->toggle(span);
    m_outline->select(span);
}

void TraceWaterfallView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const qsizetype row = rowAt(event->position().toPoint());
    if (row >= 0)
        m_outline->toggle(m_outline->spanAt(row));
}

void TraceWaterfallView::moveSelection(qsizetype row)
{
    if (m_outline->rowCount() == 0)
        return;
    m_outline->select(m_outline->spanAt(qBound<qsizetype>(0, row, m_outline->rowCount() - 1)));
}

void TraceWaterfallView::keyPressEvent(QKeyEvent* event)
{
    const qsizetype selected = m_outline->selected();
    if (selected >= 0)
        m_outline->reveal(selected); // folded away since it was selected: the keys move from it
    const qsizetype row = selected < 0 ? -1 : m_outline->rowOf(selected);
    const qsizetype page = qMax<qsizetype>(1, (viewport()->height() - headerHeight()) / m_rowHeight - 1);
    switch (event->key()) {
    case Qt::Key_Down:
        return moveSelection(row + 1);
    case Qt::Key_Up:
        return moveSelection(row < 0 ? 0 : row - 1);
    case Qt::Key_PageDown:
        return moveSelection(row + page);
    case Qt::Key_PageUp:
        return moveSelection(row - page);
    case Qt::Key_Home:
        return moveSelection(0);
    case Qt::Key_End:
        return moveSelection(m_outline->rowCount() - 1);
    case Qt::Key_Left:
        if (selected >= 0 && !m_outline->isCollapsed(selected) && !m_outline->tree().childrenOf(selected).isEmpty())
            return m_outline->setCollapsed(selected, true);
        if (selected >= 0 && m_outline->tree().parentOf(selected) >= 0)
            return m_outline->select(m_outline->tree().parentOf(selected));
        return;
    case Qt::Key_Right:
        if (selected >= 0)
            m_outline->setCollapsed(selected, false);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (selected >= 0)
            m_outline->toggle(selected);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}
