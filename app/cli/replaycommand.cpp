#include "replaycommand.h"

#include "backendoptions.h"
#include "capture/replayengine.h"
#include "capture/replayverifier.h"
#include "clickhousetarget.h"
#include "console.h"
#include "exitcodes.h"
#include "replayreport.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
bool fail(const QString& message)
{
    printLine(stderr, message);
    return false;
}

void addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QCoreApplication::translate("ReplayCommand", "FILE"),
        QCoreApplication::translate("ReplayCommand", "Capture files, replayed one after the other."),
        QCoreApplication::translate("ReplayCommand", "FILE..."));
    BackendOptions::addOptions(parser, true);
    parser.addOption({ u"speed"_s,
        QCoreApplication::translate(
            "ReplayCommand", "A factor of the capture's own timing (0.1 to 1000), or max (default 1)."),
        u"X"_s, u"1"_s });
    parser.addOption({ u"rate"_s,
        QCoreApplication::translate(
            "ReplayCommand", "A fixed rate in records per second instead of the capture's timing."),
        u"R"_s });
    parser.addOption({ u"max-wait"_s,
        QCoreApplication::translate("ReplayCommand", "The longest wait between two records, in seconds (default 5)."),
        u"S"_s, u"5"_s });
    parser.addOption({ u"shift"_s,
        QCoreApplication::translate(
            "ReplayCommand", "Move timestamps: start-now (the first record now) or end-now (the last)."),
        QCoreApplication::translate("ReplayCommand", "where") });
    parser.addOption({ u"remap-ids"_s,
        QCoreApplication::translate(
            "ReplayCommand", "Give traces and spans new ids (consistently; parents and logs follow).") });
    parser.addOption(
        { u"loop"_s, QCoreApplication::translate("ReplayCommand", "Replay N times (0 = until Ctrl-C; default 1)."),
            u"N"_s, u"1"_s });
    parser.addOption({ u"filter"_s,
        QCoreApplication::translate("ReplayCommand",
            "Only records that match: signal=traces,metrics,logs | name=PATTERN | service=NAME | project=NAME | "
            "environment=NAME. Repeatable; all must match."),
        QCoreApplication::translate("ReplayCommand", "key=value") });
    parser.addOption({ u"signal"_s,
        QCoreApplication::translate("ReplayCommand",
            "The signal of protobuf captures that hold one (traces, metrics or logs; "
            "by default it is recognised)."),
        QCoreApplication::translate("ReplayCommand", "signal") });
    parser.addOption({ u"replay-id"_s,
        QCoreApplication::translate("ReplayCommand", "The replay id to stamp (default: a fresh one)."), u"id"_s });
    parser.addOption({ u"verify"_s,
        QCoreApplication::translate(
            "ReplayCommand", "Afterwards, check in ClickHouse that every record arrived exactly once.") });
    parser.addOption({ u"verify-timeout"_s,
        QCoreApplication::translate(
            "ReplayCommand", "How long --verify waits for late records, in seconds (default 30)."),
        u"S"_s, u"30"_s });
    parser.addOption(
        { u"json"_s, QCoreApplication::translate("ReplayCommand", "Print the summary as one JSON object.") });
}

bool number(const QCommandLineParser& parser, const QString& name, double low, double high, double* value)
{
    bool ok = false;
    *value = parser.value(name).toDouble(&ok);
    return (ok && *value >= low && *value <= high)
        || fail(QCoreApplication::translate("ReplayCommand", "--%1: \"%2\" is not a number from %3 to %4")
                    .arg(name, parser.value(name))
                    .arg(low)
                    .arg(high));
}

bool engineOptions(const QCommandLineParser& parser, ReplayEngine::Options* options)
{
    options->files = parser.positionalArguments();
    if (options->files.isEmpty())
        return fail(
            QCoreApplication::translate("ReplayCommand", "replay: name at least one capture file (see --help)"));
    for (const QString& file : std::as_const(options->files)) {
        if (!QFileInfo(file).isFile())
            return fail(QCoreApplication::translate("ReplayCommand", "replay: %1 is not a file").arg(file));
    }
    ReplaySchedule::Options& schedule = options->schedule;
    double value = 0;
    if (parser.isSet(u"rate"_s)) {
        if (!number(parser, u"rate"_s, 0.001, 1e9, &schedule.rate))
            return false;
        schedule.mode = ReplaySchedule::Mode::FixedRate;
    } else if (parser.value(u"speed"_s) == u"max"_s) {
        schedule.mode = ReplaySchedule::Mode::AsFastAsPossible;
    } else if (!number(parser, u"speed"_s, 0.1, 1000, &schedule.speed)) {
        return false;
    }
    if (!number(parser, u"max-wait"_s, 0, 86400, &value))
        return false;
    schedule.maxWaitNanos = qint64(value * 1e9);
    if (!number(parser, u"loop"_s, 0, 1e9, &value))
        return false;
    options->loops = int(value);
    const QString shift = parser.value(u"shift"_s);
    if (shift == u"start-now"_s)
        options->shift = ReplayEngine::Shift::StartNow;
    else if (shift == u"end-now"_s)
        options->shift = ReplayEngine::Shift::EndNow;
    else if (!shift.isEmpty())
        return fail(
            QCoreApplication::translate("ReplayCommand", "--shift: \"%1\" is not start-now or end-now").arg(shift));
    options->remapIds = parser.isSet(u"remap-ids"_s);
    options->replayId = parser.value(u"replay-id"_s).toUtf8();
    QString error;
    for (const QString& condition : parser.values(u"filter"_s)) {
        if (!options->filter.add(condition, &error))
            return fail(u"--filter: "_s + error);
    }
    const QString signal = parser.value(u"signal"_s);
    using Signal = CaptureDecoder::Signal;
    if (signal == u"traces"_s)
        options->reading.protobufSignal = Signal::Traces;
    else if (signal == u"metrics"_s)
        options->reading.protobufSignal = Signal::Metrics;
    else if (signal == u"logs"_s)
        options->reading.protobufSignal = Signal::Logs;
    else if (!signal.isEmpty())
        return fail(QCoreApplication::translate("ReplayCommand", "--signal: \"%1\" is not traces, metrics or logs")
                        .arg(signal));
    return true;
}

} // namespace

