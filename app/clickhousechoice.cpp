#include "clickhousechoice.h"

#include "clickhouse/clickhousebackendconfig.h"
#include "clickhouse/localclickhouserunfiles.h"

#include <QCommandLineParser>
#include <QDir>
#include <QProcessEnvironment>
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
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString variable = QString::fromLatin1(ClickHouseBackendConfig::endpointVariable);
    // The SDKs' variables give the credentials (and the database) whichever way the server is named.
    const ClickHouseEndpoint sdk = ClickHouseBackendConfig::fromEnvironment(environment).endpoint;
    if (parser.isSet(u"clickhouse-endpoint"_s)) {
        choice.external = sdk;
        choice.external.url = QUrl::fromUserInput(parser.value(u"clickhouse-endpoint"_s));
        choice.source = u"--clickhouse-endpoint"_s;
    } else if (ClickHouseBackendConfig::namesEndpoint(environment)) {
        choice.external = sdk;
        choice.source = variable;
    } else if (ClickHouseEndpoint running;
               LocalClickHouseRunFiles::readRunning(choice.dataDirectory, &running, nullptr)) {
        // Another workbench (a `stack start`) runs the server of this folder: use it, never a second one.
        running.database = sdk.database;
        choice.external = running;
        choice.source = u"the managed ClickHouse already running from %1"_s.arg(choice.dataDirectory);
    } else {
        return choice;
    }
    choice.managed = false;
    return choice;
}
