#pragma once

#include "benchsamples.h"
#include "benchserver.h"

#include <QString>

/// Replay as fast as possible: `automagik-workbench replay --speed max` of a capture of realistic
/// events into ClickHouse, run as its own process, against clickhouse-client inserting the same
/// events as JSONEachRow rows (each timed from process start to exit), at least five rounds with
/// the order rotated. Each replay also reports its peak memory and its decode rate; the capture of
/// a million events is about a gigabyte. And the timing error of a dry run at 1x and 10x.
class ReplayBenchmark final
{
public:
    struct Result
    {
        BenchSamples clientRowsPerSecond;
        BenchSamples replayRowsPerSecond;
        BenchSamples replayPeakMiB;
        BenchSamples replayDecodedPerSecond;
        qint64 events = 0;
        qint64 captureBytes = 0;
        double timingError1x = 0; ///< relative, of the time the last record went out
        double timingError10x = 0;
        qint64 timingLatest1xMs = 0; ///< the latest any record went out behind its schedule
        qint64 timingLatest10xMs = 0;
    };

    /// `program`: the automagik-workbench binary whose `replay` is measured.
    ReplayBenchmark(BenchServer* server, QString program, int events, int rounds);

    bool run(Result* result, QString* error);

private:
    bool writeInputs(const QString& capture, const QString& rows, qint64* captureBytes, QString* error);
    bool replayRun(
        const QString& capture, const QString& dataDirectory, Result* result, double* seconds, QString* error);
    bool timing(const QString& folder, double speed, double* relativeError, qint64* latestMs, QString* error);
    bool checkCount(QString* error);

    BenchServer* m_server;
    QString m_program;
    int m_events;
    int m_rounds;
};
