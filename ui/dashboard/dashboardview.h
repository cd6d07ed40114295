#pragma once

#include "paneltheme.h"

#include <QList>
#include <QWidget>

class DashboardPanelView;
class DashboardSession;

/// A dashboard's panels on Grafana's grid (GrafanaGridLayout): laid out again whenever the width
/// changes or a row opens or closes, each panel following what the session says about it, one
/// panel at a time in full screen on request. Its height is the grid's, so that a scroll area
/// around it scrolls the dashboard.
class DashboardView final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(DashboardSession* session, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(DashboardView)

    /// Makes the panels again, for the session's dashboard.
    void rebuild();
    /// Removes the panels: before the session starts over, whose results they show.
    void clear();
    void setTheme(const PanelTheme& theme);
    const PanelTheme& theme() const { return m_theme; }
    /// The panel shown alone (-1: all).
    void setFullScreenPanel(int panel);
    int fullScreenPanel() const { return m_fullScreen; }
    DashboardPanelView* panelView(int panel) const;
    const QList<DashboardPanelView*>& panelViews() const { return m_views; }
    /// The height the grid needs at `width`.
    int gridHeight(int width) const;

Q_SIGNALS:
    void rangeSelected(qint64 fromMs, qint64 toMs);
    void openInQuery(const QString& sql);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void relayout();

    DashboardSession* m_session;
    QList<DashboardPanelView*> m_views;
    PanelTheme m_theme = PanelTheme::darkTheme();
    int m_fullScreen = -1;
};
