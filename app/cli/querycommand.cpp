#include "querycommand.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousedownload.h"
#include "clickhousetarget.h"
#include "console.h"
#include "exitcodes.h"
#include "query/grafanatime.h"
#include "query/queryoutputdevice.h"
#include "query/querypreparation.h"
#include "sql/sqlstatementsplitter.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QLocale>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
struct Request
{
    QString sql;
    QueryPreparation::Options preparation;
    QueryOutputDevice::Format format = QueryOutputDevice::Format::Table;
    qint64 maxRows = -1;
};

/// The statements: the argument, or --file (`-`: standard input).
bool readStatements(const QCommandLineParser& parser, QString* sql)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        printLine(stderr,
            QCoreApplication::translate(
                "QueryCommand", "query: one SQL argument, quoted (found %1 arguments; see --help)")
                .arg(positional.size()));
        return false;
    }
    if (parser.isSet(u"file"_s) == !positional.isEmpty()) {
        printLine(stderr,
            QCoreApplication::translate(
                "QueryCommand", "query: give the SQL as an argument or with --file, one of the two (see --help)"));
        return false;
    }
    if (!positional.isEmpty()) {
        *sql = positional.first();
        return true;
    }
    const QString path = parser.value(u"file"_s);
    QFile file;
    const bool opened = path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        printLine(stderr,
            QCoreApplication::translate("QueryCommand", "query: cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    *sql = QString::fromUtf8(file.readAll());
    return true;
}

/// --var name=value as the macros' template variables.
bool readVariables(const QCommandLineParser& parser, QList<GrafanaTemplateVariable>* variables)
{
    QMap<QString, QStringList> assigned;
    if (!ClickHouseTarget::readVariables(parser, &assigned))
        return false;
    for (auto variable = assigned.cbegin(); variable != assigned.cend(); ++variable)
        variables->append({ variable.key(), variable.value(), false, variable.value(), QString() });
    return true;
}

bool readOptions(const QCommandLineParser& parser, Request* request)
{
    const auto format = QueryOutputDevice::formatFromName(parser.value(u"format"_s));
    if (!format) {
        printLine(stderr,
            QCoreApplication::translate("QueryCommand", "--format: \"%1\" is not one of table, csv, tsv, json, jsonl")
                .arg(parser.value(u"format"_s)));
        return false;
    }
    request->format = *format;
    if (parser.isSet(u"max-rows"_s)) {
        bool ok = false;
        request->maxRows = parser.value(u"max-rows"_s).toLongLong(&ok);
        if (!ok || request->maxRows < 1) {
            printLine(stderr,
                QCoreApplication::translate("QueryCommand", "--max-rows: \"%1\" is not a number of rows (1 or more)")
                    .arg(parser.value(u"max-rows"_s)));
            return false;
        }
    }
    const GrafanaTime::Range range = GrafanaTime::parseRange(parser.value(u"from"_s), parser.value(u"to"_s),
        QDateTime::currentMSecsSinceEpoch(), QTimeZone::systemTimeZone());
    if (!range.ok()) {
        printLine(stderr, u"query: "_s + range.error);
        return false;
    }
    request->preparation.macros.fromMs = range.fromMs;
    request->preparation.macros.toMs = range.toMs;
    request->preparation.readOnly = !parser.isSet(u"write"_s);
    return readVariables(parser, &request->preparation.macros.variables) && readStatements(parser, &request->sql);
}

enum class Outcome
{
    Done,
    Failed,
    Interrupted,
};

/// Runs one prepared statement into standard output; statistics and errors to standard error.
Outcome runStatement(ClickHouseClient& client, const QString& sql, const Request& request, QFile& out,
    UnixSignalWatcher& signals, const QString& label)
{
    QueryOutputDevice device(request.format, &out, request.maxRows);
    ClickHouseDownload* download = client.download(sql, QueryOutputDevice::clickHouseFormat(request.format), &device,
        QueryPreparation::requestSettings(request.preparation.readOnly));
    bool interrupted = false;
    QEventLoop loop;
    QObject::connect(download, &ClickHouseExchange::finished, &loop, &QEventLoop::quit);
    // Not from inside the device's write: the download is in the middle of handing it bytes.
    QObject::connect(
        &device, &QueryOutputDevice::limitReached, download, &ClickHouseExchange::cancel, Qt::QueuedConnection);
    const QMetaObject::Connection onSignal = QObject::connect(&signals, &UnixSignalWatcher::received, download, [&] {
        interrupted = true;
        download->cancel();
    });
    if (!download->isFinished())
        loop.exec();
    QObject::disconnect(onSignal);
    const ClickHouseError error = download->error();
    const qint64 elapsedMs = download->elapsedMs();
    delete download;
    const bool stoppedAtLimit = device.isLimitReached() && error.kind() == ClickHouseError::Kind::Cancelled;
    if ((!error.isError() || stoppedAtLimit) && !device.finish()) {
        printLine(stderr,
            QCoreApplication::translate("QueryCommand", "query: cannot write the result: %1")
                .arg(device.errorString()));
        return Outcome::Failed;
    }
    const QLocale c(QLocale::English);
    const double seconds = double(qMax<qint64>(1, elapsedMs)) / 1000.0;
    const QString rows = u"%1 %2"_s.arg(c.toString(device.rows()),
        device.rows() == 1 ? QCoreApplication::translate("QueryCommand", "row")
                           : QCoreApplication::translate("QueryCommand", "rows"));
    if (interrupted) {
        // The download asked the server to stop (KILL QUERY): that reaches it before we end.
        client.waitForKills(5000);
        printLine(stderr,
            QCoreApplication::translate(
                "QueryCommand", "query: %1interrupted after %2 s and %3; the query was stopped on the server")
                .arg(label, c.toString(seconds, 'f', 2), rows));
        return Outcome::Interrupted;
    }
    if (error.isError() && !stoppedAtLimit) {
        const QString hint = QueryPreparation::readOnlyHint(error, request.preparation.readOnly);
        printLine(stderr,
            u"query: %1%2"_s.arg(label, error.toString())
                + (hint.isEmpty() ? QString()
                                  : u" ("_s + hint + QCoreApplication::translate("QueryCommand", " Add --write.)")));
        return Outcome::Failed;
    }
    // A rate over a few milliseconds says nothing.
    const QString rate = elapsedMs >= 100 ? QCoreApplication::translate("QueryCommand", " (%1 rows/s)")
                                                .arg(c.toString(qRound64(double(device.rows()) / seconds)))
                                          : QString();
    printLine(stderr,
        u"%1%2 in %3 s%4%5"_s.arg(label, rows, c.toString(seconds, 'f', 2), rate,
            stoppedAtLimit ? QCoreApplication::translate("QueryCommand", "; stopped at --max-rows %1")
                                 .arg(c.toString(request.maxRows))
                           : QString()));
    return Outcome::Done;
}
} // namespace