namespace ReplayCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ReplayCommand",
        "Replays capture files (the OpenTelemetry file format: JSON Lines or the file exporter's proto, gzip "
        "or zstd) through a backend with the records' own timing, scheduled against the start so it does not "
        "drift, gaps capped by --max-wait. Every record carries the resource attribute workbench.replay.id and "
        "the attribute workbench.replay.seq. Ctrl-C cancels (what was sent is delivered first). Exit codes: 0 "
        "every record sent (and with --verify, each found exactly once); 3 partial (bad capture lines skipped, "
        "records refused, or gaps found by --verify); 1 error; 2 wrong command line. The ClickHouse (of the "
        "clickhouse backend and of --verify): --endpoint, else AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else "
        "the managed ClickHouse running from --data-dir, else http://localhost:8123."));
    parser.addHelpOption();
    ClickHouseTarget::addOptions(parser);
    addOptions(parser);
    if (const std::optional<int> answered = Console::parse(parser, u"replay"_s, arguments))
        return *answered;
    if (!BackendOptions::check(parser, true))
        return ExitCode::usage;
    ReplayEngine::Options options;
    double verifyTimeout = 0;
    if (!engineOptions(parser, &options) || !number(parser, u"verify-timeout"_s, 0, 86400, &verifyTimeout))
        return ExitCode::usage;
    const bool verify = parser.isSet(u"verify"_s);
    if (verify && parser.value(u"backend"_s) == u"none"_s) {
        printLine(stderr,
            QCoreApplication::translate(
                "ReplayCommand", "replay: --verify needs a backend that stores (a dry run sends nothing)"));
        return ExitCode::usage;
    }
    ClickHouseBackendConfig clickHouseConfig;
    if (BackendOptions::usesClickHouse(parser) || verify) {
        bool usage = false;
        if (!BackendOptions::clickHouse(parser, u"replay"_s, &clickHouseConfig, &usage))
            return usage ? ExitCode::usage : ExitCode::failure;
    }
    QString error;
    std::unique_ptr<ReplayOutput> output =
        BackendOptions::makeOutput(parser, clickHouseConfig, u"replay-otlp.spool"_s, &error);
    if (!output) {
        printLine(stderr, error);
        return ExitCode::usage;
    }
    const bool json = parser.isSet(u"json"_s);
    const bool terminal = ::isatty(STDERR_FILENO) == 1 && !json;

    ReplayEngine engine(options, std::move(output));
    ReplayEngine::Summary summary;
    QObject::connect(&engine, &ReplayEngine::problemFound, &engine, &ReplayReport::printProblem);
    if (terminal)
        QObject::connect(&engine, &ReplayEngine::progressed, &engine, &ReplayReport::printProgress);
    QObject::connect(&engine, &ReplayEngine::finished, &engine, [&](const ReplayEngine::Summary& done) {
        summary = done;
        QCoreApplication::quit();
    });
    UnixSignalWatcher signalWatcher({ SIGINT, SIGTERM, SIGHUP });
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &engine, [&engine] { engine.cancel(); });
    engine.start();
    if (summary.replayId.isEmpty()) // not finished at once (an output that could not start is)
        QCoreApplication::exec();
    if (terminal)
        std::fputs("\n", stderr);

    ReplayVerifier::Result verification;
    if (verify && summary.error.isEmpty()) {
        ReplayVerifier verifier(clickHouseConfig.endpoint, clickHouseConfig.dialect);
        verification = verifier.verify(summary.replayId, summary.sent, int(verifyTimeout * 1000));
    }
    ReplayReport::printSummary(summary, verify && summary.error.isEmpty() ? &verification : nullptr, json);
    if (!summary.error.isEmpty())
        return ExitCode::failure;
    const bool partial = summary.problemCount > 0 || summary.output.failed > 0 || summary.cancelled
        || summary.output.spooled > 0 || (verify && !verification.exactlyOnce());
    return partial ? ExitCode::partial : ExitCode::success;
}

} // namespace ReplayCommand
