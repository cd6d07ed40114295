#pragma once

#include "clickhouse/clickhouseendpoint.h"

#include <QString>

class QCommandLineParser;
class WorkbenchSettings;

/// Which ClickHouse to work against, by the product's precedence, for the window and the headless
/// commands alike: the server a flag names (--clickhouse-endpoint for the window, --endpoint for
/// the commands), else the one the SDKs' AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT names (credentials
/// and database from the SDKs' variables either way), else the managed server already running
/// from the data folder (a window or `stack start`; its own credentials). When none of these is
/// there, `managed` stays true: the window starts a managed server of its own, a command falls
/// back to the SDKs' default.
struct ClickHouseChoice
{
    bool managed = true;
    QString dataDirectory; ///< for the managed server
    ClickHouseEndpoint external; ///< for an external server (or a managed one already running)
    QString source; ///< where the choice came from, for the user; when managed, why none was found

    /// The window's options: --data-dir and --clickhouse-endpoint.
    static void addOptions(QCommandLineParser& parser);
    static ClickHouseChoice resolve(const QCommandLineParser& parser);
    /// The window's choice: the ClickHouse the settings name (flag, environment or saved, with
    /// their database, user and password), else the managed server running from the data folder,
    /// else a managed one of the window's own.
    static ClickHouseChoice fromSettings(const WorkbenchSettings& settings, const QString& dataDirectory);
    /// The choice itself: `flagValue` is what the flag called `flagName` gave (empty: not given).
    static ClickHouseChoice choose(const QString& flagValue, const QString& flagName, const QString& dataDirectory);
    static QString defaultDataDirectory();
};
