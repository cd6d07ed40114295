#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

/// Turns SIGINT/SIGTERM/SIGHUP into a Qt signal on the event loop (self-pipe trick), so that a
/// Ctrl-C or a `kill` stops the workbench in order: the managed ClickHouse is shut down cleanly
/// instead of dying with us. Only one instance may exist.
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(const QList<int>& signalNumbers, QObject* parent = nullptr);
    ~UnixSignalWatcher() override;
    Q_DISABLE_COPY_MOVE(UnixSignalWatcher)

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void handle(int signalNumber);
    void drain();

    QList<int> m_signals;
    QSocketNotifier* m_notifier = nullptr;
};
