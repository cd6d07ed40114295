#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

/// Records that use every field of every signal with edge values (empty strings, unicode, max
/// and min 64-bit integers, NaN and infinities, -0.0, nested arrays and key-value lists, bytes
/// with NULs, absent optional ids), for round-trip tests of the codecs.
namespace RecordSamples {

/// Every AnyValue shape, nested two levels deep.
Attributes edgeAttributes();

QList<SpanRecord> spans();
QList<MetricPoint> metrics();
QList<LogRecord> logs();

/// `count` realistic Automagik events (SDK-built spans with system.* and a few user attributes),
/// sharing one resource: the shape a batch has in production, for benchmarks.
QList<SpanRecord> realisticEvents(int count);

TraceId traceId(quint8 seed);
SpanId spanId(quint8 seed);

} // namespace RecordSamples
