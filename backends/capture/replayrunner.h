#pragma once

#include "replayengine.h"
#include "replayverifier.h"
#include "sendtarget.h"

#include <QObject>

/// Runs one replay at a time for the Replay page on the thread it lives on (a WorkerThread): a
/// ReplayEngine over a new output from a SendTarget, pause, resume and cancel, then, when asked,
/// the delivery verification in ClickHouse (ReplayVerifier). Everything reaches it queued.
class ReplayRunner final : public QObject
{
    Q_OBJECT

public:
    struct Verification
    {
        bool wanted = false;
        ClickHouseEndpoint endpoint; ///< where the records end up (the telemetry database)
        ClickHouseRowMapper::Dialect dialect = ClickHouseRowMapper::Dialect::Legacy;
        int timeoutMs = 30'000; ///< how long records still in a spool are waited for
    };

    struct Outcome
    {
        ReplayEngine::Summary summary;
        bool verified = false;
        ReplayVerifier::Result verification;
    };

    explicit ReplayRunner(QObject* parent = nullptr);
    ~ReplayRunner() override;
    Q_DISABLE_COPY_MOVE(ReplayRunner)

    /// Starts a replay; ignored while one runs.
    void run(const ReplayEngine::Options& options, const SendTarget& target, const Verification& verification);
    void pause();
    void resume();
    void cancel();
    /// For the WorkerThread: cancels a replay under way (what was handed over is still delivered).
    void shutdown() { cancel(); }

Q_SIGNALS:
    void progressed(const ReplayEngine::Progress& progress);
    void problemFound(const ReplayEngine::FileProblem& problem);
    /// The replay has ended and its records are being looked for in ClickHouse.
    void verifying();
    void finished(const ReplayRunner::Outcome& outcome);

private:
    ReplayEngine* m_engine = nullptr;
};

Q_DECLARE_METATYPE(ReplayRunner::Outcome)
