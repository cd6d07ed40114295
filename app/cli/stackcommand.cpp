#include "stackcommand.h"

#include "clickhouse/localclickhouse.h"
#include "clickhousechoice.h"
#include "collectoroptions.h"
#include "common/processes.h"
#include "console.h"
#include "exitcodes.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const QString ownerPidFileName = u"stack-owner.pid"_s;

using Console::printLine;

QString ownerPidPath(const QString& dataDirectory)
{
    return QDir(dataDirectory).filePath(ownerPidFileName);
}

void printRunning(const LocalClickHouse& server, const LocalCollector& collector, bool json, bool passwordGenerated)
{
    const ClickHouseEndpoint endpoint = server.endpoint();
    if (json) {
        QJsonObject object {
            { u"state"_s, u"running"_s },
            { u"version"_s, server.serverVersion() },
            { u"http_url"_s, endpoint.url.toString() },
            { u"tcp_port"_s, server.tcpPort() },
            { u"user"_s, endpoint.user },
            { u"data_dir"_s, server.dataDirectory() },
            { u"server_pid"_s, server.serverPid() },
            { u"owner_pid"_s, static_cast<qint64>(::getpid()) },
        };
        // A generated password is shown once, here, because there is no other way to learn it.
        if (passwordGenerated)
            object.insert(u"password"_s, endpoint.password);
        QJsonObject schema { { u"database"_s, server.schemaDatabase() },
            { u"installed"_s, server.schemaError().isEmpty() } };
        if (!server.schemaError().isEmpty())
            schema.insert(u"error"_s, server.schemaError());
        object.insert(u"schema"_s, schema);
        if (collector.receiver())
            object.insert(u"otlp_url"_s, collector.receiver()->url().toString());
        if (collector.gateway())
            object.insert(u"gateway_url"_s, collector.gateway()->url().toString());
        Console::printJson(object);
        return;
    }
    printLine(stdout,
        QCoreApplication::translate(
            "StackCommand", "ClickHouse %1 is running (pid %2), managed by automagik-workbench (pid %3)")
            .arg(server.serverVersion())
            .arg(server.serverPid())
            .arg(::getpid()));
    printLine(stdout, QCoreApplication::translate("StackCommand", "  HTTP:     %1").arg(endpoint.url.toString()));
    printLine(stdout, QCoreApplication::translate("StackCommand", "  native:   127.0.0.1:%1").arg(server.tcpPort()));
    printLine(stdout, QCoreApplication::translate("StackCommand", "  user:     %1").arg(endpoint.user));
    printLine(stdout,
        passwordGenerated ? QCoreApplication::translate("StackCommand", "  password: %1 (generated for this run)")
                                .arg(endpoint.password)
                          : QCoreApplication::translate("StackCommand", "  password: the one you gave"));
    printLine(stdout, QCoreApplication::translate("StackCommand", "  data:     %1").arg(server.dataDirectory()));
    if (server.schemaError().isEmpty())
        printLine(stdout,
            QCoreApplication::translate("StackCommand", "  schema:   %1 (%2 dialect)")
                .arg(server.schemaDatabase(),
                    server.serverInfo().dialect() == ClickHouseServerInfo::Dialect::Modern ? u"modern"_s
                                                                                           : u"legacy"_s));
    if (collector.receiver())
        printLine(stdout,
            QCoreApplication::translate("StackCommand", "  OTLP:     %1 (/v1/traces, /v1/metrics, /v1/logs)")
                .arg(collector.receiver()->url().toString()));
    if (collector.gateway())
        printLine(stdout,
            QCoreApplication::translate("StackCommand", "  gateway:  %1 (for the SDKs' clickhouse backend)")
                .arg(collector.gateway()->url().toString()));
    printLine(stdout,
        QCoreApplication::translate(
            "StackCommand", "Press Ctrl-C or run 'automagik-workbench stack stop' to stop it."));
}

