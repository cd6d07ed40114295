#include "mainwindow.h"

#include "apptheme.h"
#include "clickhouse/clickhouseserverinfoloader.h"
#include "clickhouse/localclickhouse.h"
#include "collector/localcollector.h"
#include "common/buildinfo.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "health/clickhouseprobe.h"
#include "health/telemetrytablesprobe.h"
#include "pages/dashboardspage.h"
#include "pages/healthpage.h"
#include "pages/livepage.h"
#include "pages/querypage.h"
#include "pages/replaypage.h"
#include "pages/sendpage.h"
#include "pages/tracespage.h"
#include "settings/settingsconfig.h"
#include "settings/workbenchsettings.h"
#include "stackstateannouncer.h"
#include "widgets/clickhousestatusindicator.h"
#include "widgets/destinationform.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QListView>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(const Engines& engines, QWidget* parent)
    : QMainWindow(parent)
    , m_engines(engines)
    , m_sidebar(new QListView(this))
    , m_pages(new QStackedWidget(this))
    , m_serverInfo(new ClickHouseServerInfoLoader(this))
    , m_statusIndicator(new ClickHouseStatusIndicator(engines.managed, engines.probe, this))
    , m_announcer(new StackStateAnnouncer(this))
{
    setWindowTitle(QString::fromLatin1(BuildInfo::displayName));
    setWindowIcon(QIcon(u":/icons/automagik-workbench.svg"_s));
    resize(1100, 700);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_sidebar->setModel(&m_navigation);
    m_sidebar->setIconSize(QSize(24, 24));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(180);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sidebar->setAccessibleName(tr("Pages"));
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    buildPages();
    buildMenus();
    statusBar()->addPermanentWidget(m_statusIndicator, 1);

    connect(
        m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
            if (current.isValid())
                m_pages->setCurrentIndex(current.row());
        });
    // The Query page needs to know what the server can do before it runs anything: learn it
    // whenever the server becomes reachable (again: it may be another one, or upgraded).
    if (m_engines.probe) {
        connect(m_engines.probe, &ClickHouseProbe::reachabilityChanged, this, [this](bool reachable) {
            if (reachable)
                learnServer();
        });
        if (m_engines.probe->hasSample() && m_engines.probe->lastSample().reachable)
            learnServer();
    }
    connect(m_serverInfo, &ClickHouseServerInfoLoader::loaded, m_queryPage, &QueryPage::setServer);
    connect(m_serverInfo, &ClickHouseServerInfoLoader::loaded, m_dashboardsPage, &DashboardsPage::setServer);
    connect(m_serverInfo, &ClickHouseServerInfoLoader::loaded, m_sendPage, &SendPage::setServer);
    connect(m_serverInfo, &ClickHouseServerInfoLoader::loaded, m_replayPage, &ReplayPage::setServer);
    connect(m_serverInfo, &ClickHouseServerInfoLoader::loaded, m_tracesPage, &TracesPage::setServer);
    connect(m_serverInfo, &ClickHouseServerInfoLoader::loaded, m_livePage,
        [this](const ClickHouseEndpoint& endpoint) { m_livePage->setServer(endpoint); });
    const auto openInQuery = [this](const QString& sql) {
        m_queryPage->addTab(sql);
        showPage(NavigationModel::Page::Query);
    };
    connect(m_dashboardsPage, &DashboardsPage::openInQuery, this, openInQuery);
    connect(m_sendPage, &SendPage::openInQuery, this, openInQuery);
    connect(m_tracesPage, &TracesPage::openInQuery, this, openInQuery);
    if (m_engines.tables) {
        m_sendPage->setTelemetryDatabase(m_engines.tables->database());
        m_replayPage->setTelemetryDatabase(m_engines.tables->database());
        m_tracesPage->setTelemetryDatabase(m_engines.tables->database());
        m_livePage->setTelemetryDatabase(m_engines.tables->database());
    }
    // The OTLP backends send to the workbench's own receiver unless told otherwise.
    if (m_engines.collector) {
        connect(m_engines.collector, &LocalCollector::statusChanged, m_sendPage, [this](const CollectorStatus& status) {
            m_sendPage->setReceiverUrl(status.otlpUrl);
            m_replayPage->setReceiverUrl(status.otlpUrl);
        });
    }
    if (m_engines.settings)
        connect(m_engines.settings, &WorkbenchSettings::changed, this, &MainWindow::applySettings);
    applySettings(QString());
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(windowTitle());
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
    connect(m_announcer, &StackStateAnnouncer::announced, this, &MainWindow::announce);
    m_announcer->watchClickHouse(m_engines.managed, m_engines.probe);
    if (m_engines.collector)
        m_announcer->watchCollector(m_engines.collector);
    showPage(NavigationModel::Page::Health);
}

