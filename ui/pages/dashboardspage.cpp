#include "dashboardspage.h"

#include "dashboard/dashboardview.h"
#include "dashboard/variablebar.h"
#include "query/grafanadashboardparser.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
/// Grafana's refresh choices, in seconds.
constexpr int refreshChoices[] = { 0, 5, 10, 30, 60, 300 };

int secondsOf(const QString& refresh)
{
    if (refresh.isEmpty())
        return 0;
    bool ok = false;
    const int number = refresh.left(refresh.size() - 1).toInt(&ok);
    if (!ok)
        return 0;
    switch (refresh.back().unicode()) {
    case 's':
        return number;
    case 'm':
        return number * 60;
    case 'h':
        return number * 3600;
    default:
        return 0;
    }
}

QString absolute(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}
} // namespace

DashboardsPage::DashboardsPage(const QString& libraryFolder, QWidget* parent)
    : QWidget(parent)
    , m_library(libraryFolder)
    , m_list(new QListWidget(this))
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_presets(new QComboBox(this))
    , m_autoRefresh(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_variables(new VariableBar(&m_session, this))
    , m_status(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_view(new DashboardView(&m_session, m_scroll))
{
    m_list->setAccessibleName(tr("Dashboards"));
    auto* import = new QPushButton(tr("Import…"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    connect(import, &QPushButton::clicked, this, &DashboardsPage::importDashboard);
    connect(exportButton, &QPushButton::clicked, this, &DashboardsPage::exportDashboard);
    connect(remove, &QPushButton::clicked, this, &DashboardsPage::removeDashboard);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(import);
    buttons->addWidget(exportButton);
    buttons->addWidget(remove);
    sideLayout->addLayout(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            open(m_list->item(row)->data(Qt::UserRole).toString());
    });

    auto* toolbar = new QToolBar(this);
    m_presets->addItem(tr("Time range…"), QString());
    for (const auto& [text, from, to] :
        { std::tuple { tr("Last 5 minutes"), u"now-5m"_s, u"now"_s },
            std::tuple { tr("Last 15 minutes"), u"now-15m"_s, u"now"_s },
            std::tuple { tr("Last 1 hour"), u"now-1h"_s, u"now"_s },
            std::tuple { tr("Last 6 hours"), u"now-6h"_s, u"now"_s },
            std::tuple { tr("Last 24 hours"), u"now-24h"_s, u"now"_s },
            std::tuple { tr("Last 7 days"), u"now-7d"_s, u"now"_s }, std::tuple { tr("Today"), u"now/d"_s, u"now/d"_s },
            std::tuple { tr("Yesterday"), u"now-1d/d"_s, u"now-1d/d"_s } })
        m_presets->addItem(text, QStringList { from, to });
    m_presets->setAccessibleName(tr("Time range presets"));
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        const QStringList range = m_presets->itemData(index).toStringList();
        m_presets->setCurrentIndex(0);
        if (range.size() == 2)
            setTimeRange(range.at(0), range.at(1));
    });
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_from->setToolTip(tr("now-6h, now/d, 2026-11-30 10:00, ..."));
    m_to->setToolTip(m_from->toolTip());
    connect(m_from, &QLineEdit::returnPressed, this, &DashboardsPage::applyRangeFields);
    connect(m_to, &QLineEdit::returnPressed, this, &DashboardsPage::applyRangeFields);
    toolbar->addWidget(new QLabel(tr("From "), this));
    toolbar->addWidget(m_from);
    toolbar->addWidget(new QLabel(tr(" to "), this));
    toolbar->addWidget(m_to);
    toolbar->addWidget(m_presets);
    toolbar->addAction(tr("Back"), this, &DashboardsPage::zoomBack)->setToolTip(tr("The range before the last zoom"));
    toolbar->addSeparator();
    toolbar->addAction(tr("Refresh"), this, &DashboardsPage::refresh)->setShortcut(QKeySequence::Refresh);
    for (const int seconds : refreshChoices)
        m_autoRefresh->addItem(seconds == 0 ? tr("Auto-refresh off")
                : seconds < 60              ? tr("Every %1 s").arg(seconds)
                                            : tr("Every %1 min").arg(seconds / 60),
            seconds);
    m_autoRefresh->setAccessibleName(tr("Auto-refresh"));
    connect(m_autoRefresh, &QComboBox::activated, this,
        [this] { setAutoRefreshSeconds(m_autoRefresh->currentData().toInt()); });
    toolbar->addWidget(m_autoRefresh);
    m_theme->addItem(tr("Dark"), true);
    m_theme->addItem(tr("Light"), false);
    m_theme->setAccessibleName(tr("Theme"));
    connect(m_theme, &QComboBox::activated, this, [this] { setDarkTheme(m_theme->currentData().toBool()); });
    toolbar->addWidget(m_theme);

    // Qt's toolbar buttons take no focus; Back and Refresh are actions Tab must reach.
    for (QAction* action : toolbar->actions()) {
        if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(action)))
            button->setFocusPolicy(Qt::TabFocus);
    }
    m_scroll->setAccessibleName(tr("Dashboard"));
    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addWidget(toolbar);
    mainLayout->addWidget(m_variables);
    mainLayout->addWidget(m_status);
    mainLayout->addWidget(m_scroll, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(main);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 220, 1000 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    // Tab goes as the eye reads: the library, the toolbar, then the dashboard (made first).
    QWidget::setTabOrder(m_theme, m_scroll);
    QWidget::setTabOrder(m_scroll, m_view);

    connect(m_view, &DashboardView::openInQuery, this, &DashboardsPage::openInQuery);
    connect(m_view, &DashboardView::rangeSelected, this, [this](qint64 fromMs, qint64 toMs) {
        m_zoomHistory.append({ m_session.timeFrom(), m_session.timeTo() });
        setTimeRange(QString::number(fromMs), QString::number(toMs));
    });
    connect(&m_refreshTimer, &QTimer::timeout, this, &DashboardsPage::refresh);
    setDarkTheme(true);
    m_variables->rebuild();
    reloadLibrary();
    if (m_list->count() > 0) // the upstream overview, as the upstream stack's Grafana opens on it
        open(m_list->item(0)->data(Qt::UserRole).toString());
}

