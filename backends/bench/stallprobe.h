#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

/// The longest gap between two ticks of a 5 ms timer on the thread that creates it, while it
/// lives: how long that thread's event loop was kept from running (a GUI thread's stall).
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
        });
        m_clock.start();
        m_timer.start();
    }
    Q_DISABLE_COPY_MOVE(StallProbe)

    double longestMs() const { return m_longestMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_longestMs = 0;
};
