#include "headless.h"

#include "applicationidentity.h"
#include "benchcommand.h"
#include "exitcodes.h"
#include "schemacommand.h"
#include "stackcommand.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {
const char* const subcommands[] = { "stack", "schema", "bench" };

void printUsage(FILE* stream)
{
    std::fputs("Usage: automagik-workbench [options]            open the window\n"
               "       automagik-workbench <command> [options]  work headless\n"
               "\n"
               "Commands:\n"
               "  stack start   run the managed local ClickHouse in the foreground until Ctrl-C\n"
               "  stack stop    stop a managed ClickHouse started with 'stack start'\n"
               "  schema install|verify|upgrade|reset|drop\n"
               "                the upstream telemetry schema on a ClickHouse (reset, drop: --yes)\n"
               "  bench codec   measure the OTLP codecs (encode/decode, protobuf/JSON)\n"
               "  bench ingest  the ClickHouse direct backend against clickhouse-client\n"
               "  bench stream  a large result through the streaming client (time, memory)\n"
               "\n"
               "Options:\n"
               "  -v, --version  print the version\n"
               "  -h, --help     print this help ('<command> --help' for a command's options)\n",
        stream);
}
} // namespace

bool isHeadlessInvocation(int argc, char* argv[])
{
    if (argc < 2)
        return false;
    const char* first = argv[1];
    for (const char* name : subcommands) {
        if (std::strcmp(first, name) == 0)
            return true;
    }
    for (const char* flag : { "-v", "--version", "-h", "--help", "-help" }) {
        if (std::strcmp(first, flag) == 0)
            return true;
    }
    return false;
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
        printUsage(stdout);
        return ExitCode::success;
    }
    if (command == u"stack"_s)
        return StackCommand::run(arguments.mid(1));
    if (command == u"schema"_s)
        return SchemaCommand::run(arguments.mid(1));
    if (command == u"bench"_s)
        return BenchCommand::run(arguments.mid(1));
    printUsage(stderr);
    return ExitCode::usage;
}
