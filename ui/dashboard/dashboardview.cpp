#include "dashboardview.h"

#include "dashboardpanelview.h"
#include "dashboardsession.h"
#include "query/grafanagridlayout.h"

#include <QKeyEvent>

DashboardView::DashboardView(DashboardSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setFocusPolicy(Qt::StrongFocus); // Esc leaves a panel's full screen
    setAccessibleName(tr("Dashboard panels"));
    setAutoFillBackground(true);
    connect(session, &DashboardSession::panelChanged, this, [this](int panel) {
        if (DashboardPanelView* view = panelView(panel))
            view->refresh();
    });
    setTheme(m_theme);
}

void DashboardView::clear()
{
    qDeleteAll(m_views);
    m_views.clear();
    m_fullScreen = -1;
}

void DashboardView::rebuild()
{
    clear();
    for (int panel = 0; panel < m_session->panelCount(); ++panel) {
        auto* view = new DashboardPanelView(m_session, panel, this);
        view->setTheme(m_theme);
        connect(view, &DashboardPanelView::rangeSelected, this, &DashboardView::rangeSelected);
        connect(view, &DashboardPanelView::openInQuery, this, &DashboardView::openInQuery);
        connect(view, &DashboardPanelView::fullScreenRequested, this,
            [this](int index) { setFullScreenPanel(m_fullScreen == index ? -1 : index); });
        connect(view, &DashboardPanelView::rowToggled, this, [this](int row) {
            m_session->setRowCollapsed(row, !m_session->dashboard().panels.at(row).collapsed);
            relayout();
        });
        m_views.append(view);
    }
    relayout();
}

void DashboardView::setTheme(const PanelTheme& theme)
{
    m_theme = theme;
    QPalette colors = palette();
    colors.setColor(QPalette::Window, theme.page);
    setPalette(colors);
    for (DashboardPanelView* view : std::as_const(m_views))
        view->setTheme(theme);
}

DashboardPanelView* DashboardView::panelView(int panel) const
{
    return panel >= 0 && panel < m_views.size() ? m_views.at(panel) : nullptr;
}

void DashboardView::setFullScreenPanel(int panel)
{
    m_fullScreen = panel;
    relayout();
}

int DashboardView::gridHeight(int width) const
{
    return GrafanaGridLayout::height(GrafanaGridLayout::place(m_session->dashboard().panels, width));
}

void DashboardView::relayout()
{
    const int margin = GrafanaGridLayout::margin;
    const int width = qMax(200, this->width() - 2 * margin);
    for (DashboardPanelView* view : std::as_const(m_views))
        view->hide();
    if (m_fullScreen >= 0 && m_fullScreen < m_views.size()) {
        DashboardPanelView* view = m_views.at(m_fullScreen);
        const int height = qMax(300, parentWidget() ? parentWidget()->height() - 2 * margin : 600);
        view->setGeometry(margin, margin, width, height);
        view->show();
        setMinimumHeight(height + 2 * margin);
        return;
    }
    const QList<GrafanaGridLayout::Placement> placements =
        GrafanaGridLayout::place(m_session->dashboard().panels, width);
    for (const GrafanaGridLayout::Placement& placement : placements) {
        DashboardPanelView* view = m_views.value(placement.panel);
        if (!view)
            continue;
        view->setGeometry(placement.rect.translated(margin, margin));
        view->show();
    }
    setMinimumHeight(GrafanaGridLayout::height(placements) + 2 * margin);
}

void DashboardView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void DashboardView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_fullScreen >= 0) {
        setFullScreenPanel(-1);
        return;
    }
    QWidget::keyPressEvent(event);
}
