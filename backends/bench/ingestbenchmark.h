#pragma once

#include "benchserver.h"

#include <QList>
#include <QString>

/// Ingest into ClickHouse: the direct backend against clickhouse-client's own bulk insert of the
/// same rows, rounds interleaved with the order rotated, medians compared (docs/PERFORMANCE.md).
class IngestBenchmark final
{
public:
    struct Method
    {
        QString name;
        QList<double> rowsPerSecond; ///< one per round
        qint64 rows = 0;
        double median() const;
    };

    IngestBenchmark(BenchServer* server, int events, int sdkEvents, int rounds);

    /// Runs every method `rounds` times; each run starts from an empty table and checks the count.
    QList<Method> run(QString* error);

private:
    bool clickhouseClientRun(const QString& file, double* seconds, QString* error);
    bool plainHttpRun(int batchRows, int events, double* seconds, QString* error);
    bool directRun(
        bool throughput, int compressionLevel, bool groupCommit, int events, double* seconds, QString* error);
    bool resetTable(QString* error);
    bool checkCount(qint64 expected, QString* error);

    BenchServer* m_server;
    int m_events;
    int m_sdkEvents;
    int m_rounds;
};
