#pragma once

#include <QImage>
#include <QWidget>

class TraceOutline;
class TraceWaterfallView;

/// The whole trace in a strip above the waterfall: every visible row as a thin bar on the time
/// axis, errors in red, and a frame around the rows in sight. Clicking or dragging moves the
/// waterfall there. The bars are drawn once into an image when the rows change, so scrolling only
/// moves the frame.
class TraceMinimap final : public QWidget
{
    Q_OBJECT

public:
    TraceMinimap(TraceOutline* outline, TraceWaterfallView* view, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TraceMinimap)

    QSize sizeHint() const override { return { 400, 64 }; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void renderBars();
    void scrollTo(int y);

    TraceOutline* m_outline;
    TraceWaterfallView* m_view;
    QImage m_bars;
    bool m_barsStale = true; ///< drawn again at the next paint, once however many changes came
};
