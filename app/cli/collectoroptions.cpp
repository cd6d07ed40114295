#include "collectoroptions.h"

#include "clickhouse/clickhousedirectexporter.h"
#include "clickhousechoice.h"
#include "clickhousetarget.h"
#include "console.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
bool portOption(const QCommandLineParser& parser, const QString& name, quint16* port)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const uint value = parser.value(name).toUInt(&ok);
    if (!ok || value > 65535) {
        printLine(stderr,
            QCoreApplication::translate(
                "CollectorOptions", "--%1: \"%2\" is not a port number (0-65535, 0 = any free port)")
                .arg(name, parser.value(name)));
        return false;
    }
    *port = static_cast<quint16>(value);
    return true;
}

QString countsLine(const ListenerStatistics& s)
{
    return QCoreApplication::translate(
        "CollectorOptions", "%1 requests, accepted %2 spans, %3 metric points, %4 logs; refused %5; errors %6")
        .arg(s.requests)
        .arg(s.accepted[ListenerStatistics::Traces])
        .arg(s.accepted[ListenerStatistics::Metrics])
        .arg(s.accepted[ListenerStatistics::Logs])
        .arg(s.rejected[ListenerStatistics::Traces] + s.rejected[ListenerStatistics::Metrics]
            + s.rejected[ListenerStatistics::Logs])
        .arg(s.errors());
}
} // namespace

namespace CollectorOptions {

void addOptions(QCommandLineParser& parser)
{
    parser.addOption({ u"otlp-port"_s,
        QCoreApplication::translate(
            "CollectorOptions", "Port of the OTLP/HTTP receiver (default 4318 when free; 0 = any free port)."),
        u"N"_s });
    parser.addOption({ u"gateway-port"_s,
        QCoreApplication::translate(
            "CollectorOptions", "Port of the ClickHouse ingest gateway (default 8124 when free; 0 = any free port)."),
        u"N"_s });
    parser.addOption(
        { u"no-gateway"_s, QCoreApplication::translate("CollectorOptions", "Run the OTLP receiver only.") });
    parser.addOption({ u"listen"_s,
        QCoreApplication::translate("CollectorOptions",
            "Address to listen on (default 127.0.0.1). Another address exposes the receiver to the network."),
        QCoreApplication::translate("CollectorOptions", "address") });
    parser.addOption({ u"cors-origin"_s,
        QCoreApplication::translate("CollectorOptions",
            "A web origin browsers may send from (repeatable; default: pages from localhost and 127.0.0.1)."),
        QCoreApplication::translate("CollectorOptions", "origin") });
}

bool resolve(const QCommandLineParser& parser, LocalCollector::Options* options)
{
    if (!portOption(parser, u"otlp-port"_s, &options->receiver.port)
        || !portOption(parser, u"gateway-port"_s, &options->gateway.port))
        return false;
    // A port the user chose is used or the start fails; the defaults fall back to a free port.
    options->fallBackToFreePorts = !parser.isSet(u"otlp-port"_s) && !parser.isSet(u"gateway-port"_s);
    options->withGateway = !parser.isSet(u"no-gateway"_s);
    if (parser.isSet(u"listen"_s)) {
        QHostAddress address;
        if (!address.setAddress(parser.value(u"listen"_s))) {
            printLine(stderr,
                QCoreApplication::translate("CollectorOptions", "--listen: \"%1\" is not an IP address")
                    .arg(parser.value(u"listen"_s)));
            return false;
        }
        if (!address.isLoopback()) {
            const QString noToken = qEnvironmentVariableIsEmpty("AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN")
                ? QCoreApplication::translate("CollectorOptions", ", and no AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN is set")
                : QString();
            printLine(stderr,
                QCoreApplication::translate(
                    "CollectorOptions", "warning: listening on %1: other machines can send telemetry here%2")
                    .arg(address.toString(), noToken));
        }
        options->receiver.address = address;
        options->gateway.address = address;
    }
    if (parser.isSet(u"cors-origin"_s))
        options->receiver.cors = CorsPolicy(parser.values(u"cors-origin"_s));
    options->receiver.bearerToken = qgetenv("AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN");
    return true;
}

void describeTarget(ClickHouseBackendConfig* config, bool modernServer, const QString& spoolPath)
{
    config->dialect = modernServer ? ClickHouseRowMapper::Dialect::Modern : ClickHouseRowMapper::Dialect::Legacy;
    config->spoolPath = spoolPath;
    config->compressionLevel =
        config->endpoint.url.host() == u"127.0.0.1"_s || config->endpoint.url.host() == u"localhost"_s
        ? 0 // loopback: compressing costs CPU and saves nothing
        : 1;
}

void printStatistics(const LocalCollector& collector, bool json)
{
    if (json) {
        Console::printJson(collector.statisticsJson());
        return;
    }
    if (const OtlpReceiver* receiver = collector.receiver())
        printLine(stdout,
            QCoreApplication::translate("CollectorOptions", "  OTLP receiver %1: %2")
                .arg(receiver->url().toString(), countsLine(receiver->statistics())));
    if (const ClickHouseIngestGateway* gateway = collector.gateway())
        printLine(stdout,
            QCoreApplication::translate("CollectorOptions", "  gateway       %1: %2")
                .arg(gateway->url().toString(), countsLine(gateway->statistics())));
    if (const ClickHouseDirectExporter* exporter = collector.exporter()) {
        const auto s = exporter->statistics();
        printLine(stdout,
            QCoreApplication::translate(
                "CollectorOptions", "  ClickHouse    %1 rows delivered, %2 waiting in the spool, %3 lost%4")
                .arg(s.rowsDelivered)
                .arg(s.spooledRows)
                .arg(s.rowsLost)
                .arg(s.lastError.isEmpty()
                        ? QString()
                        : QCoreApplication::translate("CollectorOptions", " (last error: %1)").arg(s.lastError)));
    }
}

bool aimAt(const QCommandLineParser& parser, const ClickHouseTarget::Choice& target, const QString& command,
    ClickHouseBackendConfig* config, ClickHouseServerInfo* info)
{
    QString error;
    if (!ClickHouseTarget::learnServer(target.config.endpoint, info, &error)) {
        printLine(stderr,
            QCoreApplication::translate("CollectorOptions",
                "%1: ClickHouse must answer once at the start (its version decides how rows are written): %2")
                .arg(command, error));
        return false;
    }
    const QString dataDirectory = CollectorOptions::dataDirectory(parser);
    const QByteArray serverId = QCryptographicHash::hash(
        QByteArray(target.config.endpoint.url.toString().toUtf8() + '/' + target.config.endpoint.database.toUtf8()),
        QCryptographicHash::Sha1)
                                    .toHex()
                                    .left(12);
    QDir().mkpath(QDir(dataDirectory).filePath(u"spool"_s));
    *config = target.config;
    // One spool per command and server (the two may run at once): its next run delivers what it holds.
    describeTarget(config, info->dialect() == ClickHouseServerInfo::Dialect::Modern,
        QDir(dataDirectory).filePath(u"spool/%1-%2.spool"_s.arg(command, QString::fromLatin1(serverId))));
    return true;
}

QString dataDirectory(const QCommandLineParser& parser)
{
    return parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : ClickHouseChoice::defaultDataDirectory();
}

} // namespace CollectorOptions
