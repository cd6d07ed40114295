#include "clickhousetarget.h"

#include "clickhouse/localclickhouserunfiles.h"
#include "clickhousechoice.h"
#include "console.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace ClickHouseTarget {

void addOptions(QCommandLineParser& parser)
{
    parser.addOption({ u"endpoint"_s, u"ClickHouse HTTP URL (default: see above)."_s, u"url"_s });
    parser.addOption({ u"user"_s, u"ClickHouse user."_s, u"name"_s });
    parser.addOption({ u"database"_s, u"Telemetry database (default telemetry)."_s, u"name"_s });
    parser.addOption({ u"data-dir"_s,
        u"Folder of the managed ClickHouse to use when no endpoint is given (default: %1)."_s.arg(
            ClickHouseChoice::defaultDataDirectory()),
        u"folder"_s });
}

bool resolve(const QCommandLineParser& parser, Choice* choice)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QStringList warnings;
    choice->config = ClickHouseBackendConfig::fromEnvironment(environment, &warnings);
    for (const QString& warning : std::as_const(warnings))
        Console::printLine(stderr, u"warning: "_s + warning);
    ClickHouseEndpoint& endpoint = choice->config.endpoint;
    if (parser.isSet(u"endpoint"_s)) {
        endpoint.url = QUrl(parser.value(u"endpoint"_s));
        if (!endpoint.isValid()) {
            Console::printLine(stderr, u"--endpoint is not a URL: %1"_s.arg(parser.value(u"endpoint"_s)));
            return false;
        }
        choice->source = u"--endpoint"_s;
    } else if (ClickHouseBackendConfig::namesEndpoint(environment)) {
        choice->source = QString::fromLatin1(ClickHouseBackendConfig::endpointVariable);
    } else {
        const QString dataDirectory =
            parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : ClickHouseChoice::defaultDataDirectory();
        ClickHouseEndpoint managed;
        QString why;
        if (LocalClickHouseRunFiles::readRunning(dataDirectory, &managed, &why)) {
            managed.database = endpoint.database;
            endpoint = managed;
            choice->source = u"the managed ClickHouse in %1"_s.arg(dataDirectory);
        } else {
            choice->source =
                u"the SDKs' default (%1; set %2 or start one with 'automagik-workbench stack start')"_s.arg(
                    why, QString::fromLatin1(ClickHouseBackendConfig::endpointVariable));
        }
    }
    if (parser.isSet(u"user"_s) && parser.value(u"user"_s) != endpoint.user) {
        // Another user than the managed server's own brings the SDKs' password, not the server's.
        endpoint.user = parser.value(u"user"_s);
        endpoint.password = environment.value(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s);
    }
    if (parser.isSet(u"database"_s))
        endpoint.database = parser.value(u"database"_s);
    if (endpoint.database.isEmpty()) {
        Console::printLine(stderr, u"the telemetry database name is empty"_s);
        return false;
    }
    return true;
}

} // namespace ClickHouseTarget
