#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QList>
#include <QString>

/// Where a replay sends its records: one of the two backends (each with its spool), or nowhere
/// (a dry run that reads and schedules only). Used on the replay's thread.
class ReplayOutput
{
public:
    struct Statistics
    {
        qint64 delivered = 0; ///< safe: stored (ClickHouse) or accepted (OTLP)
        qint64 failed = 0; ///< refused for good or lost
        qint64 spooled = 0; ///< waiting in the spool for the endpoint to come back
        qint64 requests = 0; ///< requests (inserts) that succeeded
        qint64 retries = 0;
        qint64 bytesRaw = 0; ///< request bodies before compression
        qint64 bytesSent = 0; ///< request bodies as sent
        qint64 lastLatencyMs = 0; ///< of the last request that was answered
        QString lastError;
    };

    virtual ~ReplayOutput() = default;
    /// Opens the backend (and its spool); false with `error` when it cannot.
    virtual bool start(QString* error) = 0;
    virtual void sendSpans(const QList<SpanRecord>& spans) = 0;
    virtual void sendMetrics(const QList<MetricPoint>& points) = 0;
    virtual void sendLogs(const QList<LogRecord>& logs) = 0;
    /// How many records to hand over per call at most: as many as the backend puts in one batch
    /// lets it take them as they are, without copying them into its buffer.
    virtual qsizetype recordsPerSend() const { return 20'000; }
    /// Records handed over and still in memory (not yet delivered, failed or spooled on disk): the
    /// replay waits while this is high, so a slow endpoint slows it instead of filling memory.
    virtual qint64 outstanding() const = 0;
    /// Delivers what is buffered, waiting up to `timeoutMs`; what is left goes to the spool.
    virtual void finish(int timeoutMs) = 0;
    virtual Statistics statistics() const = 0;
    /// "ClickHouse http://127.0.0.1:8123 (telemetry)", "OTLP/HTTP protobuf http://...".
    virtual QString description() const = 0;
};
