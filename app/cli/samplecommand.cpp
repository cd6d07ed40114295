#include "samplecommand.h"

#include "clickhousetarget.h"
#include "console.h"
#include "exitcodes.h"
#include "sample/sampletelemetryloader.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>
#include <QLocale>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
bool positiveNumber(const QCommandLineParser& parser, const QString& name, int maximum, int* value)
{
    bool ok = false;
    *value = parser.value(name).toInt(&ok);
    if (ok && *value > 0 && *value <= maximum)
        return true;
    printLine(stderr,
        QCoreApplication::translate("SampleCommand", "--%1: \"%2\" is not a number from 1 to %3")
            .arg(name, parser.value(name))
            .arg(maximum));
    return false;
}

void printReport(const SampleTelemetryLoader::Result& result, const ClickHouseTarget::Choice& target,
    const SampleTelemetry::Options& options, bool json)
{
    if (json) {
        Console::printJson(QJsonObject {
            { u"ok"_s, result.ok },
            { u"cancelled"_s, result.cancelled },
            { u"endpoint"_s, target.config.endpoint.url.toString() },
            { u"database"_s, result.database },
            { u"hours"_s, options.hours },
            { u"events_per_minute"_s, options.eventsPerMinute },
            { u"schema_installed"_s, result.schemaInstalled },
            { u"tables"_s,
                QJsonObject {
                    { u"traces"_s, result.spans }, { u"metrics"_s, result.metrics }, { u"logs"_s, result.logs } } },
            { u"rows"_s, result.rows() },
            { u"delivered"_s, result.delivered },
            { u"elapsed_ms"_s, result.elapsedMs },
            { u"error"_s, result.error },
        });
        return;
    }
    const QLocale c(QLocale::English); // "11,225": the same digits in every locale's terminal
    if (!result.ok) {
        if (result.delivered > 0)
            printLine(stdout,
                QCoreApplication::translate("SampleCommand", "%1 rows reached ClickHouse before the failure.")
                    .arg(c.toString(result.delivered)));
        return;
    }
    if (result.schemaInstalled)
        printLine(stdout,
            QCoreApplication::translate(
                "SampleCommand", "The telemetry schema was missing in %1 and has been installed.")
                .arg(result.database));
    printLine(stdout,
        QCoreApplication::translate("SampleCommand", "%1 %2 rows of sample telemetry into %3 in %4 s:")
            .arg(result.cancelled ? QCoreApplication::translate("SampleCommand", "Cancelled after writing")
                                  : QCoreApplication::translate("SampleCommand", "Wrote"),
                c.toString(result.rows()), result.database)
            .arg(double(result.elapsedMs) / 1000.0, 0, 'f', 1));
    printLine(stdout, u"  %1.traces   %2"_s.arg(result.database).arg(c.toString(result.spans), 10));
    printLine(stdout, u"  %1.metrics  %2"_s.arg(result.database).arg(c.toString(result.metrics), 10));
    printLine(stdout, u"  %1.logs     %2"_s.arg(result.database).arg(c.toString(result.logs), 10));
}
} // namespace

namespace SampleCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("SampleCommand",
        "Loads realistic telemetry of five Automagik services into ClickHouse through the direct "
        "backend: events as the SDKs send them (about one in 25 an error, API requests with child "
        "spans), gauges, counters and histograms, logs of every severity tied to their spans, spread "
        "over the last hours so that every upstream dashboard panel has data. The schema is "
        "installed first when it is missing. The server: --endpoint, else "
        "AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir "
        "(a window or 'stack start'), else http://localhost:8123."));
    parser.addHelpOption();
    ClickHouseTarget::addOptions(parser);
    parser.addOption({ u"hours"_s,
        QCoreApplication::translate("SampleCommand", "Spread the telemetry over the last N hours (default 6)."), u"N"_s,
        u"6"_s });
    parser.addOption({ u"events-per-minute"_s,
        QCoreApplication::translate("SampleCommand", "Average events per minute over the day (default 30)."), u"N"_s,
        u"30"_s });
    parser.addOption({ u"seed"_s,
        QCoreApplication::translate("SampleCommand", "Seed of the random choices, to repeat a run (default 1)."),
        u"N"_s, u"1"_s });
    parser.addOption({ u"json"_s,
        QCoreApplication::translate("SampleCommand", "Print what was written per table as one JSON line.") });
    if (const std::optional<int> answered = Console::parse(parser, u"sample"_s, arguments))
        return *answered;
    if (!parser.positionalArguments().isEmpty()) {
        printLine(stderr,
            QCoreApplication::translate("SampleCommand", "sample: unexpected argument '%1' (see --help)")
                .arg(parser.positionalArguments().first()));
        return ExitCode::usage;
    }
    SampleTelemetry::Options options;
    int seed = 0;
    if (!positiveNumber(parser, u"hours"_s, SampleTelemetry::maxHours, &options.hours)
        || !positiveNumber(
            parser, u"events-per-minute"_s, SampleTelemetry::maxEventsPerMinute, &options.eventsPerMinute)
        || !positiveNumber(parser, u"seed"_s, INT_MAX, &seed))
        return ExitCode::usage;
    options.seed = static_cast<quint32>(seed);

    ClickHouseTarget::Choice target;
    if (!ClickHouseTarget::resolve(parser, &target))
        return ExitCode::usage;
    const bool json = parser.isSet(u"json"_s);
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    printLine(stderr,
        QCoreApplication::translate("SampleCommand", "ClickHouse at %1 (from %2)")
            .arg(target.config.endpoint.displayString(), target.source));

    SampleTelemetryLoader loader;
    UnixSignalWatcher signalWatcher({ SIGINT, SIGTERM, SIGHUP });
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &loader, &SampleTelemetryLoader::cancel);
    QObject::connect(&loader, &SampleTelemetryLoader::stepChanged, &loader, [&](const QString& step) {
        if (!json)
            printLine(stderr, step + u"..."_s);
    });
    QObject::connect(&loader, &SampleTelemetryLoader::progressed, &loader, [&](qint64 done, qint64 expected) {
        // A live line on a terminal only: a log file gets the steps and the report.
        if (terminal && !json && expected > 0)
            std::fprintf(stderr, "\r  %lld of about %lld rows (%d%%)   ", static_cast<long long>(done),
                static_cast<long long>(expected), static_cast<int>(qMin<qint64>(100, done * 100 / expected)));
    });
    SampleTelemetryLoader::Result result;
    QEventLoop loop;
    QObject::connect(&loader, &SampleTelemetryLoader::finished, &loop, [&](const SampleTelemetryLoader::Result& r) {
        result = r;
        loop.quit();
    });
    loader.start(target.config, options);
    if (loader.isRunning())
        loop.exec();
    if (terminal && !json)
        std::fputs("\n", stderr);
    printReport(result, target, options, json);
    if (!result.ok) {
        printLine(stderr, QCoreApplication::translate("SampleCommand", "sample failed: %1").arg(result.error));
        return ExitCode::failure;
    }
    if (result.cancelled) {
        printLine(
            stderr, QCoreApplication::translate("SampleCommand", "sample: cancelled; the rows above were written"));
        return ExitCode::failure;
    }
    return ExitCode::success;
}

} // namespace SampleCommand
