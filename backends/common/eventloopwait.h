#pragma once

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

/// Runs the calling thread's event loop until `step()` returns true or `timeoutMs` passes,
/// calling `step()` every 5 ms (it may do work, such as sealing buffered rows, before it answers).
/// For the owner-thread waits of the exporters (flushAndWait), whose replies and timers need the
/// loop. Returns step()'s last answer.
template<typename Step>
bool runEventLoopUntil(int timeoutMs, Step step)
{
    if (step())
        return true;
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer check;
    bool done = false;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        done = step();
        if (done || deadline.hasExpired())
            loop.quit();
    });
    check.start(5);
    loop.exec();
    return done;
}
