#include "recordcommand.h"

#include "capture/capturewriter.h"
#include "clickhousetarget.h"
#include "collectoroptions.h"
#include "console.h"
#include "exitcodes.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
void printSummary(const CaptureWriter& writer, const ListenerStatistics& received, bool json)
{
    const CaptureWriter::Statistics written = writer.statistics();
    if (json) {
        QJsonObject object { { u"state"_s, u"stopped"_s }, { u"out"_s, writer.path() }, { u"spans"_s, written.spans },
            { u"metric_points"_s, written.metrics }, { u"logs"_s, written.logs }, { u"lines"_s, written.lines },
            { u"bytes"_s, written.bytes }, { u"requests"_s, received.requests },
            { u"request_errors"_s, received.errors() } };
        if (!written.rotatedFiles.isEmpty())
            object.insert(u"rotated_files"_s, QJsonArray::fromStringList(written.rotatedFiles));
        if (!written.lastError.isEmpty())
            object.insert(u"error"_s, written.lastError);
        Console::printJson(object);
        return;
    }
    printLine(stdout,
        QCoreApplication::translate(
            "RecordCommand", "Recorded %1 spans, %2 metric points and %3 logs in %4 lines (%5 bytes) to %6")
            .arg(written.spans)
            .arg(written.metrics)
            .arg(written.logs)
            .arg(written.lines)
            .arg(written.bytes)
            .arg(writer.path()));
    for (const QString& file : written.rotatedFiles)
        printLine(stdout, QCoreApplication::translate("RecordCommand", "  rotated: %1").arg(file));
    if (!written.lastError.isEmpty())
        printLine(stderr, u"record: "_s + written.lastError);
}
} // namespace

