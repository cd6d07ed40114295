#include "clickhousetarget.h"

#include "clickhouse/clickhouseserverinfoloader.h"
#include "clickhousechoice.h"
#include "console.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace ClickHouseTarget {

void addOptions(QCommandLineParser& parser)
{
    parser.addOption({ u"endpoint"_s,
        QCoreApplication::translate("ClickHouseTarget", "ClickHouse HTTP URL (default: see above)."), u"url"_s });
    parser.addOption({ u"user"_s, QCoreApplication::translate("ClickHouseTarget", "ClickHouse user."),
        QCoreApplication::translate("ClickHouseTarget", "name") });
    parser.addOption(
        { u"database"_s, QCoreApplication::translate("ClickHouseTarget", "Telemetry database (default telemetry)."),
            QCoreApplication::translate("ClickHouseTarget", "name") });
    parser.addOption({ u"data-dir"_s,
        QCoreApplication::translate(
            "ClickHouseTarget", "Folder of the managed ClickHouse to use when no endpoint is given (default: %1).")
            .arg(ClickHouseChoice::defaultDataDirectory()),
        QCoreApplication::translate("ClickHouseTarget", "folder") });
}

bool resolve(const QCommandLineParser& parser, Choice* choice)
{
    QStringList warnings;
    choice->config = ClickHouseBackendConfig::fromEnvironment(QProcessEnvironment::systemEnvironment(), &warnings);
    for (const QString& warning : std::as_const(warnings))
        Console::printLine(stderr, QCoreApplication::translate("ClickHouseTarget", "warning: %1").arg(warning));
    const ClickHouseEndpoint sdk = choice->config.endpoint;
    ClickHouseEndpoint& endpoint = choice->config.endpoint;
    const ClickHouseChoice chosen = ClickHouseChoice::choose(parser.value(u"endpoint"_s), u"--endpoint"_s,
        parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : ClickHouseChoice::defaultDataDirectory());
    if (chosen.managed) {
        choice->source = QCoreApplication::translate(
            "ClickHouseTarget", "the SDKs' default (%1; set %2 or start one with 'automagik-workbench stack start')")
                             .arg(chosen.source, QString::fromLatin1(ClickHouseBackendConfig::endpointVariable));
    } else {
        endpoint = chosen.external;
        choice->source = chosen.source;
    }
    if (!endpoint.isValid()) {
        Console::printLine(stderr,
            QCoreApplication::translate("ClickHouseTarget", "%1 is not a URL: %2")
                .arg(chosen.source, endpoint.url.toString()));
        return false;
    }
    if (parser.isSet(u"user"_s) && parser.value(u"user"_s) != endpoint.user) {
        // Another user than the managed server's own brings the SDKs' password, not the server's.
        endpoint.user = parser.value(u"user"_s);
        endpoint.password = sdk.password;
    }
    if (parser.isSet(u"database"_s))
        endpoint.database = parser.value(u"database"_s);
    if (endpoint.database.isEmpty()) {
        Console::printLine(
            stderr, QCoreApplication::translate("ClickHouseTarget", "the telemetry database name is empty"));
        return false;
    }
    return true;
}

bool learnServer(const ClickHouseEndpoint& endpoint, ClickHouseServerInfo* info, QString* error)
{
    ClickHouseServerInfoLoader loader;
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&loader, &ClickHouseServerInfoLoader::loaded, &loop,
        [&](const ClickHouseEndpoint&, const ClickHouseServerInfo& loaded) {
            *info = loaded;
            ok = true;
            loop.quit();
        });
    QObject::connect(&loader, &ClickHouseServerInfoLoader::failed, &loop, [&](const QString& message) {
        *error = message;
        loop.quit();
    });
    loader.load(endpoint);
    if (loader.isLoading())
        loop.exec();
    return ok;
}

bool reach(const Choice& target, const QString& command, ClickHouseServerInfo* info)
{
    QString error;
    if (learnServer(target.config.endpoint, info, &error))
        return true;
    Console::printLine(stderr,
        QCoreApplication::translate("ClickHouseTarget", "%1: ClickHouse at %2 (from %3) does not answer: %4")
            .arg(command, target.config.endpoint.displayString(), target.source, error));
    return false;
}

bool readVariables(const QCommandLineParser& parser, QMap<QString, QStringList>* variables)
{
    for (const QString& assignment : parser.values(u"var"_s)) {
        const qsizetype equals = assignment.indexOf(u'=');
        const QString name = assignment.left(equals).trimmed();
        if (equals <= 0 || name.isEmpty()) {
            Console::printLine(stderr,
                QCoreApplication::translate("ClickHouseTarget", "--var: \"%1\" is not name=value").arg(assignment));
            return false;
        }
        (*variables)[name].append(assignment.mid(equals + 1));
    }
    return true;
}

} // namespace ClickHouseTarget
