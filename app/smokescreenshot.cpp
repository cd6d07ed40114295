#include "smokescreenshot.h"

#include "clickhouse/localclickhouse.h"
#include "health/clickhouseprobe.h"
#include "health/telemetrytablesprobe.h"
#include "mainwindow.h"
#include "pages/healthpage.h"
#include "pages/querypage.h"
#include "pages/querytab.h"
#include "querysession.h"
#include "widgets/telemetrydatatile.h"

#include <QApplication>
#include <QMetaEnum>
#include <QPixmap>
#include <QPushButton>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int deadlineMs = 90000;
constexpr int firstRunDeadlineMs = 240000;

QString withSuffix(const QString& path, const QString& suffix)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    return dot > path.lastIndexOf(u'/') ? QString(path.left(dot) + suffix + path.mid(dot)) : QString(path + suffix);
}
} // namespace

SmokeScreenshot::SmokeScreenshot(
    MainWindow* window, const MainWindow::Engines& engines, QString path, bool firstRun, bool everyPage)
    : m_window(window)
    , m_engines(engines)
    , m_path(std::move(path))
    , m_firstRun(firstRun)
    , m_everyPage(everyPage)
{
    // Polling, not a sleep: the answer can come from the managed server or from the probe.
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &SmokeScreenshot::check);
    m_poll.start();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this,
        [this] { finish(false, 1, u"no answer in time (step %1)"_s.arg(static_cast<int>(m_step))); });
    m_deadline.start(m_firstRun ? firstRunDeadlineMs : deadlineMs);
    if (m_engines.sampleLoader) {
        // The engine's own outcome, not the tile's (translated) words.
        connect(m_engines.sampleLoader, &SampleTelemetryLoader::finished, this,
            [this](const SampleTelemetryLoader::Result& result) { m_loaded = result; });
    }
}

SmokeScreenshot::~SmokeScreenshot() = default;

void SmokeScreenshot::check()
{
    if (m_step != Step::WaitForClickHouse)
        return checkFirstRun();
    const QString status = m_window->clickHouseStatusText();
    if (m_engines.managed && m_engines.managed->state() == LocalClickHouse::State::Failed)
        return finish(false, 2, status + u"\n"_s + m_engines.managed->errorString());
    if (!m_engines.probe->hasSample())
        return;
    const bool reachable = m_engines.probe->lastSample().reachable;
    if (!m_firstRun || !reachable)
        return finish(reachable, 2, status);
    std::fprintf(stdout, "%s\n", qUtf8Printable(status));
    std::fflush(stdout);
    m_window->showPage(NavigationModel::Page::Health);
    m_step = Step::WaitForLoadButton;
}

void SmokeScreenshot::checkFirstRun()
{
    TelemetryDataTile* tile = m_window->healthPage()->dataTile();
    switch (m_step) {
    case Step::WaitForClickHouse:
        break;
    case Step::WaitForLoadButton: {
        if (m_engines.managed && !m_engines.managed->schemaError().isEmpty())
            return finish(false, 1, m_engines.managed->schemaError());
        const TelemetryTablesProbe* tables = m_engines.tables;
        if (tables && tables->hasSample() && tables->signalRows() > 0)
            return finish(false, 1,
                u"the telemetry tables are not empty (%1 rows): a first run needs a fresh data folder"_s.arg(
                    tables->signalRows()));
        if (!tile->loadButton()->isVisible() || !tile->loadButton()->isEnabled())
            return; // the tile has not looked at the tables yet
        tile->loadButton()->click();
        m_step = Step::Loading;
        return;
    }
    case Step::Loading:
        if (!m_loaded)
            return;
        if (!m_loaded->ok)
            return finish(false, 1, u"loading sample telemetry failed: "_s + m_loaded->error);
        m_step = Step::WaitForCounts;
        return;
    case Step::WaitForCounts:
        // The tile has looked at the tables again: they hold what was loaded.
        if (m_engines.tables && m_engines.tables->signalRows() != m_loaded->rows())
            return;
        std::fprintf(stdout, "sample: %s\n", qUtf8Printable(tile->statusText()));
        save(withSuffix(m_path, u"-health"_s));
        m_window->showPage(NavigationModel::Page::Query);
        m_step = Step::WaitForQueryServer;
        return;
    case Step::WaitForQueryServer:
        if (!m_window->queryPage()->hasServer())
            return;
        m_window->queryPage()->runStatement();
        m_step = Step::Querying;
        return;
    case Step::Querying: {
        QuerySession* session = m_window->queryPage()->currentTab()->session();
        if (session->isActive())
            return;
        const qsizetype rows = session->model()->rowCount();
        const bool ok = session->state() == QuerySession::State::Finished && rows > 0;
        save(withSuffix(m_path, u"-query"_s));
        return finish(
            ok, 1, u"first statement: %1 rows (%2)"_s.arg(rows).arg(m_window->queryPage()->currentTab()->statusText()));
    }
    }
}

bool SmokeScreenshot::save(const QString& path)
{
    // Let the window repaint with the state we report.
    QApplication::processEvents();
    const bool saved = m_window->grab().save(path, "PNG");
    std::fprintf(stdout, "screenshot: %s%s\n", qUtf8Printable(path), saved ? "" : " (could not be saved)");
    std::fflush(stdout);
    return saved;
}

bool SmokeScreenshot::saveEveryPage()
{
    const QMetaEnum pages = QMetaEnum::fromType<NavigationModel::Page>();
    bool saved = true;
    for (int index = 0; index < pages.keyCount(); ++index) {
        m_window->showPage(NavigationModel::Page(pages.value(index)));
        const QString name = QString::fromLatin1(pages.key(index)).toLower();
        saved = save(withSuffix(m_path, u"-page-"_s + name)) && saved;
    }
    return saved;
}

void SmokeScreenshot::finish(bool ok, int failureCode, const QString& report)
{
    if (m_done)
        return;
    m_done = true;
    m_poll.stop();
    m_deadline.stop();
    std::fprintf(stdout, "%s\n", qUtf8Printable(report));
    // The state the report describes first, then each page.
    const bool saved = save(m_path);
    const bool pagesSaved = !m_everyPage || saveEveryPage();
    m_exitCode = !saved || !pagesSaved ? 1 : ok ? 0 : failureCode;
    QApplication::closeAllWindows();
    QApplication::quit();
}
