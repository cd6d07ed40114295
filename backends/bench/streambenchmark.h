#pragma once

#include "benchsamples.h"
#include "benchserver.h"

#include <QString>

/// A large result through the streaming client, against curl fetching the same answer to
/// /dev/null and against a buffered read of it: seconds per round (order rotated), and the
/// process's resident memory above its level before each read.
class StreamBenchmark final
{
public:
    struct Result
    {
        qint64 rows = 0;
        qint64 answerBytes = 0;
        BenchSamples curlSeconds;
        BenchSamples streamSeconds;
        BenchSamples bufferedSeconds;
        qint64 streamPeakExtraKb = 0; ///< the largest over the rounds
        qint64 bufferedPeakExtraKb = 0;
    };

    StreamBenchmark(BenchServer* server, qint64 rows, int rounds);
    bool run(Result* result, QString* error);

    /// Resident set size of this process now, in KiB (from /proc/self/statm).
    static qint64 residentKb();

private:
    bool streamOnce(Result* result, QString* error);
    bool bufferedOnce(Result* result, QString* error);
    bool curlOnce(Result* result, QString* error);
    QString sql() const;

    BenchServer* m_server;
    qint64 m_rows;
    int m_rounds;
};
