#include "receivecommand.h"

#include "clickhousetarget.h"
#include "collectoroptions.h"
#include "console.h"
#include "exitcodes.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace ReceiveCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ReceiveCommand",
        "Runs the local collector in front of ClickHouse until Ctrl-C: an OTLP/HTTP receiver (protobuf and "
        "JSON, gzip; /v1/traces, /v1/metrics, /v1/logs) and a ClickHouse ingest gateway for the SDKs' "
        "clickhouse backend (INSERT ... FORMAT JSONEachRow). Records are written with the upstream schema in "
        "the server's dialect; a success is answered only once they are in ClickHouse or in the spool on "
        "disk. The server: --endpoint, else AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed "
        "ClickHouse running from --data-dir, else http://localhost:8123."));
    parser.addHelpOption();
    ClickHouseTarget::addOptions(parser);
    CollectorOptions::addOptions(parser);
    parser.addOption({ u"stats-interval"_s,
        QCoreApplication::translate(
            "ReceiveCommand", "Print statistics every N seconds (default 10; 0 = only on exit)."),
        u"N"_s, u"10"_s });
    parser.addOption({ u"json"_s,
        QCoreApplication::translate(
            "ReceiveCommand", "Print the addresses and each statistics report as one JSON line.") });
    if (const std::optional<int> answered = Console::parse(parser, u"receive"_s, arguments))
        return *answered;
    if (!parser.positionalArguments().isEmpty()) {
        printLine(stderr,
            QCoreApplication::translate("ReceiveCommand", "receive: unexpected argument '%1' (see --help)")
                .arg(parser.positionalArguments().first()));
        return ExitCode::usage;
    }
    bool intervalOk = false;
    const int interval = parser.value(u"stats-interval"_s).toInt(&intervalOk);
    if (!intervalOk || interval < 0) {
        printLine(stderr,
            QCoreApplication::translate("ReceiveCommand", "--stats-interval: \"%1\" is not a number of seconds")
                .arg(parser.value(u"stats-interval"_s)));
        return ExitCode::usage;
    }
    ClickHouseTarget::Choice target;
    LocalCollector::Options options;
    if (!ClickHouseTarget::resolve(parser, &target) || !CollectorOptions::resolve(parser, &options))
        return ExitCode::usage;
    const bool json = parser.isSet(u"json"_s);
    printLine(stderr,
        QCoreApplication::translate("ReceiveCommand", "ClickHouse at %1 (from %2)")
            .arg(target.config.endpoint.displayString(), target.source));

    ClickHouseServerInfo info;
    if (!CollectorOptions::aimAt(parser, target, u"receive"_s, &options.clickHouse, &info))
        return ExitCode::failure;
    QString error;
    LocalCollector collector(options);
    if (!collector.start(&error)) {
        printLine(stderr, u"receive: "_s + error);
        return ExitCode::failure;
    }
    if (json) {
        QJsonObject object { { u"state"_s, u"receiving"_s }, { u"otlp_url"_s, collector.receiver()->url().toString() },
            { u"clickhouse"_s, target.config.endpoint.url.toString() }, { u"version"_s, info.versionString() } };
        if (collector.gateway())
            object.insert(u"gateway_url"_s, collector.gateway()->url().toString());
        Console::printJson(object);
    } else {
        printLine(stdout,
            QCoreApplication::translate("ReceiveCommand", "Receiving OTLP/HTTP at %1 (ClickHouse %2)")
                .arg(collector.receiver()->url().toString(), info.versionString()));
        if (collector.gateway())
            printLine(stdout,
                QCoreApplication::translate("ReceiveCommand", "ClickHouse ingest gateway at %1")
                    .arg(collector.gateway()->url().toString()));
        printLine(stdout, QCoreApplication::translate("ReceiveCommand", "Press Ctrl-C to stop."));
    }
    UnixSignalWatcher signalWatcher({ SIGINT, SIGTERM, SIGHUP });
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &collector, [] { QCoreApplication::quit(); });
    QTimer report;
    QObject::connect(
        &report, &QTimer::timeout, &collector, [&] { CollectorOptions::printStatistics(collector, json); });
    if (interval > 0)
        report.start(interval * 1000);
    QCoreApplication::exec();
    report.stop();
    // What is not delivered within 10 s waits in the spool for the next start.
    collector.stop(10000);
    if (!json)
        printLine(stdout, QCoreApplication::translate("ReceiveCommand", "Stopped. Totals:"));
    CollectorOptions::printStatistics(collector, json);
    return ExitCode::success;
}

} // namespace ReceiveCommand
