#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

/// A record's identity that survives a trip through the telemetry tables: the same value for a
/// record as the receiver took it and as ClickHouseRowReader reads its row back. It is made only
/// of what the row keeps exactly (ids, nanosecond times, names, the service, a log's body), so
/// the Live page can tell a row it already showed from the receiver from one another client
/// wrote.
namespace RecordFingerprint {
quint64 of(const SpanRecord& span);
quint64 of(const MetricPoint& point);
quint64 of(const LogRecord& log);
} // namespace RecordFingerprint
