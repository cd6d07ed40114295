#pragma once

#include "captureproblem.h"
#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QList>

/// What a run of capture items decoded to: the records of each signal in file order, and the
/// items (or records in them) that could not be read.
struct CaptureBatch
{
    QList<SpanRecord> spans;
    QList<MetricPoint> metrics;
    QList<LogRecord> logs;
    QList<CaptureProblem> problems;
    qint64 items = 0; ///< items read (good and bad)
    qint64 bytes = 0; ///< their decompressed bytes

    qsizetype recordCount() const { return spans.size() + metrics.size() + logs.size(); }
    void append(CaptureBatch&& other)
    {
        spans.append(std::move(other.spans));
        metrics.append(std::move(other.metrics));
        logs.append(std::move(other.logs));
        problems.append(std::move(other.problems));
        items += other.items;
        bytes += other.bytes;
    }
};
