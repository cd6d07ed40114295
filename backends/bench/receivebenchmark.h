#pragma once

#include "benchsamples.h"
#include "benchserver.h"

#include <QList>
#include <QString>

/// The local collector end to end: OTLP/HTTP protobuf requests from the workbench's own exporter
/// (batches of 1,000 spans, several requests under way, as an SDK's batch processor sends them)
/// into the receiver, which answers each only once its spans are in ClickHouse, against the direct
/// backend writing the same spans straight to ClickHouse; at least five rounds, order rotated, the
/// ratio taken in the same run. The receiver runs on a thread of its own, as in the window.
class ReceiveBenchmark final
{
public:
    struct Method
    {
        QString name;
        BenchSamples spansPerSecond;
    };

    ReceiveBenchmark(BenchServer* server, int events, int rounds);
    QList<Method> run(QString* error);

private:
    bool directRun(double* seconds, QString* error);
    bool receiverRun(bool gzip, double* seconds, QString* error);
    bool resetTable(QString* error);
    bool checkCount(QString* error);

    BenchServer* m_server;
    int m_events;
    int m_rounds;
};
