#pragma once

#include "replayoutput.h"
#include "sendrequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

/// Sends a SendRequest's records through a ReplayOutput, each built at the moment it goes, without
/// blocking the thread it lives on: at the request's rate (due times kept against the start, so
/// a rate does not drift), or as fast as the output takes them (in chunks, waiting while too many
/// are outstanding, so a slow endpoint slows it instead of filling memory). Cancellable; what was
/// handed over before a cancel is still delivered (or spooled) by finish(). The command line's
/// `send` drives it, and so does the Send page, through SendRunner on a thread of its own.
class SendJob final : public QObject
{
    Q_OBJECT

public:
    /// The first record a send built, kept so its payload can be shown (one list holds it).
    struct Sample
    {
        QList<SpanRecord> spans;
        QList<MetricPoint> points;
        QList<LogRecord> logs;
    };

    struct Summary
    {
        qint64 sent = 0; ///< records handed to the output
        qint64 elapsedMs = 0; ///< from start() to the last record handed over
        bool cancelled = false;
        ReplayOutput::Statistics statistics; ///< after the output's finish()
        Sample first;
    };

    /// `output` is started already and outlives the job.
    SendJob(SendRequest request, const SdkRecordBuilder& builder, ReplayOutput* output, QObject* parent = nullptr);
    ~SendJob() override;
    Q_DISABLE_COPY_MOVE(SendJob)

    void start();
    /// Stops handing over records; finished() follows once the output has delivered what it has.
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 sent() const { return m_sent; }

    static constexpr qsizetype chunk = 1000; ///< records handed over at once without a rate
    static constexpr qint64 maxOutstanding = 20'000;
    static constexpr int tickMs = 5; ///< with a rate, the shortest wait between two handovers
    static constexpr int finishTimeoutMs = 60'000;

Q_SIGNALS:
    void progressed(qint64 sent, qint64 total);
    void finished(const SendJob::Summary& summary);

private:
    void sendDue();
    void sendSome(qint64 n);
    void end(bool cancelled);

    SendRequest m_request;
    SdkRecordBuilder m_builder;
    ReplayOutput* m_output;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    Sample m_first;
    bool m_running = false;
};