DashboardsPage::~DashboardsPage()
{
    // The panels show the session's results: they go first, while those are still there
    // (QWidget's own destructor would delete them after the session, and a table being hidden
    // then asks its model for headers).
    m_refreshTimer.stop();
    qDeleteAll(findChildren<QWidget*>(Qt::FindDirectChildrenOnly));
}

void DashboardsPage::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    const bool first = !m_hasServer;
    m_hasServer = true;
    m_session.setServer(endpoint, info);
    if (first && !m_session.dashboard().title.isEmpty())
        refresh();
}

void DashboardsPage::reloadLibrary(const QString& select)
{
    const QString current =
        select.isEmpty() && m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : select;
    QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const DashboardLibrary::Entry& entry : m_library.entries()) {
        auto* item = new QListWidgetItem(entry.title, m_list);
        item->setData(Qt::UserRole, entry.uid);
        item->setToolTip(entry.builtIn ? tr("%1 (built in)").arg(entry.uid) : entry.path);
        if (entry.uid == current)
            m_list->setCurrentItem(item);
    }
}

bool DashboardsPage::open(const QString& uid)
{
    const std::optional<DashboardLibrary::Entry> entry = m_library.find(uid);
    QString error;
    const std::optional<QByteArray> json = entry ? m_library.read(*entry, &error) : std::nullopt;
    if (!json) {
        showStatus(entry ? error : tr("There is no dashboard \"%1\".").arg(uid));
        return false;
    }
    const GrafanaDashboardParser::Result parsed = GrafanaDashboardParser::parse(*json);
    if (!parsed.ok()) {
        showStatus(tr("%1 cannot be opened: %2").arg(entry->title, parsed.error));
        return false;
    }
    m_refreshTimer.stop();
    m_zoomHistory.clear();
    m_view->clear(); // the panels show the results that setDashboard() ends
    m_session.setDashboard(parsed.dashboard);
    m_view->rebuild();
    m_from->setText(m_session.timeFrom());
    m_to->setText(m_session.timeTo());
    // The dashboard's own refresh, offered even when it is not one of the usual choices.
    const int seconds = secondsOf(parsed.dashboard.refresh);
    if (m_autoRefresh->findData(seconds) < 0)
        m_autoRefresh->addItem(tr("Every %1 (the dashboard's)").arg(parsed.dashboard.refresh), seconds);
    setAutoRefreshSeconds(seconds);
    showStatus(parsed.dashboard.problems.join(u'\n'));
    {
        QSignalBlocker blocker(m_list);
        bool listed = false;
        for (int row = 0; row < m_list->count(); ++row) {
            if (m_list->item(row)->data(Qt::UserRole).toString() == entry->uid) {
                m_list->setCurrentRow(row);
                listed = true;
            }
        }
        if (!listed) // imported since the list was made
            reloadLibrary(entry->uid);
    }
    if (m_hasServer)
        refresh();
    return true;
}

