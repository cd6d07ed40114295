#include "smokescreenshot.h"

#include "clickhouse/localclickhouse.h"
#include "health/clickhouseprobe.h"
#include "mainwindow.h"

#include <QApplication>
#include <QPixmap>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int deadlineMs = 90000;
} // namespace

SmokeScreenshot::SmokeScreenshot(MainWindow* window, LocalClickHouse* managed, ClickHouseProbe* probe, QString path)
    : m_window(window)
    , m_managed(managed)
    , m_probe(probe)
    , m_path(std::move(path))
{
    // Polling, not a sleep: the answer can come from the managed server or from the probe.
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &SmokeScreenshot::check);
    m_poll.start();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(false, u"no answer about ClickHouse in time"_s); });
    m_deadline.start(deadlineMs);
}

SmokeScreenshot::~SmokeScreenshot() = default;

void SmokeScreenshot::check()
{
    const QString status = m_window->clickHouseStatusText();
    if (m_managed && m_managed->state() == LocalClickHouse::State::Failed)
        return finish(false, status + u"\n"_s + m_managed->errorString());
    if (m_probe->hasSample())
        finish(m_probe->lastSample().reachable, status);
}

void SmokeScreenshot::finish(bool reachable, const QString& statusText)
{
    if (m_done)
        return;
    m_done = true;
    m_poll.stop();
    m_deadline.stop();
    // Let the status bar repaint with the state we report.
    QApplication::processEvents();
    const bool saved = m_window->grab().save(m_path, "PNG");
    std::fprintf(stdout, "%s\n", qUtf8Printable(statusText));
    std::fprintf(stdout, "screenshot: %s%s\n", qUtf8Printable(m_path), saved ? "" : " (could not be saved)");
    std::fflush(stdout);
    m_exitCode = !saved ? 1 : reachable ? 0 : 2;
    QApplication::closeAllWindows();
    QApplication::quit();
}
