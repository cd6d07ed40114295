#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "telemetry/clickhouserowmapper.h"

#include <QList>
#include <QString>

/// After a replay, finds its records in ClickHouse by the replay id (kept in each row's
/// attributes) and their `workbench.replay.seq` numbers, and says per signal how many were
/// expected, found, missing and stored more than once, with the first missing and duplicated
/// numbers. Asks again until nothing is missing or the time is up, since records in a spool
/// arrive late. Used on a thread with an event loop.
class ReplayVerifier final
{
public:
    struct SignalResult
    {
        QString table;
        qint64 expected = 0;
        qint64 found = 0; ///< distinct numbers found
        qint64 missing = 0;
        qint64 duplicated = 0; ///< numbers stored more than once
        qint64 unexpected = 0; ///< numbers outside the replay's range
        QList<qint64> missingKeys; ///< the first 20
        QList<qint64> duplicatedKeys; ///< the first 20
    };
    struct Result
    {
        QString error; ///< the server could not be asked
        QList<SignalResult> signalResults;
        bool exactlyOnce() const;
    };

    ReplayVerifier(ClickHouseEndpoint endpoint, ClickHouseRowMapper::Dialect dialect);

    /// expected: records sent per signal (spans, metric points, logs).
    Result verify(const QByteArray& replayId, const qint64 (&expected)[3], int timeoutMs);

private:
    bool check(const QByteArray& replayId, const char* table, qint64 expected, SignalResult* result, QString* error);

    ClickHouseEndpoint m_endpoint;
    ClickHouseRowMapper::Dialect m_dialect;
};
