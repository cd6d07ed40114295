#pragma once

#include <QAbstractScrollArea>

class TraceOutline;

/// The waterfall of one trace: a row per visible span, its name indented under its parent with
/// an arrow that collapses the subtree, and a bar on the trace's time axis in its service's
/// colour. Errors are outlined red, spans on the critical path carry a dark line through their
/// bar, matches of the search inside the trace are tinted. Only the rows in sight are painted,
/// so a trace of any size scrolls at the same cost. Keyboard: arrows move and fold, Enter folds.
class TraceWaterfallView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit TraceWaterfallView(TraceOutline* outline, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TraceWaterfallView)

    int rowHeight() const { return m_rowHeight; }
    /// The rows in sight: [first, last].
    qsizetype firstVisibleRow() const;
    qsizetype lastVisibleRow() const;
    /// Scrolls so that the row is in sight (centred when it was far off).
    void scrollToRow(qsizetype row);
    /// Scrolls so that the row is the first in sight (as far as the rows below allow).
    void setTopRow(qsizetype row);
    /// The row under a point of the viewport, or -1.
    qsizetype rowAt(QPoint viewportPoint) const;

Q_SIGNALS:
    void visibleRowsChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void updateScrollRange();
    int nameWidth() const;
    int headerHeight() const { return m_rowHeight; }
    /// The x of a moment on the time axis, in viewport coordinates.
    double xOf(quint64 unixNanoseconds) const;
    void paintHeader(QPainter* painter) const;
    void paintRow(QPainter* painter, qsizetype row, int y) const;
    QRect arrowRect(qsizetype span, int y) const;
    void moveSelection(qsizetype row);

    TraceOutline* m_outline;
    int m_rowHeight;
};
