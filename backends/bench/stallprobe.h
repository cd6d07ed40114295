#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <time.h>

/// How long the thread that creates it went without running its event loop, while it lives: the
/// gaps between the ticks of a 5 ms timer. Two figures: the longest gap (what a user sees, which
/// includes the time the thread waited for a core the other processes held) and the most CPU the
/// thread itself used within one gap (the work that kept its event loop from running).
class StallProbe final
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            m_longestMs = qMax(m_longestMs, double(m_clock.nsecsElapsed()) / 1e6);
            m_clock.restart();
            const double cpu = threadCpuMs();
            m_busiestMs = qMax(m_busiestMs, cpu - m_lastCpuMs);
            m_lastCpuMs = cpu;
        });
        m_lastCpuMs = threadCpuMs();
        m_clock.start();
        m_timer.start();
    }
    Q_DISABLE_COPY_MOVE(StallProbe)

    /// The longest gap between two ticks.
    double longestMs() const { return m_longestMs; }
    /// The most CPU time this thread used between two ticks.
    double busiestMs() const { return m_busiestMs; }

private:
    static double threadCpuMs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_longestMs = 0;
    double m_busiestMs = 0;
    double m_lastCpuMs = 0;
};
