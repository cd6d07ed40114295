#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QList>
#include <QString>

/// What one read of the three telemetry tables found: the records of the rows, and for each its
/// fingerprint and the second the server files its row under (the `_tail_second` column the
/// tail's query adds).
struct TableRows
{
    QList<SpanRecord> spans;
    QList<MetricPoint> metrics;
    QList<LogRecord> logs;
    QList<quint64> prints[3]; ///< traces, metrics, logs: one per record, in the lists' order
    QList<quint32> seconds[3];
    qint64 unreadable = 0;
    QString firstProblem;

    /// The name of the column the tail's query adds with each row's second, toUInt32(timestamp).
    static constexpr char secondColumn[] = "_tail_second";

    /// Reads the JSONEachRow answers of the three tables, in that order.
    static TableRows read(const QByteArray& traceRows, const QByteArray& metricRows, const QByteArray& logRows);
};
