#include "replayrunner.h"

ReplayRunner::ReplayRunner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ReplayRunner::Outcome>();
    qRegisterMetaType<ReplayEngine::Progress>();
    qRegisterMetaType<ReplayEngine::FileProblem>();
}

ReplayRunner::~ReplayRunner() = default;

void ReplayRunner::run(const ReplayEngine::Options& options, const SendTarget& target, const Verification& verification)
{
    if (m_engine)
        return;
    m_engine = new ReplayEngine(options, target.makeOutput(), this);
    connect(m_engine, &ReplayEngine::progressed, this, &ReplayRunner::progressed);
    connect(m_engine, &ReplayEngine::problemFound, this, &ReplayRunner::problemFound);
    connect(m_engine, &ReplayEngine::finished, this, [this, verification](const ReplayEngine::Summary& summary) {
        // The engine is inside its own signal: it goes once it has returned.
        m_engine->deleteLater();
        m_engine = nullptr;
        Outcome outcome;
        outcome.summary = summary;
        if (verification.wanted && summary.error.isEmpty() && summary.totalSent() > 0) {
            Q_EMIT verifying();
            ReplayVerifier verifier(verification.endpoint, verification.dialect);
            outcome.verification = verifier.verify(summary.replayId, summary.sent, verification.timeoutMs);
            outcome.verified = true;
        }
        Q_EMIT finished(outcome);
    });
    m_engine->start();
}

void ReplayRunner::pause()
{
    if (m_engine)
        m_engine->pause();
}

void ReplayRunner::resume()
{
    if (m_engine)
        m_engine->resume();
}

void ReplayRunner::cancel()
{
    if (m_engine)
        m_engine->cancel();
}
