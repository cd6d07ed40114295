#include "sendrunner.h"

#include "sendpayload.h"

#include <QElapsedTimer>

SendRunner::SendRunner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<SendRunner::Outcome>();
}

SendRunner::~SendRunner()
{
    delete m_job; // before the output it sends to
    m_output.reset();
    m_finishedOutput.reset();
}

void SendRunner::run(const SendTarget& target, const SendRequest& request, const SdkIdentity& identity)
{
    if (m_job)
        return;
    m_finishedOutput.reset();
    Outcome outcome;
    outcome.started = QDateTime::currentDateTime();
    QElapsedTimer clock;
    clock.start();
    outcome.request = request;
    outcome.projectName = identity.projectName;
    outcome.backend = target.backend;
    m_output = target.makeOutput();
    outcome.destination = m_output->description();
    if (!m_output->start(&outcome.startError)) {
        m_output.reset();
        Q_EMIT finished(outcome);
        return;
    }
    m_job =
        new SendJob(request, SdkRecordBuilder(identity, SystemInfo::current(identity.flavor)), m_output.get(), this);
    connect(m_job, &SendJob::progressed, this, &SendRunner::progressed);
    connect(m_job, &SendJob::finished, this, [this, outcome, target, clock](const SendJob::Summary& summary) mutable {
        outcome.summary = summary;
        outcome.totalMs = clock.elapsed();
        outcome.payload = SendPayload::describe(summary.first, target);
        // The job is inside its own signal: it and its output go once it has returned.
        m_job->deleteLater();
        m_job = nullptr;
        m_finishedOutput = std::move(m_output); // inside its finish() still: deleted by the next run
        Q_EMIT finished(outcome);
    });
    m_job->start();
}

void SendRunner::cancel()
{
    if (m_job)
        m_job->cancel();
}

void SendRunner::shutdown()
{
    cancel();
}
