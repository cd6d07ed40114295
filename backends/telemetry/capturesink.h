#pragma once

#include "logrecord.h"
#include "metricpoint.h"
#include "spanrecord.h"

#include <QList>

/// Where the receiver hands a copy of every accepted record for recording to a capture file. The
/// capture work implements it; calls come on the receiver's thread and must not block it.
class CaptureSink
{
public:
    virtual ~CaptureSink() = default;
    virtual void captureSpans(const QList<SpanRecord>& spans) = 0;
    virtual void captureMetrics(const QList<MetricPoint>& points) = 0;
    virtual void captureLogs(const QList<LogRecord>& logs) = 0;
};
