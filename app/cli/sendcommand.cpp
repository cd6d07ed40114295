#include "sendcommand.h"

#include "backendoptions.h"
#include "capture/sendjob.h"
#include "clickhousetarget.h"
#include "console.h"
#include "exitcodes.h"
#include "telemetry/sdkrecordbuilder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
/// One record in about 17 minutes: slower, and the wait for the next one would not fit a timer.
constexpr double minimumRate = 0.001;

bool fail(const QString& message)
{
    printLine(stderr, message);
    return false;
}

/// A value as the SDKs get it from a caller: numbers and booleans keep their type.
QVariant typed(const QString& text)
{
    if (text == u"true"_s || text == u"false"_s)
        return text == u"true"_s;
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    return isNumber ? QVariant(number) : QVariant(text);
}

bool parseRequest(const QCommandLineParser& parser, SendRequest* request)
{
    const std::optional<SendRequest::Signal> signal = SendRequest::signalFromName(parser.value(u"signal"_s));
    if (!signal)
        return fail(QCoreApplication::translate("SendCommand", "--signal: \"%1\" is not event, error, metric or log")
                        .arg(parser.value(u"signal"_s)));
    request->signal = *signal;
    request->name = parser.value(u"name"_s);
    if (request->name.isEmpty())
        return fail(QCoreApplication::translate(
            "SendCommand", "send: --name is required (the event name, error type, metric name or log message)"));
    request->message = parser.value(u"message"_s);
    bool ok = true;
    if (parser.isSet(u"value"_s))
        request->value = parser.value(u"value"_s).toDouble(&ok);
    if (!ok)
        return fail(QCoreApplication::translate("SendCommand", "--value: \"%1\" is not a number")
                        .arg(parser.value(u"value"_s)));
    const QString kind = parser.value(u"metric-kind"_s);
    const std::optional<SdkRecordBuilder::MetricKind> metricKind = SdkRecordBuilder::metricKindFromName(kind);
    if (!metricKind)
        return fail(
            QCoreApplication::translate("SendCommand", "--metric-kind: \"%1\" is not gauge, counter or histogram")
                .arg(kind));
    request->metricKind = *metricKind;
    static const QStringList severities { u"trace"_s, u"debug"_s, u"info"_s, u"warn"_s, u"error"_s, u"fatal"_s };
    const qsizetype severity = severities.indexOf(parser.value(u"severity"_s).toLower());
    if (severity < 0)
        return fail(QCoreApplication::translate("SendCommand", "--severity: \"%1\" is not one of %2")
                        .arg(parser.value(u"severity"_s), severities.join(u", "_s)));
    request->severity = qint32(severity * 4 + 1);
    for (const QString& attribute : parser.values(u"attr"_s)) {
        const qsizetype equals = attribute.indexOf(u'=');
        if (equals <= 0)
            return fail(QCoreApplication::translate("SendCommand", "--attr: \"%1\" is not key=value").arg(attribute));
        request->attributes.insert(attribute.left(equals), typed(attribute.mid(equals + 1)));
    }
    request->count = parser.value(u"count"_s).toLongLong(&ok);
    if (!ok || request->count < 1)
        return fail(QCoreApplication::translate("SendCommand", "--count: \"%1\" is not a positive number")
                        .arg(parser.value(u"count"_s)));
    if (parser.isSet(u"rate"_s)) {
        request->rate = parser.value(u"rate"_s).toDouble(&ok);
        if (!ok || !std::isfinite(request->rate) || request->rate < minimumRate)
            return fail(QCoreApplication::translate(
                "SendCommand", "--rate: \"%1\" is not a number of records per second of at least %2")
                            .arg(parser.value(u"rate"_s), QString::number(minimumRate)));
    }
    return true;
}

} // namespace

