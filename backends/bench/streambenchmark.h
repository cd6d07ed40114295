#pragma once

#include "benchserver.h"

#include <QString>

/// A large result through the streaming client: rows per second, and the process's resident
/// memory while it streams compared with a buffered read of the same answer.
class StreamBenchmark final
{
public:
    struct Result
    {
        qint64 rows = 0;
        double streamSeconds = 0;
        qint64 streamPeakExtraKb = 0; ///< peak RSS above the baseline while streaming
        double bufferedSeconds = 0;
        qint64 bufferedPeakExtraKb = 0;
        qint64 answerBytes = 0;
    };

    StreamBenchmark(BenchServer* server, qint64 rows);
    bool run(Result* result, QString* error);

    /// Resident set size of this process now, in KiB (from /proc/self/statm).
    static qint64 residentKb();

private:
    BenchServer* m_server;
    qint64 m_rows;
};
