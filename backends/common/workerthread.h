#pragma once

#include <QMetaObject>
#include <QString>
#include <QThread>

#include <utility>

/// A worker object that lives on a thread of its own, for the engine objects that keep slow work
/// (reading and parsing a result, writing an export to disk) off the thread that drives them.
/// The worker is created by the caller, moved to the thread and deleted there when the thread
/// ends; calls reach it queued, through post(). On destruction, `shutdown` runs on the worker's
/// thread and is waited for (so a running query is stopped on the server first), then the thread
/// ends. Signals of the worker are connected by the owner as usual (queued across threads).
template<typename Worker>
class WorkerThread final
{
public:
    WorkerThread(const QString& name, Worker* worker, void (Worker::*shutdown)())
        : m_worker(worker)
        , m_shutdown(shutdown)
    {
        m_thread.setObjectName(name);
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }

    ~WorkerThread()
    {
        QMetaObject::invokeMethod(m_worker, m_shutdown, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    Q_DISABLE_COPY_MOVE(WorkerThread)

    /// The worker, for connecting to its signals; call it only through post().
    Worker* worker() const { return m_worker; }

    /// Runs `function(worker)` on the worker's thread, in order with every other post().
    template<typename Function>
    void post(Function function) const
    {
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, function = std::move(function)] { function(worker); });
    }

private:
    QThread m_thread;
    Worker* m_worker;
    void (Worker::*m_shutdown)();
};
