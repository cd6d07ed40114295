#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QList>
#include <QString>

/// What one look at the three telemetry tables found: the records of the new rows, each with its
/// fingerprint, and per table the newest start time seen (where the next look begins).
struct TableRows
{
    QList<SpanRecord> spans;
    QList<MetricPoint> metrics;
    QList<LogRecord> logs;
    QList<quint64> spanPrints;
    QList<quint64> metricPrints;
    QList<quint64> logPrints;
    quint64 newestNs[3] = {}; ///< traces, metrics, logs; 0 when none came
    qint64 unreadable = 0;
    QString firstProblem;

    /// Reads the JSONEachRow answers of the three tables, in that order.
    static TableRows read(const QByteArray& traceRows, const QByteArray& metricRows, const QByteArray& logRows);
};