void DashboardsPage::refresh()
{
    if (!m_hasServer) {
        showStatus(tr("Waiting for ClickHouse: the panels run once it answers."));
        return;
    }
    m_session.refresh();
}

bool DashboardsPage::setTimeRange(const QString& from, const QString& to)
{
    QString error;
    // A range of absolute milliseconds (a zoom) is shown as dates.
    bool fromIsMs = false;
    bool toIsMs = false;
    const qint64 fromMs = from.toLongLong(&fromIsMs);
    const qint64 toMs = to.toLongLong(&toIsMs);
    if (!m_session.setTimeRange(from, to, &error)) {
        showStatus(error);
        return false;
    }
    m_from->setText(fromIsMs ? absolute(fromMs) : from);
    m_to->setText(toIsMs ? absolute(toMs) : to);
    showStatus(m_session.dashboard().problems.join(u'\n'));
    return true;
}

void DashboardsPage::applyRangeFields()
{
    m_zoomHistory.append({ m_session.timeFrom(), m_session.timeTo() });
    if (!setTimeRange(m_from->text(), m_to->text()))
        m_zoomHistory.removeLast();
}

void DashboardsPage::zoomBack()
{
    if (!m_zoomHistory.isEmpty()) {
        const auto [from, to] = m_zoomHistory.takeLast();
        setTimeRange(from, to);
    }
}

void DashboardsPage::setAutoRefreshSeconds(int seconds)
{
    m_autoRefresh->setCurrentIndex(qMax(0, m_autoRefresh->findData(seconds)));
    if (seconds > 0)
        m_refreshTimer.start(seconds * 1000);
    else
        m_refreshTimer.stop();
}

int DashboardsPage::autoRefreshSeconds() const
{
    return m_refreshTimer.isActive() ? m_refreshTimer.interval() / 1000 : 0;
}

void DashboardsPage::setDarkTheme(bool dark)
{
    m_theme->setCurrentIndex(dark ? 0 : 1);
    m_view->setTheme(dark ? PanelTheme::darkTheme() : PanelTheme::lightTheme());
}

void DashboardsPage::showStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString DashboardsPage::statusText() const
{
    return m_status->text();
}

void DashboardsPage::importDashboard()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import a Grafana dashboard"), QString(), tr("Grafana dashboards (*.json)"));
    if (file.isEmpty())
        return;
    QString error;
    const std::optional<DashboardLibrary::Entry> entry = m_library.import(file, &error);
    if (!entry) {
        QMessageBox::warning(this, tr("Import a Grafana dashboard"), error);
        return;
    }
    reloadLibrary(entry->uid);
    open(entry->uid);
}

void DashboardsPage::exportDashboard()
{
    const QString uid = m_session.dashboard().uid;
    if (uid.isEmpty())
        return;
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export the dashboard"), uid + u".json"_s, tr("Grafana dashboards (*.json)"));
    QString error;
    if (!file.isEmpty() && !m_library.exportTo(uid, file, &error))
        QMessageBox::warning(this, tr("Export the dashboard"), error);
}

void DashboardsPage::removeDashboard()
{
    const QString uid = m_session.dashboard().uid;
    QString error;
    const std::optional<DashboardLibrary::Entry> entry = m_library.find(uid);
    if (!entry || entry->builtIn) {
        showStatus(tr("Built-in dashboards cannot be removed."));
        return;
    }
    if (QMessageBox::question(
            this, tr("Remove the dashboard"), tr("Remove \"%1\" from the workbench?").arg(entry->title))
        != QMessageBox::Yes)
        return;
    if (!m_library.remove(uid, &error)) {
        QMessageBox::warning(this, tr("Remove the dashboard"), error);
        return;
    }
    reloadLibrary();
    if (m_list->count() > 0)
        open(m_list->item(0)->data(Qt::UserRole).toString());
}