namespace SendCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("SendCommand",
        "Sends records built as the Automagik SDKs build them (track_event, track_error, track_metric, "
        "track_log: the same resource, scope and system.* attributes) through a backend: --count of them, as "
        "fast as the backend takes them or at --rate per second. Exit codes: 0 every record delivered; 3 some "
        "refused or left in the spool; 1 error; 2 wrong command line."));
    parser.addHelpOption();
    ClickHouseTarget::addOptions(parser);
    BackendOptions::addOptions(parser, false);
    parser.addOption(
        { u"signal"_s, QCoreApplication::translate("SendCommand", "event (default), error, metric or log."),
            u"signal"_s, u"event"_s });
    parser.addOption({ u"name"_s,
        QCoreApplication::translate("SendCommand", "The event name, error type, metric name or log message."),
        QCoreApplication::translate("SendCommand", "NAME") });
    parser.addOption({ u"message"_s, QCoreApplication::translate("SendCommand", "The error message (--signal error)."),
        QCoreApplication::translate("SendCommand", "text") });
    parser.addOption(
        { u"value"_s, QCoreApplication::translate("SendCommand", "The metric's value (default 1)."), u"V"_s });
    parser.addOption(
        { u"metric-kind"_s, QCoreApplication::translate("SendCommand", "gauge (default), counter or histogram."),
            QCoreApplication::translate("SendCommand", "kind"), u"gauge"_s });
    parser.addOption({ u"severity"_s,
        QCoreApplication::translate(
            "SendCommand", "The log's severity: trace, debug, info (default), warn, error or fatal."),
        QCoreApplication::translate("SendCommand", "level"), u"info"_s });
    parser.addOption({ u"attr"_s,
        QCoreApplication::translate(
            "SendCommand", "An attribute key=value (numbers and true/false keep their type). Repeatable."),
        QCoreApplication::translate("SendCommand", "key=value") });
    parser.addOption({ u"project"_s,
        QCoreApplication::translate("SendCommand", "The project.name of the resource (default workbench-send)."),
        QCoreApplication::translate("SendCommand", "name"), u"workbench-send"_s });
    parser.addOption(
        { u"count"_s, QCoreApplication::translate("SendCommand", "How many records (default 1)."), u"N"_s, u"1"_s });
    parser.addOption({ u"rate"_s,
        QCoreApplication::translate("SendCommand", "Records per second (default: as fast as the backend takes them)."),
        u"R"_s });
    parser.addOption(
        { u"json"_s, QCoreApplication::translate("SendCommand", "Print the summary as one JSON object.") });
    if (const std::optional<int> answered = Console::parse(parser, u"send"_s, arguments))
        return *answered;
    SendRequest request;
    if (!parser.positionalArguments().isEmpty()) {
        fail(QCoreApplication::translate("SendCommand", "send: unexpected argument '%1' (see --help)")
                 .arg(parser.positionalArguments().first()));
        return ExitCode::usage;
    }
    if (!BackendOptions::check(parser, false) || !parseRequest(parser, &request))
        return ExitCode::usage;
    ClickHouseBackendConfig clickHouse;
    if (BackendOptions::usesClickHouse(parser)) {
        bool usage = false;
        if (!BackendOptions::clickHouse(parser, u"send"_s, &clickHouse, &usage))
            return usage ? ExitCode::usage : ExitCode::failure;
    }
    QString error;
    std::unique_ptr<ReplayOutput> output = BackendOptions::makeOutput(parser, clickHouse, u"send-otlp.spool"_s, &error);
    if (!output) {
        fail(error);
        return ExitCode::usage;
    }
    if (!output->start(&error)) {
        fail(u"send: %1: %2"_s.arg(output->description(), error));
        return ExitCode::failure;
    }

    SdkIdentity identity;
    identity.projectName = parser.value(u"project"_s);
    identity.projectVersion = u"0.0.0"_s;
    const SdkRecordBuilder builder(identity, SystemInfo::current(identity.flavor));
    SendJob job(request, builder, output.get());
    SendJob::Summary summary;
    QEventLoop loop;
    QObject::connect(&job, &SendJob::finished, &loop, [&](const SendJob::Summary& done) {
        summary = done;
        loop.quit();
    });
    job.start();
    loop.exec();
    const qint64 sent = summary.sent;
    const qint64 elapsedMs = summary.elapsedMs;
    const ReplayOutput::Statistics statistics = summary.statistics;
    if (parser.isSet(u"json"_s)) {
        QJsonObject object { { u"signal"_s, SendRequest::signalName(request.signal) }, { u"name"_s, request.name },
            { u"sent"_s, sent }, { u"delivered"_s, statistics.delivered }, { u"failed"_s, statistics.failed },
            { u"spooled"_s, statistics.spooled }, { u"elapsed_ms"_s, elapsedMs },
            { u"output"_s, output->description() } };
        if (!statistics.lastError.isEmpty())
            object.insert(u"error"_s, statistics.lastError);
        Console::printJson(object);
    } else {
        printLine(stdout,
            QCoreApplication::translate(
                "SendCommand", "Sent %1 %2 \"%3\" to %4 in %5 ms: %6 delivered, %7 failed, %8 in the spool%9")
                .arg(sent)
                .arg(SendRequest::signalName(request.signal) + (sent == 1 ? QString() : u"s"_s), request.name,
                    output->description())
                .arg(elapsedMs)
                .arg(statistics.delivered)
                .arg(statistics.failed)
                .arg(statistics.spooled)
                .arg(statistics.lastError.isEmpty() ? QString() : u" (%1)"_s.arg(statistics.lastError)));
    }
    return statistics.delivered == sent ? ExitCode::success : ExitCode::partial;
}

} // namespace SendCommand
