#pragma once

#include "navigationmodel.h"

#include <QMainWindow>
#include <QPointer>

class ClickHouseProbe;
class SampleTelemetryLoader;
class TelemetryTablesProbe;
class ClickHouseServerInfoLoader;
class ClickHouseStatusIndicator;
class DashboardsPage;
class HealthPage;
class StackStateAnnouncer;
class QSystemTrayIcon;
class LivePage;
class TracesPage;
class QueryPage;
class ReplayPage;
class SendPage;
class LocalClickHouse;
class LocalCollector;
class QListView;
class QStackedWidget;
class SettingsDialog;
class ShortcutsDialog;
class WorkbenchSettings;

/// The workbench's one window: a sidebar of pages (Send, Replay, Live, Traces, Query,
/// Dashboards, Health), the pages themselves, a status bar that says whether ClickHouse is reachable, and
/// the menus. It drives the engine objects it is given (the app's, shared by every page); it owns
/// none of them. Pages not built yet are greyed in the sidebar and the View menu.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    /// The app's engine objects; any may be null (a test gives only what it exercises).
    struct Engines
    {
        LocalClickHouse* managed = nullptr; ///< null when the app talks to an external server
        ClickHouseProbe* probe = nullptr;
        TelemetryTablesProbe* tables = nullptr;
        SampleTelemetryLoader* sampleLoader = nullptr;
        /// Lives on its own thread: its signals are used here, and the Replay page's recording
        /// sets its capture sink with a blocking queued call. Null with an external server.
        LocalCollector* collector = nullptr;
        /// The effective settings (Settings… edits them); null: the defaults, no dialog.
        WorkbenchSettings* settings = nullptr;
    };

    explicit MainWindow(const Engines& engines, QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    void showPage(NavigationModel::Page page);
    NavigationModel::Page currentPage() const;
    QWidget* pageWidget(NavigationModel::Page page) const;
    HealthPage* healthPage() const { return m_healthPage; }
    const StackStateAnnouncer* announcer() const { return m_announcer; }
    QueryPage* queryPage() const { return m_queryPage; }
    DashboardsPage* dashboardsPage() const { return m_dashboardsPage; }
    SendPage* sendPage() const { return m_sendPage; }
    ReplayPage* replayPage() const { return m_replayPage; }
    LivePage* livePage() const { return m_livePage; }
    TracesPage* tracesPage() const { return m_tracesPage; }
    QString clickHouseStatusText() const;
    const NavigationModel* navigation() const { return &m_navigation; }

    void showAbout();
    /// Opens the Settings dialog (one at a time); null without settings.
    SettingsDialog* showSettings();
    /// Opens Help > Keyboard shortcuts, listing the menus' and the pages' shortcuts as they are now.
    ShortcutsDialog* showShortcuts();

private:
    void buildPages();
    /// Gives the Query page what the reachable server can do.
    void learnServer();
    void buildMenus();
    /// What applies at once when a setting changes (`key`; empty: all, at start): the theme
    /// and the Send and Replay defaults.
    void applySettings(const QString& key);
    /// A state change of the stack: in the status bar, and as a tray notification.
    void announce(const QString& text, bool problem);
    QString spoolFolder() const;

    Engines m_engines;
    NavigationModel m_navigation;
    QListView* m_sidebar;
    QStackedWidget* m_pages;
    HealthPage* m_healthPage = nullptr;
    QueryPage* m_queryPage = nullptr;
    DashboardsPage* m_dashboardsPage = nullptr;
    SendPage* m_sendPage = nullptr;
    ReplayPage* m_replayPage = nullptr;
    LivePage* m_livePage = nullptr;
    TracesPage* m_tracesPage = nullptr;
    ClickHouseServerInfoLoader* m_serverInfo;
    ClickHouseStatusIndicator* m_statusIndicator;
    QPointer<SettingsDialog> m_settingsDialog;
    StackStateAnnouncer* m_announcer;
    QSystemTrayIcon* m_tray = nullptr; ///< where the desktop has a tray
};
