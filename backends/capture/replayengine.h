#pragma once

#include "capturereader.h"
#include "replayfilter.h"
#include "replayoutput.h"
#include "replayschedule.h"
#include "replaytransform.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QTimer>

#include <memory>

/// Replays capture files through a ReplayOutput with the records' own timing (ReplaySchedule):
/// files are read block by block (CaptureReader, decoding on every core) and never whole; the
/// records of a block are sent in time order (the block is the reorder window), each when it is
/// due, on a timer set against the start; records pass the filter, then ReplayTransform (shift,
/// ids, replay id). It waits while the output has too much outstanding, so a slow endpoint
/// slows the replay instead of filling memory. Pause, resume and cancel at any time; progress
/// and problems as signals. Lives on one thread, which must run an event loop.
class ReplayEngine final : public QObject
{
    Q_OBJECT

public:
    enum class Shift
    {
        Keep,
        StartNow, ///< the capture's first record at the start of the replay
        EndNow, ///< its last record at the start (a first pass over the files finds it)
    };
    struct Options
    {
        QStringList files;
        ReplaySchedule::Options schedule;
        Shift shift = Shift::Keep;
        bool remapIds = false;
        int loops = 1; ///< 0: until cancelled
        QByteArray replayId; ///< empty: a fresh one
        ReplayFilter filter;
        CaptureReader::Options reading;
        qint64 maxOutstanding = 40'000; ///< records handed to the output and not yet safe
        int finishTimeoutMs = 60'000; ///< for the output's last deliveries
    };
    enum SignalIndex
    {
        Spans,
        Metrics,
        Logs,
    };
    struct Progress
    {
        qint64 sent = 0;
        double fraction = -1; ///< of the files (and loops) read; -1 when looping forever
        double recordsPerSecond = 0;
        qint64 etaMs = -1;
        qint64 problems = 0; ///< capture lines or records that could not be read
        qint64 failed = 0; ///< records the output refused or lost
        qint64 lagMs = 0; ///< how far behind its schedule the last record went out
        qint64 elapsedMs = 0;
        bool paused = false;
    };
    struct FileProblem
    {
        QString file;
        CaptureProblem problem;
    };
    struct Summary
    {
        QByteArray replayId;
        bool cancelled = false;
        QString error; ///< a failure that stopped the replay (the output could not start)
        qint64 sent[3] = { 0, 0, 0 };
        qint64 filteredOut = 0;
        qint64 problemCount = 0;
        QList<FileProblem> problems; ///< the first 1,000
        ReplayOutput::Statistics output;
        QString outputDescription;
        qint64 elapsedMs = 0; ///< from the start until the last record was handed over
        qint64 finishedMs = 0; ///< until the output had delivered or spooled everything
        qint64 scheduledMs = 0; ///< when the schedule had the last record due
        qint64 maxLagMs = 0;
        CaptureReader::Statistics reading;
        qint64 totalSent() const { return sent[Spans] + sent[Metrics] + sent[Logs]; }
    };

    ReplayEngine(Options options, std::unique_ptr<ReplayOutput> output, QObject* parent = nullptr);
    ~ReplayEngine() override;
    Q_DISABLE_COPY_MOVE(ReplayEngine)

    QByteArray replayId() const { return m_options.replayId; }
    /// Begins the replay; finished() reports its end.
    void start();
    void pause();
    void resume();
    void cancel();

Q_SIGNALS:
    void progressed(const ReplayEngine::Progress& progress);
    void problemFound(const ReplayEngine::FileProblem& problem);
    void finished(const ReplayEngine::Summary& summary);

private:
    struct Entry
    {
        qint64 dueNanos;
        quint64 time;
        quint8 signal;
        qint32 index;
    };

    void pump();
    bool readBlock();
    /// The current file's next block: the one read ahead, and the one after it started.
    bool nextBlockOfFile(CaptureBatch* block);
    void closeFile();
    bool openNextFile();
    void queueBlock();
    qsizetype sendDue(qint64 nowNanos);
    qint64 nowNanos() const;
    void reportProgress(bool force);
    Progress progress() const;
    void finishRun(const QString& error = {});
    void addProblem(const QString& file, const CaptureProblem& problem);
    bool findLastTimestamp(quint64* last, QString* error);

    Options m_options;
    std::unique_ptr<ReplayOutput> m_output;
    ReplaySchedule m_schedule;
    std::unique_ptr<ReplayTransform> m_transform;
    std::unique_ptr<CaptureReader> m_reader;
    int m_fileIndex = -1;
    int m_loop = 0;
    CaptureBatch m_block;
    /// The block after m_block, decoded on other threads while m_block is sent.
    QFuture<void> m_readAhead;
    CaptureBatch m_readAheadBlock;
    bool m_readAheadOk = false;
    qint64 m_fileBytesRead = 0; ///< of the current file, when its last block was taken
    QList<Entry> m_queue;
    qsizetype m_next = 0;
    bool m_shiftKnown = false;
    qint64 m_totalBytes = 0;
    qint64 m_bytesDone = 0; ///< of files finished in this loop
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_pausedNanos = 0;
    QElapsedTimer m_pausedSince;
    bool m_running = false;
    bool m_cancelled = false;
    qint64 m_lastProgressMs = -1;
    Summary m_summary;
};

Q_DECLARE_METATYPE(ReplayEngine::Progress)
Q_DECLARE_METATYPE(ReplayEngine::FileProblem)
Q_DECLARE_METATYPE(ReplayEngine::Summary)
