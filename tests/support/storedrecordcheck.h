#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QString>

/// Compares a record read back from a telemetry table (ClickHouseRowReader) with the record that
/// was written (ClickHouseRowMapper), as far as the table keeps it: durations in whole
/// milliseconds, attribute values as text, severities clamped to 0-24, a log's time falling back
/// to its observed time. Each answers what differs ("name: stored X, written Y"), empty when
/// nothing does, so that a test names the field and the record that went wrong.
namespace StoredRecordCheck {

QString span(const SpanRecord& stored, const SpanRecord& written);
QString metric(const MetricPoint& stored, const MetricPoint& written);
QString log(const LogRecord& stored, const LogRecord& written);

} // namespace StoredRecordCheck
