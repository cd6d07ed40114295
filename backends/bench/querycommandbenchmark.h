#pragma once

#include "benchsamples.h"
#include "benchserver.h"

#include <QString>

/// `automagik-workbench query --format csv` as a user runs it, against curl fetching the same
/// query as CSVWithNames from the same server: each a process of its own, timed from spawn to
/// exit, standard output to /dev/null, rounds with the order rotated. Then the command once more
/// with `scale` times the rows: its peak memory should not grow with the result (it streams).
class QueryCommandBenchmark final
{
public:
    struct Result
    {
        qint64 rows = 0;
        BenchSamples curlSeconds;
        BenchSamples commandSeconds;
        BenchSamples commandPeakMiB;
        double scaledPeakMiB = 0; ///< the command's peak memory on `scale` times the rows
        qint64 scaledRows = 0;
    };

    QueryCommandBenchmark(BenchServer* server, QString program, qint64 rows, int rounds);
    bool run(Result* result, QString* error);

    static constexpr int scale = 5;

private:
    bool commandOnce(qint64 rows, double* seconds, double* peakMiB, QString* error);
    bool curlOnce(double* seconds, QString* error);
    static QString sql(qint64 rows);

    BenchServer* m_server;
    QString m_program;
    qint64 m_rows;
    int m_rounds;
};
