#pragma once

#include "clickhouse/clickhouseendpoint.h"

#include <QString>

class QCommandLineParser;

/// Which ClickHouse the workbench works against: by default a managed local server in its own
/// data folder; an external one when --clickhouse-endpoint or the SDKs' variable
/// AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT names one (a flag beats the environment).
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
