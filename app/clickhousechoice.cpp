#include "clickhousechoice.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

void ClickHouseChoice::addOptions(QCommandLineParser& parser)
{
    parser.addOption({ u"data-dir"_s,
        QCoreApplication::translate("ClickHouseChoice", "Folder of the managed local ClickHouse (default: %1).")
            .arg(defaultDataDirectory()),
        u"folder"_s });
    parser.addOption({ u"clickhouse-endpoint"_s,
        QCoreApplication::translate("ClickHouseChoice",
            "Use this external ClickHouse (http://host:8123) instead of the managed one. Credentials come from "
            "AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME and _PASSWORD."),
        u"url"_s });
}

QString ClickHouseChoice::defaultDataDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"clickhouse"_s);
}

ClickHouseChoice ClickHouseChoice::resolve(const QCommandLineParser& parser)
{
    ClickHouseChoice choice;
    choice.dataDirectory = parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : defaultDataDirectory();
    choice.source = u"default"_s;
    QString endpoint;
    if (parser.isSet(u"clickhouse-endpoint"_s)) {
        endpoint = parser.value(u"clickhouse-endpoint"_s);
        choice.source = u"--clickhouse-endpoint"_s;
    } else if (qEnvironmentVariableIsSet("AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT")) {
        endpoint = qEnvironmentVariable("AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT");
        choice.source = u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s;
    }
    if (endpoint.isEmpty())
        return choice;
    choice.managed = false;
    choice.external.url = QUrl::fromUserInput(endpoint);
    // The SDKs' defaults (reference/upstream.md, section 5).
    choice.external.user = qEnvironmentVariable("AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME", u"default"_s);
    choice.external.password = qEnvironmentVariable("AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD");
    choice.external.database = qEnvironmentVariable("AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE", u"telemetry"_s);
    return choice;
}
