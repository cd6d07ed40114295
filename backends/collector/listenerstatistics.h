#pragma once

#include "otlp/otlpbends.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <array>

/// What one listener (the OTLP receiver or the ClickHouse gateway) has seen since it started:
/// read by the Health page and printed by `receive` and `stack start`.
struct ListenerStatistics
{
    enum Kind
    {
        Traces,
        Metrics,
        Logs,
    };

    qint64 requests = 0;
    qint64 inFlight = 0; ///< requests read and not answered yet (waiting for their records to be safe)
    std::array<qint64, 3> accepted {}; ///< records per kind answered with success
    std::array<qint64, 3> rejected {}; ///< records per kind refused (partial success, bad rows)
    qint64 bytesReceived = 0; ///< bodies as they came over the wire
    qint64 bytesDecoded = 0; ///< bodies after decompression
    QMap<int, qint64> answersByStatus; ///< every answer, by HTTP status
    qint64 lastLatencyMs = 0; ///< from the request read to its answer
    qint64 maxLatencyMs = 0;
    double averageLatencyMs = 0;
    qint64 answered = 0;
    OtlpBends bends;
    QString lastError;

    qint64 errors() const;
    void recordAnswer(int status, qint64 latencyMs);
    QJsonObject toJson() const;
};