int start(const QCommandLineParser& parser, const QString& dataDirectory)
{
    LocalClickHouse::Options options;
    options.dataDirectory = dataDirectory;
    options.password = qEnvironmentVariable("AUTOMAGIK_WORKBENCH_CLICKHOUSE_PASSWORD");
    const bool passwordGenerated = options.password.isEmpty();
    if (parser.isSet(u"http-port"_s)) {
        bool ok = false;
        const uint port = parser.value(u"http-port"_s).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            printLine(stderr,
                QCoreApplication::translate("StackCommand", "--http-port: \"%1\" is not a port number (1-65535)")
                    .arg(parser.value(u"http-port"_s)));
            return ExitCode::usage;
        }
        options.preferredHttpPort = static_cast<quint16>(port);
    }
    const bool json = parser.isSet(u"json"_s);
    LocalCollector::Options collectorOptions;
    if (!CollectorOptions::resolve(parser, &collectorOptions))
        return ExitCode::usage;

    LocalClickHouse server(options);
    std::unique_ptr<LocalCollector> collector;
    UnixSignalWatcher signalWatcher({ SIGINT, SIGTERM, SIGHUP });
    int exitCode = ExitCode::success;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &server, [&] {
        // What the collector has not delivered within 10 s waits in its spool for the next start.
        if (collector)
            collector->stop(10000);
        server.stop();
    });
    QObject::connect(&server, &LocalClickHouse::ready, &server, [&] {
        // The receiver and the gateway in front of it: the whole local stack.
        collectorOptions.clickHouse.endpoint = server.endpoint();
        collectorOptions.clickHouse.endpoint.database = server.schemaDatabase();
        CollectorOptions::describeTarget(&collectorOptions.clickHouse,
            server.serverInfo().dialect() == ClickHouseServerInfo::Dialect::Modern,
            LocalCollector::spoolPathIn(dataDirectory));
        collector = std::make_unique<LocalCollector>(collectorOptions);
        QString error;
        if (!collector->start(&error)) {
            printLine(stderr, QCoreApplication::translate("StackCommand", "error: %1").arg(error));
            exitCode = ExitCode::failure;
            server.stop();
            return;
        }
        QFile owner(ownerPidPath(dataDirectory));
        if (owner.open(QIODevice::WriteOnly | QIODevice::Truncate))
            owner.write(QByteArray::number(::getpid()) + '\n');
        printRunning(server, *collector, json, passwordGenerated);
        // The server runs either way; the schema's failure is said where a person or a script looks.
        if (!server.schemaError().isEmpty())
            printLine(stderr, QCoreApplication::translate("StackCommand", "error: %1").arg(server.schemaError()));
    });
    QObject::connect(&server, &LocalClickHouse::failed, &server, [&](const QString& error) {
        printLine(stderr, QCoreApplication::translate("StackCommand", "error: %1").arg(error));
        exitCode = ExitCode::failure;
        QCoreApplication::quit();
    });
    QObject::connect(&server, &LocalClickHouse::stopped, &server, [&] {
        if (!json)
            printLine(stdout, QCoreApplication::translate("StackCommand", "ClickHouse stopped."));
        QCoreApplication::quit();
    });
    server.start();
    if (server.state() != LocalClickHouse::State::Failed)
        QCoreApplication::exec();
    QFile::remove(ownerPidPath(dataDirectory));
    return exitCode;
}

int stop(const QString& dataDirectory)
{
    QFile owner(ownerPidPath(dataDirectory));
    if (!owner.open(QIODevice::ReadOnly)) {
        printLine(stderr,
            QCoreApplication::translate("StackCommand", "no managed ClickHouse runs from %1 (no %2 there)")
                .arg(dataDirectory, ownerPidFileName));
        return ExitCode::failure;
    }
    const pid_t pid = static_cast<pid_t>(owner.readAll().trimmed().toLong());
    if (pid <= 0 || ::kill(pid, SIGTERM) != 0) {
        printLine(stderr,
            QCoreApplication::translate(
                "StackCommand", "the workbench that ran ClickHouse from %1 is gone; removing its stale pid file")
                .arg(dataDirectory));
        QFile::remove(owner.fileName());
        return ExitCode::failure;
    }
    QDeadlineTimer deadline(20000);
    while (Processes::isAlive(pid) && !deadline.hasExpired())
        QThread::msleep(50);
    if (Processes::isAlive(pid)) {
        printLine(stderr, QCoreApplication::translate("StackCommand", "process %1 did not stop within 20 s").arg(pid));
        return ExitCode::failure;
    }
    printLine(stdout, QCoreApplication::translate("StackCommand", "ClickHouse stopped."));
    return ExitCode::success;
}
} // namespace

namespace StackCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("StackCommand",
        "Run the local stack: 'stack start' runs the managed ClickHouse with the telemetry schema, the OTLP/HTTP "
        "receiver (port 4318 when free) and the ClickHouse ingest gateway (8124 when free) in front of it, in "
        "the foreground until Ctrl-C; 'stack stop' stops one started that way."));
    parser.addHelpOption();
    parser.addPositionalArgument(QCoreApplication::translate("StackCommand", "action"),
        QCoreApplication::translate("StackCommand", "start or stop"));
    ClickHouseChoice::addOptions(parser);
    parser.addOption({ u"http-port"_s,
        QCoreApplication::translate("StackCommand", "HTTP port to use when it is free (default: any free port)."),
        QCoreApplication::translate("StackCommand", "port") });
    parser.addOption(
        { u"json"_s, QCoreApplication::translate("StackCommand", "Print the connection details as one JSON line.") });
    CollectorOptions::addOptions(parser);
    if (const std::optional<int> answered = Console::parse(parser, u"stack"_s, arguments))
        return *answered;
    const QString dataDirectory = ClickHouseChoice::resolve(parser).dataDirectory;
    const QString action = parser.positionalArguments().value(0);
    if (action == u"start"_s)
        return start(parser, dataDirectory);
    if (action == u"stop"_s)
        return stop(dataDirectory);
    printLine(stderr, QCoreApplication::translate("StackCommand", "stack: say 'start' or 'stop' (see --help)"));
    return ExitCode::usage;
}

} // namespace StackCommand
