#pragma once

#include "clickhouse/clickhouseerror.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

/// One look at a ClickHouse server: could we run a query, which version answered, how long it took.
struct ClickHouseProbeSample
{
    bool reachable = false;
    QString version;
    qint64 latencyMs = -1;
    ClickHouseError error;
    QDateTime takenAt;
};

Q_DECLARE_METATYPE(ClickHouseProbeSample)
