#pragma once

#include "mainwindow.h"
#include "sample/sampletelemetryloader.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

/// --smoke-screenshot: proves README command (1) end to end in CI. Waits until the window has an
/// answer about ClickHouse (reachable, failed or unreachable), saves the window as a PNG and quits.
/// With --smoke-first-run it goes on as a newcomer does once ClickHouse answers: clicks "Load
/// sample telemetry" on the Health page, then runs the Query page's first statement as it
/// opens, prints how many rows came back ("first statement: N rows") and saves both pages too
/// (<file>-health.png, <file>-query.png). Exit code 0 only when every step worked. With
/// --smoke-every-page it last saves each page in the navigation's order (<file>-page-send.png …),
/// so that a language or a theme can be checked on all of them.
class SmokeScreenshot final : public QObject
{
    Q_OBJECT

public:
    SmokeScreenshot(
        MainWindow* window, const MainWindow::Engines& engines, QString path, bool firstRun, bool everyPage);
    ~SmokeScreenshot() override;
    Q_DISABLE_COPY_MOVE(SmokeScreenshot)

    int exitCode() const { return m_exitCode; }

private:
    enum class Step
    {
        WaitForClickHouse,
        WaitForLoadButton,
        Loading,
        WaitForCounts,
        WaitForQueryServer,
        Querying,
    };

    void check();
    void checkFirstRun();
    /// Saves the window to `path`; false (and says so) when it cannot.
    bool save(const QString& path);
    /// Shows each page in turn and saves it; false when one could not be saved.
    bool saveEveryPage();
    void finish(bool ok, int failureCode, const QString& report);

    MainWindow* m_window;
    MainWindow::Engines m_engines;
    std::optional<SampleTelemetryLoader::Result> m_loaded;
    QString m_path;
    bool m_firstRun;
    bool m_everyPage;
    Step m_step = Step::WaitForClickHouse;
    QTimer m_poll;
    QTimer m_deadline;
    int m_exitCode = 1;
    bool m_done = false;
};
