#include "headless.h"

#include "applicationidentity.h"
#include "benchcommand.h"
#include "console.h"
#include "dashboardcommand.h"
#include "exitcodes.h"
#include "querycommand.h"
#include "receivecommand.h"
#include "recordcommand.h"
#include "replaycommand.h"
#include "samplecommand.h"
#include "schemacommand.h"
#include "sendcommand.h"
#include "stackcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <memory>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
struct Command
{
    const char* name;
    int (*run)(const QStringList& arguments);
};

const Command commands[] = {
    { "stack", StackCommand::run },
    { "schema", SchemaCommand::run },
    { "sample", SampleCommand::run },
    { "query", QueryCommand::run },
    { "dashboard", DashboardCommand::run },
    { "receive", ReceiveCommand::run },
    { "record", RecordCommand::run },
    { "replay", ReplayCommand::run },
    { "send", SendCommand::run },
    { "bench", BenchCommand::run },
};

/// The overview that --help prints and an unknown command is answered with.
QString usage()
{
    return QCoreApplication::translate("Headless",
        "Usage: automagik-workbench [options]            open the window\n"
        "       automagik-workbench <command> [options]  work headless\n"
        "\n"
        "Commands:\n"
        "  stack start   run the local stack in the foreground until Ctrl-C: the managed\n"
        "                ClickHouse, the OTLP receiver and the ClickHouse ingest gateway\n"
        "  stack stop    stop a managed ClickHouse started with 'stack start'\n"
        "  schema install|verify|upgrade|reset|drop\n"
        "                the upstream telemetry schema on a ClickHouse (reset, drop: --yes)\n"
        "  sample        load realistic sample telemetry into ClickHouse\n"
        "  query         run SQL as the Query page does; the result to standard output\n"
        "  dashboard render|list|import|remove|export\n"
        "                a dashboard's panels to PNGs and a summary; the dashboard library\n"
        "  receive       the OTLP receiver and the ingest gateway in front of a ClickHouse\n"
        "  record        the OTLP receiver writing what arrives into a capture file\n"
        "  replay        captures through a backend with their own timing; --verify\n"
        "  send          SDK-shaped events, errors, metrics or logs through a backend\n"
        "  bench codec   measure the OTLP codecs (encode/decode, protobuf/JSON)\n"
        "  bench ingest  the ClickHouse direct backend against clickhouse-client\n"
        "  bench receive OTLP through the receiver against the direct backend\n"
        "  bench replay  replay --speed max against clickhouse-client; memory, timing\n"
        "  bench stream  a large result through the streaming client (time, memory)\n"
        "  bench query   the query command's CSV against curl (time, memory)\n"
        "\n"
        "Options:\n"
        "  -v, --version  print the version\n"
        "  -h, --help     print this help ('<command> --help' for a command's options)\n"
        "\n"
        "Options of the window:\n"
        "  --language <name>            the window's language: system, en or pt_BR\n"
        "  --data-dir <folder>          folder of the managed local ClickHouse\n"
        "  --clickhouse-endpoint <url>  use this external ClickHouse instead of a managed one\n"
        "                               (credentials: AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME,\n"
        "                               _PASSWORD, or File > Settings)\n"
        "  --otlp-port <port>           the receiver's port (default 4318, else a free one)\n"
        "  --gateway-port <port>        the ClickHouse gateway's port (default 8124)\n"
        "  --listen <address>           listen on this address instead of 127.0.0.1\n"
        "  --cors-origin <origin>       a browser origin allowed to send (repeatable)\n"
        "  --no-gateway                 run the receiver without the gateway\n"
        "  --smoke-screenshot <file>    open, wait for ClickHouse, save a PNG of the window, exit\n"
        "  --smoke-first-run            with it: load sample telemetry, run the first query too\n");
}

bool isFlag(const char* argument, std::initializer_list<const char*> flags)
{
    return std::any_of(
        flags.begin(), flags.end(), [argument](const char* flag) { return std::strcmp(argument, flag) == 0; });
}

