#pragma once

#include "sendjob.h"
#include "sendtarget.h"

#include <QDateTime>
#include <QObject>

#include <memory>

/// Runs one send at a time for the Send page, on the thread it lives on (a WorkerThread), so
/// that building, encoding and the wait for the backend's answer never hold up the window: a new
/// output per send (its statistics are that send's), a SendJob, and at the end the outcome with
/// the payload of the first record. Everything reaches it through queued calls.
class SendRunner final : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        QDateTime started;
        qint64 totalMs = 0; ///< from the start to the last record delivered (or spooled, or given up)
        SendRequest request;
        QString projectName; ///< the sender's project.name
        SendTarget::Backend backend = SendTarget::Backend::ClickHouse;
        QString destination; ///< the output's description
        QString startError; ///< why the backend could not be opened; nothing was sent then
        SendJob::Summary summary;
        QString payload; ///< SendPayload::describe() of the first record
    };

    explicit SendRunner(QObject* parent = nullptr);
    ~SendRunner() override;
    Q_DISABLE_COPY_MOVE(SendRunner)

    /// Starts a send; ignored while one runs (the page allows one at a time).
    void run(const SendTarget& target, const SendRequest& request, const SdkIdentity& identity);
    void cancel();
    /// For the WorkerThread: cancels a send under way; what was handed over is still delivered.
    void shutdown();

Q_SIGNALS:
    void progressed(qint64 sent, qint64 total);
    void finished(const SendRunner::Outcome& outcome);

private:
    std::unique_ptr<ReplayOutput> m_output;
    std::unique_ptr<ReplayOutput> m_finishedOutput; ///< the last send's, kept until the next or the end
    SendJob* m_job = nullptr;
};

Q_DECLARE_METATYPE(SendRunner::Outcome)
