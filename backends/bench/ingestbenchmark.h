#pragma once

#include "benchsamples.h"
#include "benchserver.h"

#include <QList>
#include <QString>

/// Ingest into ClickHouse: the direct backend against clickhouse-client's own bulk insert of the
/// same rows, at least five rounds with the order rotated, each method's spread reported and
/// ratios taken in the same run (docs/PERFORMANCE.md). clickhouse-client's time includes its
/// process start and its own parsing of the JSON into native blocks; its start alone is measured
/// too (clientStartSeconds), so a reader can tell the two apart.
class IngestBenchmark final
{
public:
    struct Method
    {
        QString name;
        BenchSamples rowsPerSecond; ///< one per round
        qint64 rows = 0;
    };

    IngestBenchmark(BenchServer* server, int events, int sdkEvents, int rounds);

    /// Runs every method `rounds` times; each run starts from an empty table and checks the count.
    QList<Method> run(QString* error);
    /// `clickhouse-client --query "SELECT 1"` per round: the part of its inserts that is process
    /// start, connection and login (empty without clickhouse-client).
    const BenchSamples& clientStartSeconds() const { return m_clientStart; }

private:
    bool plainHttpRun(int batchRows, int events, double* seconds, QString* error);
    bool directRun(
        bool throughput, int compressionLevel, bool groupCommit, int events, double* seconds, QString* error);
    bool resetTable(QString* error);
    bool checkCount(qint64 expected, QString* error);

    BenchServer* m_server;
    int m_events;
    int m_sdkEvents;
    int m_rounds;
    BenchSamples m_clientStart;
};