namespace QueryCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("QueryCommand",
        "Runs SQL against ClickHouse as the Query page does: Grafana's macros ($__timeFilter, "
        "$__interval, $var, ...) expanded for --from/--to and the server's version, read-only unless "
        "--write, several statements (separated by ;) one after another, stopping at the first error. "
        "Results stream to standard output in the chosen format, statistics to standard error; "
        "Ctrl-C stops the query on the server. The server: --endpoint, else "
        "AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir, "
        "else http://localhost:8123."));
    parser.addHelpOption();
    ClickHouseTarget::addOptions(parser);
    parser.addPositionalArgument(
        u"SQL"_s, QCoreApplication::translate("QueryCommand", "The statements to run (or --file)."), u"\"SQL\""_s);
    parser.addOption({ u"file"_s,
        QCoreApplication::translate("QueryCommand", "Read the statements from a file (- for standard input)."),
        u"F"_s });
    parser.addOption({ u"from"_s,
        QCoreApplication::translate("QueryCommand", "Start of the time range the macros see (default now-6h)."),
        QCoreApplication::translate("QueryCommand", "time"), u"now-6h"_s });
    parser.addOption({ u"to"_s,
        QCoreApplication::translate("QueryCommand",
            "End of the time range (default now). Times: now-6h, now/d, 2026-11-30 10:00, ISO 8601, epoch ms."),
        QCoreApplication::translate("QueryCommand", "time"), u"now"_s });
    parser.addOption({ u"var"_s,
        QCoreApplication::translate("QueryCommand", "A dashboard variable's value (repeat a name for several values)."),
        QCoreApplication::translate("QueryCommand", "name=value") });
    parser.addOption(
        { u"format"_s, QCoreApplication::translate("QueryCommand", "table, csv, tsv, json or jsonl (default table)."),
            QCoreApplication::translate("QueryCommand", "format"), u"table"_s });
    parser.addOption(
        { u"max-rows"_s, QCoreApplication::translate("QueryCommand", "Stop after N rows of each statement."), u"N"_s });
    parser.addOption({ u"write"_s,
        QCoreApplication::translate("QueryCommand", "Allow statements that change data (read-only otherwise).") });
    if (const std::optional<int> answered = Console::parse(parser, u"query"_s, arguments))
        return *answered;
    Request request;
    if (!readOptions(parser, &request))
        return ExitCode::usage;
    const QList<SqlStatementSplitter::Statement> statements = SqlStatementSplitter::split(request.sql);
    if (statements.isEmpty()) {
        printLine(stderr, QCoreApplication::translate("QueryCommand", "query: there is no statement to run"));
        return ExitCode::usage;
    }
    ClickHouseTarget::Choice target;
    if (!ClickHouseTarget::resolve(parser, &target))
        return ExitCode::usage;
    ClickHouseServerInfo info;
    if (!ClickHouseTarget::reach(target, u"query"_s, &info))
        return ExitCode::failure;
    const GrafanaMacroContext range = request.preparation.macros;
    request.preparation.macros = QueryPreparation::macroContext(range.fromMs, range.toMs, info);
    request.preparation.macros.variables = range.variables;
    request.preparation.macros.displayZone = QTimeZone::systemTimeZone();

    ClickHouseClient client(target.config.endpoint);
    client.setServerInfo(info);
    client.setTimeoutMs(300000); // a long aggregation may say nothing for minutes
    QFile out;
    if (!out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        printLine(stderr,
            QCoreApplication::translate("QueryCommand", "query: cannot write to standard output: %1")
                .arg(out.errorString()));
        return ExitCode::failure;
    }
    UnixSignalWatcher signals({ SIGINT, SIGTERM, SIGHUP });
    for (qsizetype index = 0; index < statements.size(); ++index) {
        const QString label = statements.size() == 1
            ? QString()
            : QCoreApplication::translate("QueryCommand", "statement %1 of %2: ").arg(index + 1).arg(statements.size());
        const QueryPreparation::Prepared prepared =
            QueryPreparation::prepare(statements[index].text, request.preparation);
        if (!prepared.ok()) {
            printLine(stderr, u"query: %1%2"_s.arg(label, prepared.error));
            return ExitCode::failure;
        }
        const Outcome outcome = runStatement(client, prepared.sql, request, out, signals, label);
        if (outcome != Outcome::Done)
            return ExitCode::failure;
    }
    return ExitCode::success;
}

} // namespace QueryCommand
