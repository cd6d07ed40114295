-- The upstream Automagik Telemetry schema in the dialect of old servers (Debian 12 ships ClickHouse
-- 18.16: no Map, no TTL, no data-skipping indexes, no DateTime64). Same tables, same column names:
-- Map(K, V) columns become Nested(key K, value V) (attributes.key / attributes.value), and the
-- materialized views cast their aggregates to the target column types (on 18.16 quantile() of a
-- UInt32 is a UInt32, and the mismatch fails every insert into traces after the row is written).
-- {database} is replaced by the configured database (upstream: telemetry).

CREATE DATABASE IF NOT EXISTS {database};

CREATE TABLE IF NOT EXISTS {database}.traces (
    trace_id String,
    span_id String,
    parent_span_id String DEFAULT '',
    timestamp DateTime DEFAULT now(),
    timestamp_ns UInt64 DEFAULT 0,
    duration_ms UInt32 DEFAULT 0,
    service_name String,
    span_name String,
    span_kind String DEFAULT 'INTERNAL',
    status_code String DEFAULT 'OK',
    status_message String DEFAULT '',
    project_name String,
    project_version String,
    environment String DEFAULT 'production',
    hostname String DEFAULT '',
    attributes Nested(key String, value String),
    user_id String DEFAULT '',
    session_id String DEFAULT '',
    os_type String DEFAULT '',
    os_version String DEFAULT '',
    runtime_name String DEFAULT '',
    runtime_version String DEFAULT '',
    cloud_provider String DEFAULT '',
    cloud_region String DEFAULT '',
    cloud_availability_zone String DEFAULT '',
    instrumentation_library_name String DEFAULT '',
    instrumentation_library_version String DEFAULT ''
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (service_name, span_name, timestamp)
SETTINGS index_granularity = 8192;

CREATE TABLE IF NOT EXISTS {database}.metrics_hourly (
    timestamp DateTime,
    project_name String,
    service_name String,
    span_name String,
    environment String,
    total_count UInt64,
    error_count UInt64,
    p50_duration_ms Float64,
    p95_duration_ms Float64,
    p99_duration_ms Float64,
    avg_duration_ms Float64,
    max_duration_ms UInt32,
    min_duration_ms UInt32
) ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (project_name, service_name, span_name, environment, timestamp)
SETTINGS index_granularity = 8192;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.metrics_hourly_mv TO {database}.metrics_hourly AS
SELECT
    toStartOfHour(timestamp) AS timestamp,
    project_name,
    service_name,
    span_name,
    environment,
    toUInt64(count()) AS total_count,
    toUInt64(countIf(status_code != 'OK')) AS error_count,
    toFloat64(quantile(0.5)(duration_ms)) AS p50_duration_ms,
    toFloat64(quantile(0.95)(duration_ms)) AS p95_duration_ms,
    toFloat64(quantile(0.99)(duration_ms)) AS p99_duration_ms,
    toFloat64(avg(duration_ms)) AS avg_duration_ms,
    toUInt32(max(duration_ms)) AS max_duration_ms,
    toUInt32(min(duration_ms)) AS min_duration_ms
FROM {database}.traces
GROUP BY timestamp, project_name, service_name, span_name, environment;

CREATE TABLE IF NOT EXISTS {database}.metrics (
    metric_id String,
    metric_name String,
    metric_type Enum8('GAUGE' = 1, 'SUM' = 2, 'HISTOGRAM' = 3, 'EXPONENTIAL_HISTOGRAM' = 4, 'SUMMARY' = 5),
    metric_unit String DEFAULT '',
    metric_description String DEFAULT '',
    timestamp DateTime DEFAULT now(),
    timestamp_ns UInt64 DEFAULT 0,
    time_window_start DateTime DEFAULT now(),
    time_window_end DateTime DEFAULT now(),
    value_int Int64 DEFAULT 0,
    value_double Float64 DEFAULT 0.0,
    is_monotonic UInt8 DEFAULT 0,
    aggregation_temporality Enum8('UNSPECIFIED' = 0, 'DELTA' = 1, 'CUMULATIVE' = 2) DEFAULT 'UNSPECIFIED',
    histogram_count UInt64 DEFAULT 0,
    histogram_sum Float64 DEFAULT 0,
    histogram_min Float64 DEFAULT 0,
    histogram_max Float64 DEFAULT 0,
    histogram_bucket_counts Array(UInt64) DEFAULT [],
    histogram_explicit_bounds Array(Float64) DEFAULT [],
    summary_count UInt64 DEFAULT 0,
    summary_sum Float64 DEFAULT 0,
    quantile_values Nested(key String, value Float64),
    project_name String,
    project_version String DEFAULT '',
    service_name String,
    service_namespace String DEFAULT '',
    service_instance_id String DEFAULT '',
    environment String DEFAULT 'production',
    hostname String DEFAULT '',
    attributes Nested(key String, value String),
    user_id String DEFAULT '',
    session_id String DEFAULT '',
    os_type String DEFAULT '',
    os_version String DEFAULT '',
    runtime_name String DEFAULT '',
    runtime_version String DEFAULT '',
    cloud_provider String DEFAULT '',
    cloud_region String DEFAULT '',
    cloud_availability_zone String DEFAULT '',
    instrumentation_library_name String DEFAULT '',
    instrumentation_library_version String DEFAULT '',
    schema_url String DEFAULT ''
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (service_name, metric_name, timestamp)
SETTINGS index_granularity = 8192;

CREATE TABLE IF NOT EXISTS {database}.logs (
    log_id String,
    trace_id String DEFAULT '',
    span_id String DEFAULT '',
    timestamp DateTime,
    timestamp_ns UInt64,
    observed_timestamp DateTime,
    observed_timestamp_ns UInt64,
    severity_text String,
    severity_number UInt8,
    body String,
    body_type Enum8('EMPTY' = 0, 'STRING' = 1, 'JSON' = 2, 'BYTES' = 3) DEFAULT 'STRING',
    project_name String,
    project_version String DEFAULT '',
    service_name String,
    service_namespace String DEFAULT '',
    service_instance_id String DEFAULT '',
    environment String DEFAULT 'production',
    hostname String DEFAULT '',
    attributes Nested(key String, value String),
    user_id String DEFAULT '',
    session_id String DEFAULT '',
    os_type String DEFAULT '',
    os_version String DEFAULT '',
    runtime_name String DEFAULT '',
    runtime_version String DEFAULT '',
    cloud_provider String DEFAULT '',
    cloud_region String DEFAULT '',
    cloud_availability_zone String DEFAULT '',
    instrumentation_library_name String DEFAULT '',
    instrumentation_library_version String DEFAULT '',
    schema_url String DEFAULT '',
    exception_type String DEFAULT '',
    exception_message String DEFAULT '',
    exception_stacktrace String DEFAULT '',
    is_exception UInt8 DEFAULT 0,
    source_file String DEFAULT '',
    source_line UInt32 DEFAULT 0,
    source_function String DEFAULT '',
    flags UInt32 DEFAULT 0
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (service_name, severity_number, timestamp)
SETTINGS index_granularity = 8192;

CREATE TABLE IF NOT EXISTS {database}.metrics_5min (
    timestamp DateTime,
    project_name String,
    service_name String,
    metric_name String,
    metric_type String,
    environment String,
    sample_count UInt64,
    sum_value Float64,
    avg_value Float64,
    min_value Float64,
    max_value Float64,
    p50_value Float64,
    p95_value Float64,
    p99_value Float64
) ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (project_name, service_name, metric_name, environment, timestamp)
SETTINGS index_granularity = 8192;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.metrics_5min_mv TO {database}.metrics_5min AS
SELECT
    toStartOfFiveMinute(timestamp) AS timestamp,
    project_name,
    service_name,
    metric_name,
    toString(metric_type) AS metric_type,
    environment,
    count() AS sample_count,
    toFloat64(sum(value_double)) AS sum_value,
    toFloat64(avg(value_double)) AS avg_value,
    toFloat64(min(value_double)) AS min_value,
    toFloat64(max(value_double)) AS max_value,
    toFloat64(quantile(0.5)(value_double)) AS p50_value,
    toFloat64(quantile(0.95)(value_double)) AS p95_value,
    toFloat64(quantile(0.99)(value_double)) AS p99_value
FROM {database}.metrics
WHERE metric_type IN ('GAUGE', 'SUM')
GROUP BY timestamp, project_name, service_name, metric_name, metric_type, environment;

CREATE TABLE IF NOT EXISTS {database}.logs_error_summary (
    timestamp DateTime,
    project_name String,
    service_name String,
    environment String,
    total_logs UInt64,
    error_logs UInt64,
    warn_logs UInt64,
    exception_logs UInt64,
    sample_messages Array(String)
) ENGINE = SummingMergeTree()
PARTITION BY toYYYYMM(timestamp)
ORDER BY (project_name, service_name, environment, timestamp)
SETTINGS index_granularity = 8192;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.logs_error_summary_mv TO {database}.logs_error_summary AS
SELECT
    toStartOfHour(timestamp) AS timestamp,
    project_name,
    service_name,
    environment,
    count() AS total_logs,
    countIf(severity_number >= 17) AS error_logs,
    countIf(severity_number >= 13 AND severity_number < 17) AS warn_logs,
    countIf(is_exception = 1) AS exception_logs,
    groupArray(10)(body) AS sample_messages
FROM {database}.logs
GROUP BY timestamp, project_name, service_name, environment;

CREATE VIEW IF NOT EXISTS {database}.trace_logs_correlation AS
SELECT
    t.trace_id AS trace_id,
    t.span_id AS span_id,
    t.service_name AS service_name,
    t.span_name AS span_name,
    t.timestamp AS trace_timestamp,
    t.status_code AS status_code,
    t.project_name AS project_name,
    t.environment AS environment,
    l.log_id AS log_id,
    l.timestamp AS log_timestamp,
    l.severity_text AS severity_text,
    l.severity_number AS severity_number,
    l.body AS log_message,
    l.is_exception AS is_exception,
    l.exception_type AS exception_type,
    l.exception_message AS exception_message
FROM {database}.traces AS t
INNER JOIN {database}.logs AS l ON t.trace_id = l.trace_id
WHERE l.trace_id != ''
ORDER BY t.timestamp DESC;
