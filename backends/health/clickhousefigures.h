#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

/// What the Health page shows about a ClickHouse server beyond "it answers": the telemetry
/// tables from the server's own bookkeeping, its load, and the inserts that failed there.
struct ClickHouseFigures
{
    struct Table
    {
        QString name;
        qint64 rows = 0;
        qint64 bytesOnDisk = 0;
        /// Active parts of the partition that has the most: merges falling behind show here
        /// first (ClickHouse refuses inserts at parts_to_throw_insert, 300 by default).
        qint64 mostPartsInAPartition = 0;
        /// Timestamp of the newest row (null for tables without a `timestamp` column or rows):
        /// how far ingest lags behind now.
        QDateTime newestRow;
    };

    /// An INSERT the server refused, from system.query_log.
    struct FailedInsert
    {
        QDateTime time;
        QString user;
        QString client; ///< the HTTP User-Agent or the native client's name
        QString address;
        QString query; ///< the statement, its first 300 characters (rows sent as the body are not in it)
        QString error; ///< the server's message
    };

    qint64 uptimeSeconds = -1;
    qint64 queriesRunning = 0; ///< other than the probe's own
    /// Rows inserted per second between the last two looks (-1 until there are two).
    double insertedRowsPerSecond = -1;
    QList<Table> tables; ///< of the telemetry database, by name
    QList<FailedInsert> failedInserts; ///< newest first, from the last 24 hours
    /// Why failed inserts cannot be listed (the server keeps no query log), or empty.
    QString failedInsertsUnavailable;
    QString error; ///< the look failed: nothing above is current
    QDateTime takenAt;
};
