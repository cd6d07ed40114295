#pragma once

#include <QMutex>
#include <QString>

#include <functional>
#include <memory>

/// One producer's wait for its rows to be safe: delivered, or written to a durable spool. The
/// receiver answers 200 only when its ticket says so (the OTLP promise: a success means the
/// records will not be lost). A ticket starts held by its producer; each batch that carries some of
/// its rows adds a part; it is done when the producer has released it and every part is settled,
/// and it reports once, on the thread that settles the last part. A ticket dropped with parts
/// unsettled (its batches vanished) reports a failure instead of never answering.
class DeliveryTicket final
{
public:
    /// `refused`: the destination refused the rows for good (a resend cannot help).
    using Done = std::function<void(bool safe, const QString& error, bool refused)>;

    explicit DeliveryTicket(Done done)
        : m_done(std::move(done))
    { }
    ~DeliveryTicket()
    {
        if (!m_reported && m_done)
            m_done(false, m_error.isEmpty() ? QStringLiteral("the rows were dropped before they were stored") : m_error,
                m_refused);
    }
    Q_DISABLE_COPY_MOVE(DeliveryTicket)

    void addPart()
    {
        QMutexLocker locker(&m_mutex);
        ++m_pending;
    }
    /// The producer is done adding parts (every ticket is released exactly once).
    void release() { settle(true, {}); }
    void settle(bool safe, const QString& error, bool refused = false)
    {
        Done done;
        bool failed = false;
        bool wasRefused = false;
        QString message;
        {
            QMutexLocker locker(&m_mutex);
            if (!safe) {
                m_failed = true;
                m_refused = m_refused || refused;
                if (m_error.isEmpty())
                    m_error = error;
            }
            if (--m_pending > 0 || m_reported)
                return;
            m_reported = true;
            done = std::move(m_done);
            failed = m_failed;
            wasRefused = m_refused;
            message = m_error;
        }
        if (done)
            done(!failed, message, wasRefused);
    }

private:
    QMutex m_mutex;
    Done m_done;
    int m_pending = 1; ///< the producer's hold
    bool m_failed = false;
    bool m_refused = false;
    bool m_reported = false;
    QString m_error;
};

using DeliveryTicketPtr = std::shared_ptr<DeliveryTicket>;
