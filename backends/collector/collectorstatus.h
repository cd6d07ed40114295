#pragma once

#include "listenerstatistics.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <array>

/// A snapshot of the local collector for the window: where it listens, whether it runs, what it
/// has taken, and how its deliveries to ClickHouse stand. Sent from the collector's thread.
struct CollectorStatus
{
    enum class State
    {
        Stopped,
        Running,
        Failed,
    };

    State state = State::Stopped;
    QString error; ///< why it failed to start
    QUrl otlpUrl;
    QUrl gatewayUrl;
    ListenerStatistics receiver;
    ListenerStatistics gateway;
    qint64 rowsDelivered = 0;
    std::array<qint64, 3> rowsStored {}; ///< delivered per kind (ListenerStatistics::Kind)
    qint64 spooledRows = 0;
    qint64 spoolOldestMs = 0; ///< when the oldest batch in the spool was sealed (ms since the epoch)
    qint64 rowsLost = 0;
    QString deliveryError; ///< the exporter's last error, if any
};

Q_DECLARE_METATYPE(CollectorStatus)
