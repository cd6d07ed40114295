#pragma once

#include "dashboard/paneltheme.h"
#include "dashboardlibrary.h"
#include "dashboardsession.h"

#include <QList>
#include <QPair>
#include <QTimer>
#include <QWidget>

class DashboardView;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QScrollArea;
class VariableBar;

/// The Dashboards page: the library (the built-in dashboards first, then the imported ones, with
/// import, export and remove), and the chosen dashboard on Grafana's grid with its time range
/// (Grafana's expressions and presets; a range dragged on a time series zooms, Back returns),
/// refresh and auto-refresh (off to 5 m, the dashboard's own by default), variables, and a dark
/// or light theme (dark by default, as Grafana).
class DashboardsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardsPage(const QString& libraryFolder, QWidget* parent = nullptr);
    ~DashboardsPage() override;
    Q_DISABLE_COPY_MOVE(DashboardsPage)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    /// Opens a dashboard of the library by uid; false when there is none or it cannot be read.
    bool open(const QString& uid);
    void refresh();
    bool setTimeRange(const QString& from, const QString& to);
    void zoomBack();
    void setAutoRefreshSeconds(int seconds);
    int autoRefreshSeconds() const;
    void setDarkTheme(bool dark);

    DashboardSession* session() { return &m_session; }
    DashboardView* view() const { return m_view; }
    DashboardLibrary* library() { return &m_library; }
    QString statusText() const;

Q_SIGNALS:
    void openInQuery(const QString& sql);

private:
    void reloadLibrary(const QString& select = {});
    void importDashboard();
    void exportDashboard();
    void removeDashboard();
    void applyRangeFields();
    void showStatus(const QString& text);

    DashboardLibrary m_library;
    DashboardSession m_session;
    bool m_hasServer = false;
    QListWidget* m_list;
    QLineEdit* m_from;
    QLineEdit* m_to;
    QComboBox* m_presets;
    QComboBox* m_autoRefresh;
    QComboBox* m_theme;
    VariableBar* m_variables;
    QLabel* m_status;
    QScrollArea* m_scroll;
    DashboardView* m_view;
    QTimer m_refreshTimer;
    QList<QPair<QString, QString>> m_zoomHistory;
};
