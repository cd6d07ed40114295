#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

/// One look at a service of the stack that is not ClickHouse (an OpenTelemetry collector, a
/// Grafana): did it answer healthy, how fast, which version, since when, and its key figures.
struct ServiceHealthSample
{
    bool reachable = false; ///< an HTTP answer came
    bool healthy = false; ///< and it says it is well
    int httpStatus = 0;
    qint64 latencyMs = -1;
    QString state; ///< the service's own word ("Server available", "database ok")
    QString version;
    qint64 uptimeSeconds = -1;
    QList<QPair<QString, double>> figures; ///< in the order to show them
    QString error; ///< why it is not reachable or not healthy
    QDateTime takenAt;
};

Q_DECLARE_METATYPE(ServiceHealthSample)
