#pragma once

#include "clickhouse/clickhousebackendconfig.h"
#include "clickhouse/clickhouseserverinfo.h"

#include <QMap>
#include <QStringList>

class QCommandLineParser;

/// Which ClickHouse a headless command (schema, sample) talks to, by the product's precedence:
/// --endpoint, else the SDKs' AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed server
/// that a window or `stack start` runs from --data-dir (the app's folder by default), else the
/// SDKs' default http://localhost:8123. Credentials: the managed server's own when it is the one
/// chosen, else the SDKs' _USERNAME and _PASSWORD variables; --user names another user (whose
/// password is then the SDKs' _PASSWORD). A password is only ever read from the environment or
/// the managed server's folder, never from a flag, so that it does not show in the process list.
namespace ClickHouseTarget {

void addOptions(QCommandLineParser& parser);

struct Choice
{
    ClickHouseBackendConfig config; ///< endpoint.database is the telemetry database
    QString source; ///< for the user: "--endpoint", "AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT", ...
};

/// False when an option is not usable (said on standard error); values from the environment
/// that cannot be used are warned about there too.
bool resolve(const QCommandLineParser& parser, Choice* choice);

/// Asks the server what it can do (its version decides the SQL and rows it is sent); waits for
/// the answer. False with the reason when it does not answer.
bool learnServer(const ClickHouseEndpoint& endpoint, ClickHouseServerInfo* info, QString* error);

/// learnServer for a command that cannot go on without the server: says on standard error, in
/// the command's name, which server (and why that one) did not answer.
bool reach(const Choice& target, const QString& command, ClickHouseServerInfo* info);

/// The repeated --var name=value options of the dashboard commands; a name given twice is a
/// multi-value selection. False (said on standard error) when one is not name=value.
bool readVariables(const QCommandLineParser& parser, QMap<QString, QStringList>* variables);

} // namespace ClickHouseTarget
