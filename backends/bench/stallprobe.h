#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <time.h>

/// How long the thread that creates it went without running its event loop, while it lives: the
/// gaps between the ticks of a 5 ms timer. Figures: the longest gap (what a user sees), the most
/// CPU the thread itself used within one gap (the work that kept its event loop from running),
/// and, for the longest gap, how it was spent: the thread's own CPU and the time it was ready to
/// run but waited for a core other threads or processes held (Linux's per-thread schedstat).
class StallProbe final
{
public:
    StallProbe()
    {
        m_schedstat.setFileName(QStringLiteral("/proc/thread-self/schedstat"));
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
        m_lastCpuMs = threadCpuMs();
        m_lastWaitMs = runQueueWaitMs();
        m_clock.start();
        m_timer.start();
    }
    Q_DISABLE_COPY_MOVE(StallProbe)

    /// The longest gap between two ticks.
    double longestMs() const { return m_longestMs; }
    /// The most CPU time this thread used between two ticks.
    double busiestMs() const { return m_busiestMs; }
    /// Within the longest gap: the CPU time this thread used.
    double longestCpuMs() const { return m_longestCpuMs; }
    /// Within the longest gap: the time this thread was ready to run and waited for a core (-1
    /// without /proc/thread-self/schedstat; 0 where the kernel has it but does not collect it).
    double longestWaitMs() const { return m_longestWaitMs; }

private:
    void tick()
    {
        const double gap = double(m_clock.nsecsElapsed()) / 1e6;
        m_clock.restart();
        const double cpu = threadCpuMs();
        const double wait = runQueueWaitMs();
        m_busiestMs = qMax(m_busiestMs, cpu - m_lastCpuMs);
        if (gap > m_longestMs) {
            m_longestMs = gap;
            m_longestCpuMs = cpu - m_lastCpuMs;
            m_longestWaitMs = wait < 0 ? -1 : wait - m_lastWaitMs;
        }
        m_lastCpuMs = cpu;
        m_lastWaitMs = wait;
    }

    static double threadCpuMs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    }

    /// The second figure of schedstat: nanoseconds spent on a run queue, waiting for a core.
    double runQueueWaitMs()
    {
        if (!m_schedstat.open(QIODevice::ReadOnly))
            return -1;
        const QList<QByteArray> figures = m_schedstat.readAll().simplified().split(' ');
        m_schedstat.close();
        return figures.size() >= 2 ? figures.at(1).toDouble() / 1e6 : -1;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    QFile m_schedstat;
    double m_longestMs = 0;
    double m_busiestMs = 0;
    double m_longestCpuMs = 0;
    double m_longestWaitMs = 0;
    double m_lastCpuMs = 0;
    double m_lastWaitMs = 0;
};