/// Edit distance, to suggest the command a typo meant.
int distance(const QString& a, const QString& b)
{
    std::vector<int> row(static_cast<std::size_t>(b.size()) + 1);
    std::iota(row.begin(), row.end(), 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[std::size_t(j)];
            row[std::size_t(j)] =
                std::min({ above + 1, row[std::size_t(j - 1)] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1) });
            diagonal = above;
        }
    }
    return row[std::size_t(b.size())]; // (row is never empty: b.size() + 1 entries)
}

int unknownCommand(const QString& command)
{
    QString suggestion;
    for (const Command& candidate : commands) {
        const QString name = QString::fromLatin1(candidate.name);
        if (distance(command, name) <= 2)
            suggestion = name;
    }
    Console::printLine(stderr,
        suggestion.isEmpty()
            ? QCoreApplication::translate("Headless", "automagik-workbench: unknown command '%1'").arg(command)
            : QCoreApplication::translate("Headless", "automagik-workbench: unknown command '%1' (did you mean '%2'?)")
                  .arg(command, suggestion));
    std::fputs("\n", stderr);
    std::fputs(qUtf8Printable(usage()), stderr);
    return ExitCode::usage;
}

struct Invocation
{
    bool headless = false;
    int commandIndex = -1; ///< the first word, when there is one
    const char* flag = nullptr; ///< --help, --version, ... when one came before any word
};

/// Reads the arguments as far as the window's own options go: a word (a command, known or not)
/// or --help/--version among them means headless; another option (Qt's -platform, say) is the
/// window's parser's to judge.
Invocation scan(int argc, char* argv[])
{
    Invocation invocation;
    for (int i = 1; i < argc; ++i) {
        const char* argument = argv[i];
        if (isFlag(argument, { "-v", "--version", "-h", "--help", "-help", "--help-all", "-?" })) {
            invocation.headless = true;
            invocation.flag = argument;
            return invocation;
        }
        if (isFlag(argument, { "--data-dir", "--clickhouse-endpoint", "--smoke-screenshot" })) {
            ++i; // its value
            continue;
        }
        if (std::strncmp(argument, "--data-dir=", 11) == 0 || std::strncmp(argument, "--clickhouse-endpoint=", 22) == 0
            || std::strncmp(argument, "--smoke-screenshot=", 19) == 0 || isFlag(argument, { "--smoke-first-run" }))
            continue;
        if (argument[0] != '-') {
            invocation.headless = true;
            invocation.commandIndex = i;
        }
        return invocation;
    }
    return invocation;
}
} // namespace

bool isHeadlessInvocation(int argc, char* argv[])
{
    return scan(argc, argv).headless;
}

int runHeadless(int argc, char* argv[])
{
    const Invocation invocation = scan(argc, argv);
    // A command that draws (dashboard render) needs widgets, off screen unless told otherwise;
    // the others need no display at all.
    const bool widgets = invocation.commandIndex > 0 && std::strcmp(argv[invocation.commandIndex], "dashboard") == 0
        && invocation.commandIndex + 1 < argc && std::strcmp(argv[invocation.commandIndex + 1], "render") == 0;
    if (widgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> owner =
        widgets ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& application = *owner;
    ApplicationIdentity::apply(application);
    // The commands' help and messages in the user's language, as the window's (no settings here:
    // the locale decides; LANG=C gives the English the man page is made from).
    ApplicationIdentity::installTranslations(application, u"system"_s);
    if (invocation.flag && isFlag(invocation.flag, { "-v", "--version" })) {
        std::fprintf(stdout, "%s %s\n", qUtf8Printable(QCoreApplication::applicationName()),
            qUtf8Printable(QCoreApplication::applicationVersion()));
        return ExitCode::success;
    }
    if (invocation.flag) {
        std::fputs(qUtf8Printable(usage()), stdout);
        return ExitCode::success;
    }
    // The window's options before the command (`--data-dir X sample`) go to the command.
    const QStringList all = QCoreApplication::arguments();
    const QString command = all.value(invocation.commandIndex);
    const QStringList arguments = all.mid(1, invocation.commandIndex - 1) + all.mid(invocation.commandIndex + 1);
    for (const Command& candidate : commands) {
        if (command == QLatin1StringView(candidate.name))
            return candidate.run(arguments);
    }
    return unknownCommand(command);
}
