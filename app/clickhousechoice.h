#pragma once

#include "clickhouse/clickhouseendpoint.h"

#include <QString>

class QCommandLineParser;

/// Which ClickHouse the window works against: an external one when --clickhouse-endpoint or the
/// SDKs' variable AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT names one (a flag beats the
/// environment; credentials from the SDKs' variables); else the managed server that already runs
/// from the data folder (`stack start` in a terminal); else a managed local server the window
/// starts itself.
struct ClickHouseChoice
{
    bool managed = true;
    QString dataDirectory; ///< for the managed server
    ClickHouseEndpoint external; ///< for an external server
    QString source; ///< where the choice came from, for the user: "default", "--clickhouse-endpoint", ...

    static void addOptions(QCommandLineParser& parser);
    static ClickHouseChoice resolve(const QCommandLineParser& parser);
    static QString defaultDataDirectory();
};