namespace RecordCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("RecordCommand",
        "Runs the OTLP/HTTP receiver (/v1/traces, /v1/metrics, /v1/logs; protobuf or JSON, gzip) and writes "
        "every record it accepts into a capture in the OpenTelemetry file format (JSON Lines of TracesData, "
        "MetricsData and LogsData, as the Collector's file exporter writes them; gzip when FILE ends in .gz), "
        "and into ClickHouse as `receive` does unless --no-store. Stops after --duration seconds or on "
        "Ctrl-C. Exit code 0 when the capture was written, 1 when it could not be, 2 for a wrong command line."));
    parser.addHelpOption();
    ClickHouseTarget::addOptions(parser);
    CollectorOptions::addOptions(parser);
    parser.addOption(
        { u"out"_s, QCoreApplication::translate("RecordCommand", "The capture file to write (replaced if it exists)."),
            QCoreApplication::translate("RecordCommand", "FILE") });
    parser.addOption({ u"duration"_s,
        QCoreApplication::translate("RecordCommand", "Stop after S seconds (default: at Ctrl-C)."), u"S"_s });
    parser.addOption({ u"no-store"_s,
        QCoreApplication::translate("RecordCommand", "Only write the capture; no ClickHouse is needed.") });
    parser.addOption({ u"rotate-mb"_s,
        QCoreApplication::translate("RecordCommand",
            "Start a new file when this one reaches N MB (the full one is renamed "
            "with its UTC time)."),
        u"N"_s });
    parser.addOption({ u"json"_s,
        QCoreApplication::translate("RecordCommand", "Print the address and the summary as JSON lines.") });
    if (const std::optional<int> answered = Console::parse(parser, u"record"_s, arguments))
        return *answered;
    if (!parser.positionalArguments().isEmpty() || !parser.isSet(u"out"_s)) {
        printLine(stderr,
            parser.isSet(u"out"_s)
                ? QCoreApplication::translate("RecordCommand", "record: unexpected argument '%1' (see --help)")
                      .arg(parser.positionalArguments().first())
                : QCoreApplication::translate("RecordCommand", "record: --out FILE is required (see --help)"));
        return ExitCode::usage;
    }
    bool ok = true;
    const double duration = parser.isSet(u"duration"_s) ? parser.value(u"duration"_s).toDouble(&ok) : 0;
    if (!ok || duration < 0) {
        printLine(stderr,
            QCoreApplication::translate("RecordCommand", "--duration: \"%1\" is not a number of seconds")
                .arg(parser.value(u"duration"_s)));
        return ExitCode::usage;
    }
    const qint64 rotateMb = parser.isSet(u"rotate-mb"_s) ? parser.value(u"rotate-mb"_s).toLongLong(&ok) : 0;
    if (!ok || rotateMb < 0) {
        printLine(stderr,
            QCoreApplication::translate("RecordCommand", "--rotate-mb: \"%1\" is not a number of megabytes")
                .arg(parser.value(u"rotate-mb"_s)));
        return ExitCode::usage;
    }
    LocalCollector::Options options;
    if (!CollectorOptions::resolve(parser, &options))
        return ExitCode::usage;
    options.withGateway = false; // the gateway's rows are not OTLP records: nothing to capture
    const bool store = !parser.isSet(u"no-store"_s);
    const bool json = parser.isSet(u"json"_s);

    CaptureWriter writer;
    QString error;
    CaptureWriter::Options writing;
    writing.rotateBytes = rotateMb << 20;
    if (!writer.open(parser.value(u"out"_s), writing, &error)) {
        printLine(stderr, u"record: "_s + error);
        return ExitCode::failure;
    }
    // Storing runs the whole collector; recording alone needs only the receiver.
    std::unique_ptr<LocalCollector> collector;
    std::unique_ptr<OtlpReceiver> receiverAlone;
    OtlpReceiver* receiver = nullptr;
    if (store) {
        ClickHouseTarget::Choice target;
        ClickHouseServerInfo info;
        if (!ClickHouseTarget::resolve(parser, &target))
            return ExitCode::usage;
        if (!CollectorOptions::aimAt(parser, target, u"record"_s, &options.clickHouse, &info))
            return ExitCode::failure;
        collector = std::make_unique<LocalCollector>(options);
        if (!collector->start(&error)) {
            printLine(stderr, u"record: "_s + error);
            return ExitCode::failure;
        }
        receiver = collector->receiver();
    } else {
        receiverAlone = std::make_unique<OtlpReceiver>(options.receiver);
        if (!receiverAlone->start(&error)) {
            printLine(stderr, u"record: "_s + error);
            return ExitCode::failure;
        }
        receiver = receiverAlone.get();
    }
    receiver->setCaptureSink(&writer);
    if (json) {
        Console::printJson({ { u"state"_s, u"recording"_s }, { u"otlp_url"_s, receiver->url().toString() },
            { u"out"_s, writer.path() }, { u"store"_s, store } });
    } else {
        printLine(stdout,
            QCoreApplication::translate("RecordCommand", "Recording OTLP/HTTP at %1 into %2%3")
                .arg(receiver->url().toString(), writer.path(),
                    store ? QCoreApplication::translate("RecordCommand", " and ClickHouse") : QString()));
        printLine(stdout,
            duration > 0
                ? QCoreApplication::translate("RecordCommand", "Stopping after %1 s, or at Ctrl-C.").arg(duration)
                : QCoreApplication::translate("RecordCommand", "Press Ctrl-C to stop."));
    }
    UnixSignalWatcher signalWatcher({ SIGINT, SIGTERM, SIGHUP });
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, receiver, [] { QCoreApplication::quit(); });
    if (duration > 0)
        QTimer::singleShot(qint64(duration * 1000), receiver, [] { QCoreApplication::quit(); });
    // On a terminal, a live line of what was written so far.
    QTimer progress;
    QObject::connect(&progress, &QTimer::timeout, receiver, [&writer] {
        const CaptureWriter::Statistics s = writer.statistics();
        const QString line =
            QCoreApplication::translate("RecordCommand", "\r  %1 spans, %2 metric points, %3 logs, %4 MB written   ")
                .arg(s.spans)
                .arg(s.metrics)
                .arg(s.logs)
                .arg(double(s.bytes) / 1e6, 0, 'f', 1);
        std::fputs(line.toUtf8().constData(), stderr);
        std::fflush(stderr);
    });
    const bool terminal = ::isatty(STDERR_FILENO) == 1 && !json;
    if (terminal)
        progress.start(1000);
    QCoreApplication::exec();
    progress.stop();
    if (terminal)
        std::fputs("\n", stderr);
    receiver->stopListening();
    if (collector)
        collector->stop(10000); // what is not in ClickHouse within 10 s waits in the spool
    const ListenerStatistics received = receiver->statistics();
    receiver->setCaptureSink(nullptr);
    const bool written = writer.close();
    printSummary(writer, received, json);
    return written ? ExitCode::success : ExitCode::failure;
}

} // namespace RecordCommand
