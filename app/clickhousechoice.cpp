#include "clickhousechoice.h"

#include "clickhouse/clickhousebackendconfig.h"
#include "clickhouse/localclickhouserunfiles.h"
#include "settings/settingsconfig.h"
#include "settings/workbenchsettings.h"

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
    return choose(parser.value(u"clickhouse-endpoint"_s), u"--clickhouse-endpoint"_s,
        parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : defaultDataDirectory());
}

namespace {
/// The server `url` names (empty: none named), with `credentials`; else the managed server
/// running from `dataDirectory`; else none (`managed` stays true).
ClickHouseChoice pick(
    const QString& url, const QString& source, const ClickHouseEndpoint& credentials, const QString& dataDirectory)
{
    ClickHouseChoice choice;
    choice.dataDirectory = dataDirectory;
    ClickHouseEndpoint running;
    if (!url.isEmpty()) {
        choice.external = credentials;
        choice.external.url = ClickHouseBackendConfig::endpointUrl(url);
        choice.source = source;
    } else if (LocalClickHouseRunFiles::readRunning(dataDirectory, &running, &choice.source)) {
        // A window or `stack start` runs the server of this folder: use it, never a second one.
        running.database = credentials.database;
        choice.external = running;
        choice.source = u"the managed ClickHouse in %1"_s.arg(dataDirectory);
    } else {
        return choice; // `source` says why no running one was found
    }
    choice.managed = false;
    return choice;
}
} // namespace

ClickHouseChoice ClickHouseChoice::choose(
    const QString& flagValue, const QString& flagName, const QString& dataDirectory)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The SDKs' variables give the credentials (and the database) whichever way the server is named.
    const ClickHouseEndpoint sdk = ClickHouseBackendConfig::fromEnvironment(environment).endpoint;
    if (!flagValue.isEmpty())
        return pick(flagValue, flagName, sdk, dataDirectory);
    if (ClickHouseBackendConfig::namesEndpoint(environment))
        return pick(
            sdk.url.toString(), QString::fromLatin1(ClickHouseBackendConfig::endpointVariable), sdk, dataDirectory);
    return pick(QString(), QString(), sdk, dataDirectory);
}

ClickHouseChoice ClickHouseChoice::fromSettings(const WorkbenchSettings& settings, const QString& dataDirectory)
{
    ClickHouseEndpoint named;
    QString source;
    if (SettingsConfig::externalClickHouse(settings, &named, &source))
        return pick(named.url.toString(), source, named, dataDirectory);
    return pick(QString(), QString(), SettingsConfig::clickHouseCredentials(settings), dataDirectory);
}
