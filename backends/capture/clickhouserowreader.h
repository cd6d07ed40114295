#pragma once

#include "common/jsonview.h"
#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QString>

/// Reads rows of the upstream `traces`, `metrics` and `logs` tables as `SELECT * ... FORMAT
/// JSONEachRow` exports them back into records, so rows already in a ClickHouse replay elsewhere:
/// the inverse of ClickHouseRowMapper. Both shapes: the modern schema's Map columns (a JSON
/// object) and 18.16's Nested ones (`attributes.key` and `attributes.value` arrays); 64-bit
/// numbers quoted or not. The resource comes back from the resource columns (service_name as
/// service.name, and so on), attribute values as strings (the table keeps no types), and a
/// former replay's `workbench.replay.*` attributes are dropped so a new replay stamps its own.
class ClickHouseRowReader final
{
public:
    enum class Table
    {
        None, ///< not a row of the three tables
        Traces,
        Metrics,
        Logs,
    };

    /// Which table the row's columns say it comes from (span_id, metric_name or log_id).
    static Table tableOf(const JsonView& row);
    /// False with `error` (the column and what was wrong) when a column has the wrong type.
    static bool readSpan(const JsonView& row, SpanRecord* span, QString* error);
    static bool readMetric(const JsonView& row, MetricPoint* point, QString* error);
    static bool readLog(const JsonView& row, LogRecord* log, QString* error);
};
