#pragma once

#include "clickhouseendpoint.h"
#include "delivery/retrypolicy.h"
#include "telemetry/clickhouserowmapper.h"

#include <QProcessEnvironment>
#include <QString>

#include <algorithm>

/// Everything the ClickHouse direct backend needs, with the SDKs' defaults and environment
/// variables (reference/upstream.md, section 5): AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT,
/// _DATABASE, _TABLE, _METRICS_TABLE, _LOGS_TABLE, _USERNAME, _PASSWORD, _BATCH_SIZE and
/// AUTOMAGIK_TELEMETRY_TIMEOUT (seconds).
struct ClickHouseBackendConfig
{
    enum class Mode
    {
        Sdk, ///< batches of `batchSize` (100) or every `flushIntervalMs` (5 s), as the SDKs send
        Throughput, ///< bulk work (replay, import): large batches on a kept-alive connection
    };

    ClickHouseEndpoint endpoint; ///< endpoint.database is the telemetry database
    QString tracesTable = QStringLiteral("traces");
    QString metricsTable = QStringLiteral("metrics");
    QString logsTable = QStringLiteral("logs");
    Mode mode = Mode::Sdk;
    int batchSize = 100; ///< rows per batch in SDK mode
    int throughputBatchRows = 20000; ///< rows per batch in throughput mode
    qsizetype throughputBatchBytes = 12 << 20; ///< or this many bytes of rows, whichever comes first
    int sdkCoalescedRows = 1000; ///< SDK mode's group-commit limit (coalescedRowsLimit())
    int flushIntervalMs = 5000;
    int timeoutMs = 5000;
    /// gzip level for request bodies; 0 sends them uncompressed (on loopback that saves CPU).
    int compressionLevel = 1;
    /// Inserts RowBinary when the table's column types allow it (the server then parses no
    /// text: docs/PERFORMANCE.md); false: always JSONEachRow, as the SDKs send.
    bool rowBinary = true;
    RetryPolicy retry;
    ClickHouseRowMapper::Dialect dialect = ClickHouseRowMapper::Dialect::Legacy;
    QString spoolPath; ///< empty: no spool (failed batches are reported and dropped loudly)
    qint64 spoolMaxBytes = qint64(1) << 30;
    int spoolRetryIntervalMs = 2000; ///< how often a non-empty spool tries the server again

    /// The SDKs' variable that names the server; the one place its name is spelled.
    static constexpr char endpointVariable[] = "AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT";
    /// A server's URL as a user writes it: "http://host:8123", or "host:8123" for http.
    static QUrl endpointUrl(const QString& text);
    /// Whether `environment` names a server (set and not empty).
    static bool namesEndpoint(const QProcessEnvironment& environment)
    {
        return !environment.value(QString::fromLatin1(endpointVariable)).isEmpty();
    }

    int rowsPerBatch() const { return mode == Mode::Throughput ? throughputBatchRows : batchSize; }
    /// Inserts per table under way at once. Bulk work keeps the server busy with the next batch
    /// while one is written; small SDK batches go one at a time (two concurrent small inserts
    /// measured three times slower on ClickHouse 18.16: docs/PERFORMANCE.md).
    int inFlightPerTable() const { return mode == Mode::Throughput ? 2 : 1; }
    /// Group commit: when batches queue up behind an insert that is under way, the next insert
    /// takes as many of them as fit in this many rows (and throughputBatchBytes). A trickle still
    /// goes out in batches of `batchSize` as soon as they fill; a burst is not turned into a
    /// hundred tiny parts for the server to write and merge (docs/PERFORMANCE.md).
    int coalescedRowsLimit() const
    {
        return mode == Mode::Throughput ? throughputBatchRows : std::max(batchSize, sdkCoalescedRows);
    }

    /// The SDKs' variables over the defaults. `problems` lists values that could not be used.
    static ClickHouseBackendConfig fromEnvironment(
        const QProcessEnvironment& environment, QStringList* problems = nullptr);
};