void MainWindow::announce(const QString& text, bool problem)
{
    statusBar()->showMessage(text, 15000);
    if (m_tray)
        m_tray->showMessage(windowTitle(), text, problem ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

void MainWindow::applySettings(const QString& key)
{
    if (!m_engines.settings)
        return;
    // At start "system" changes nothing, so the desktop's own light/dark switches are followed.
    const QString theme = m_engines.settings->text(SettingKey::theme);
    if (key == SettingKey::theme || (key.isEmpty() && theme != u"system"_s))
        AppTheme::apply(theme);
    const int intervalMs = m_engines.settings->value(SettingKey::healthIntervalMs).toInt();
    if (m_engines.probe)
        m_engines.probe->setIntervalMs(intervalMs);
    m_healthPage->setServices(intervalMs, QUrl(m_engines.settings->text(SettingKey::collectorHealthUrl)),
        QUrl(m_engines.settings->text(SettingKey::collectorMetricsUrl)),
        QUrl(m_engines.settings->text(SettingKey::grafanaUrl)));
    const SendDefaults defaults = SettingsConfig::sendDefaults(*m_engines.settings);
    m_sendPage->destination()->setDefaults(defaults);
    m_replayPage->destination()->setDefaults(defaults);
}

QString MainWindow::spoolFolder() const
{
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return m_engines.settings ? SettingsConfig::spoolFolder(*m_engines.settings, dataFolder) : dataFolder + u"/spool"_s;
}

SettingsDialog* MainWindow::showSettings()
{
    if (!m_engines.settings)
        return nullptr;
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_engines.settings, this);
        m_settingsDialog->setObjectName(u"settingsDialog"_s);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    return m_settingsDialog;
}

MainWindow::~MainWindow() = default;

void MainWindow::learnServer()
{
    // The managed server learned what it can do while it started; any other is asked.
    const LocalClickHouse* managed = m_engines.managed;
    if (managed && managed->isRunning() && managed->serverInfo().isValid()) {
        m_queryPage->setServer(m_engines.probe->endpoint(), managed->serverInfo());
        m_dashboardsPage->setServer(m_engines.probe->endpoint(), managed->serverInfo());
        m_sendPage->setServer(m_engines.probe->endpoint(), managed->serverInfo());
        m_replayPage->setServer(m_engines.probe->endpoint(), managed->serverInfo());
        m_tracesPage->setServer(m_engines.probe->endpoint(), managed->serverInfo());
        m_livePage->setServer(m_engines.probe->endpoint());
    } else
        m_serverInfo->load(m_engines.probe->endpoint());
}

void MainWindow::buildPages()
{
    for (int row = 0; row < m_navigation.rowCount(); ++row) {
        const QModelIndex index = m_navigation.index(row, NavigationModel::TitleColumn);
        const auto page = m_navigation.pageAt(row);
        QWidget* widget = nullptr;
        if (page == NavigationModel::Page::Health) {
            m_healthPage = new HealthPage(m_engines.managed, m_engines.probe, m_engines.tables, m_engines.sampleLoader,
                m_engines.collector, m_pages);
            widget = m_healthPage;
        } else if (page == NavigationModel::Page::Query) {
            m_queryPage = new QueryPage(m_pages);
            m_queryPage->setHistoryFile(
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/query-history.jsonl"_s);
            widget = m_queryPage;
        } else if (page == NavigationModel::Page::Send) {
            const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            m_sendPage = new SendPage(dataFolder + u"/send-templates.json"_s, spoolFolder(), m_pages);
            widget = m_sendPage;
        } else if (page == NavigationModel::Page::Replay) {
            m_replayPage = new ReplayPage(spoolFolder(), m_pages);
            m_replayPage->setCollector(m_engines.collector);
            widget = m_replayPage;
        } else if (page == NavigationModel::Page::Live) {
            m_livePage = new LivePage(m_pages);
            m_livePage->setCollector(m_engines.collector);
            widget = m_livePage;
        } else if (page == NavigationModel::Page::Dashboards) {
            m_dashboardsPage = new DashboardsPage(
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/dashboards"_s, m_pages);
            widget = m_dashboardsPage;
        } else {
            Q_ASSERT(page == NavigationModel::Page::Traces);
            m_tracesPage = new TracesPage(m_pages);
            widget = m_tracesPage;
        }
        widget->setObjectName(u"page-"_s + index.data(Qt::DisplayRole).toString().toLower());
        m_pages->addWidget(widget);
    }
}

void MainWindow::buildMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    // Not QKeySequence::Quit: the Windows key scheme (and the offscreen platform) binds nothing to it.
    QAction* quit =
        fileMenu->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), qApp, &QApplication::closeAllWindows);
    quit->setMenuRole(QAction::QuitRole);
    QAction* settings = new QAction(tr("&Settings…"), this);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    settings->setEnabled(m_engines.settings != nullptr);
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    fileMenu->insertAction(quit, settings);
    fileMenu->insertSeparator(quit);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (int row = 0; row < m_navigation.rowCount(); ++row) {
        const auto page = m_navigation.pageAt(row);
        const QModelIndex index = m_navigation.index(row, NavigationModel::TitleColumn);
        QAction* action = viewMenu->addAction(index.data(Qt::DecorationRole).value<QIcon>(),
            index.data(Qt::DisplayRole).toString(), this, [this, page] { showPage(page); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
        action->setEnabled(m_navigation.isAvailable(page));
        action->setToolTip(index.data(Qt::ToolTipRole).toString());
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents); // F1: the window has no other help
    QAction* about = helpMenu->addAction(
        tr("&About %1").arg(QString::fromLatin1(BuildInfo::displayName)), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showPage(NavigationModel::Page page)
{
    if (!m_navigation.isAvailable(page))
        return; // greyed in the sidebar: nothing to show yet
    const int row = m_navigation.rowOf(page);
    m_sidebar->setCurrentIndex(m_navigation.index(row, NavigationModel::TitleColumn));
    m_pages->setCurrentIndex(row);
}

NavigationModel::Page MainWindow::currentPage() const
{
    return m_navigation.pageAt(m_pages->currentIndex());
}

QWidget* MainWindow::pageWidget(NavigationModel::Page page) const
{
    return m_pages->widget(m_navigation.rowOf(page));
}

QString MainWindow::clickHouseStatusText() const
{
    return m_statusIndicator->text();
}

void MainWindow::showAbout()
{
    const bool known = m_engines.probe && m_engines.probe->hasSample() && m_engines.probe->lastSample().reachable;
    auto* dialog = new AboutDialog(known ? m_engines.probe->lastSample().version : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"aboutDialog"_s);
    dialog->open();
}

ShortcutsDialog* MainWindow::showShortcuts()
{
    // Made anew each time from the live actions: a page's shortcuts may change with its state.
    QList<ShortcutsDialog::Page> pages;
    for (int row = 0; row < m_navigation.rowCount(); ++row)
        pages.append({ m_navigation.index(row, NavigationModel::TitleColumn).data(Qt::DisplayRole).toString(),
            m_pages->widget(row) });
    auto* dialog = new ShortcutsDialog(menuBar(), pages, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->open();
    return dialog;
}
