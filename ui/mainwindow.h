#pragma once

#include "navigationmodel.h"

#include <QMainWindow>

class ClickHouseProbe;
class ClickHouseServerInfoLoader;
class ClickHouseStatusIndicator;
class HealthPage;
class QueryPage;
class LocalClickHouse;
class QListView;
class QStackedWidget;

/// The workbench's one window: a sidebar of pages (Send, Replay, Live, Query, Dashboards,
/// Health), the pages themselves, a status bar that says whether ClickHouse is reachable, and
/// the menus. It drives engine objects it is given; it owns none of them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    /// `managed` is the local ClickHouse the app runs (null when it talks to an external server).
    MainWindow(LocalClickHouse* managed, ClickHouseProbe* probe, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(NavigationModel::Page page);
    NavigationModel::Page currentPage() const;
    QWidget* pageWidget(NavigationModel::Page page) const;
    HealthPage* healthPage() const { return m_healthPage; }
    QueryPage* queryPage() const { return m_queryPage; }
    QString clickHouseStatusText() const;
    const NavigationModel* navigation() const { return &m_navigation; }

    void showAbout();

private:
    void buildPages();
    void buildMenus();

    LocalClickHouse* m_managed;
    ClickHouseProbe* m_probe;
    NavigationModel m_navigation;
    QListView* m_sidebar;
    QStackedWidget* m_pages;
    HealthPage* m_healthPage = nullptr;
    QueryPage* m_queryPage = nullptr;
    ClickHouseServerInfoLoader* m_serverInfo;
    ClickHouseStatusIndicator* m_statusIndicator;
};
