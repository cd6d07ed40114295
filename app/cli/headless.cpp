#include "headless.h"

#include "applicationidentity.h"
#include "benchcommand.h"
#include "console.h"
#include "exitcodes.h"
#include "samplecommand.h"
#include "schemacommand.h"
#include "stackcommand.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cstring>
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
    { "bench", BenchCommand::run },
};

const char usage[] = "Usage: automagik-workbench [options]            open the window\n"
                     "       automagik-workbench <command> [options]  work headless\n"
                     "\n"
                     "Commands:\n"
                     "  stack start   run the managed local ClickHouse in the foreground until Ctrl-C\n"
                     "  stack stop    stop a managed ClickHouse started with 'stack start'\n"
                     "  schema install|verify|upgrade|reset|drop\n"
                     "                the upstream telemetry schema on a ClickHouse (reset, drop: --yes)\n"
                     "  sample        load realistic sample telemetry into ClickHouse\n"
                     "  bench codec   measure the OTLP codecs (encode/decode, protobuf/JSON)\n"
                     "  bench ingest  the ClickHouse direct backend against clickhouse-client\n"
                     "  bench stream  a large result through the streaming client (time, memory)\n"
                     "\n"
                     "Options:\n"
                     "  -v, --version  print the version\n"
                     "  -h, --help     print this help ('<command> --help' for a command's options)\n"
                     "\n"
                     "Options of the window:\n"
                     "  --data-dir <folder>          folder of the managed local ClickHouse\n"
                     "  --clickhouse-endpoint <url>  use this external ClickHouse instead of a managed one\n"
                     "                               (credentials: AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME,\n"
                     "                               _PASSWORD)\n"
                     "  --smoke-screenshot <file>    open, wait for ClickHouse, save a PNG of the window, exit\n"
                     "  --smoke-first-run            with it: load sample telemetry, run the first query too\n";

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
    return row.back();
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
            ? u"automagik-workbench: unknown command '%1'"_s.arg(command)
            : u"automagik-workbench: unknown command '%1' (did you mean '%2'?)"_s.arg(command, suggestion));
    std::fputs("\n", stderr);
    std::fputs(usage, stderr);
    return ExitCode::usage;
}
} // namespace

bool isHeadlessInvocation(int argc, char* argv[])
{
    if (argc < 2)
        return false;
    // A word is a command (or a mistyped one, answered without a display); options open the window.
    const char* first = argv[1];
    return first[0] != '-' || isFlag(first, { "-v", "--version", "-h", "--help", "-help" });
}

int runHeadless(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    ApplicationIdentity::apply(application);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const QString command = arguments.value(0);
    if (command == u"-v"_s || command == u"--version"_s) {
        std::fprintf(stdout, "%s %s\n", qUtf8Printable(QCoreApplication::applicationName()),
            qUtf8Printable(QCoreApplication::applicationVersion()));
        return ExitCode::success;
    }
    if (command == u"-h"_s || command == u"--help"_s || command == u"-help"_s) {
        std::fputs(usage, stdout);
        return ExitCode::success;
    }
    for (const Command& candidate : commands) {
        if (command == QLatin1StringView(candidate.name))
            return candidate.run(arguments.mid(1));
    }
    return unknownCommand(command);
}
