#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class ClickHouseProbe;
class LocalClickHouse;
class MainWindow;

/// --smoke-screenshot: proves README command (1) end to end in CI. Waits until the window has an
/// answer about ClickHouse (reachable, failed or unreachable), saves the window as a PNG and quits.
class SmokeScreenshot final : public QObject
{
    Q_OBJECT

public:
    SmokeScreenshot(MainWindow* window, LocalClickHouse* managed, ClickHouseProbe* probe, QString path);
    ~SmokeScreenshot() override;

    int exitCode() const { return m_exitCode; }

private:
    void check();
    void finish(bool reachable, const QString& statusText);

    MainWindow* m_window;
    LocalClickHouse* m_managed;
    ClickHouseProbe* m_probe;
    QString m_path;
    QTimer m_poll;
    QTimer m_deadline;
    int m_exitCode = 1;
    bool m_done = false;
};
