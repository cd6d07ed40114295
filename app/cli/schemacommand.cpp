#include "schemacommand.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseschema.h"
#include "clickhousetarget.h"
#include "console.h"
#include "exitcodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
using Console::printLine;

const QStringList actions { u"install"_s, u"verify"_s, u"upgrade"_s, u"reset"_s, u"drop"_s };

bool probe(ClickHouseClient* client, ClickHouseServerInfo* info, QString* error)
{
    std::unique_ptr<ClickHouseReply> reply(client->query(ClickHouseServerInfo::probeQuery()));
    QEventLoop loop;
    QObject::connect(reply.get(), &ClickHouseReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isOk()) {
        *error = reply->error().toString();
        return false;
    }
    return ClickHouseServerInfo::fromProbeResult(reply->text(), info, error);
}
} // namespace

int SchemaCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("SchemaCommand",
        "The upstream telemetry schema (traces, metrics, logs, the rollups and their views) on a "
        "ClickHouse server, as upstream wrote it on modern servers and with Nested instead of Map, "
        "without TTL and skip indexes on old ones. The server: --endpoint, else "
        "AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT, else the managed ClickHouse running from --data-dir "
        "(a window or 'stack start'), else http://localhost:8123. Credentials: --user or "
        "AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME, and _PASSWORD (only from the environment, so that it "
        "does not show in the process list)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QCoreApplication::translate("SchemaCommand", "action"),
        QCoreApplication::translate("SchemaCommand",
            "install (create what is missing, safe to repeat), verify (compare), upgrade (add missing "
            "tables and columns), reset (empty every table: needs --yes), drop (the whole database: "
            "needs --yes)"));
    ClickHouseTarget::addOptions(parser);
    parser.addOption(
        { u"yes"_s, QCoreApplication::translate("SchemaCommand", "Confirm reset or drop: they destroy data.") });
    parser.parse(QStringList { u"schema"_s } + arguments);
    if (parser.isSet(u"help"_s)) {
        printLine(stdout, parser.helpText());
        return ExitCode::success;
    }
    if (!parser.unknownOptionNames().isEmpty() || parser.positionalArguments().size() != 1
        || !actions.contains(parser.positionalArguments().constFirst())) {
        printLine(stderr,
            parser.errorText().isEmpty()
                ? QCoreApplication::translate("SchemaCommand", "usage: automagik-workbench schema %1 [options]")
                      .arg(actions.join(u'|'))
                : parser.errorText());
        return ExitCode::usage;
    }
    const QString action = parser.positionalArguments().constFirst();
    if ((action == u"reset"_s || action == u"drop"_s) && !parser.isSet(u"yes"_s)) {
        printLine(stderr,
            QCoreApplication::translate(
                "SchemaCommand", "'schema %1' destroys data; run it again with --yes if that is what you want")
                .arg(action));
        return ExitCode::usage;
    }

    ClickHouseTarget::Choice target;
    if (!ClickHouseTarget::resolve(parser, &target))
        return ExitCode::usage;
    ClickHouseEndpoint endpoint = target.config.endpoint;
    const QString database = endpoint.database;
    endpoint.database.clear(); // the database may not exist yet: every statement names it

    ClickHouseClient client(endpoint);
    ClickHouseServerInfo info;
    QString error;
    if (!probe(&client, &info, &error)) {
        printLine(stderr,
            QCoreApplication::translate("SchemaCommand", "cannot reach ClickHouse at %1 (from %2): %3")
                .arg(endpoint.displayString(), target.source, error));
        return ExitCode::failure;
    }
    client.setServerInfo(info);
    const auto definition = ClickHouseSchemaDefinition::load(info.dialect(), database);
    printLine(stdout,
        QCoreApplication::translate("SchemaCommand", "ClickHouse %1 at %2: %3 dialect, database %4")
            .arg(info.versionString(), endpoint.displayString(),
                info.dialect() == ClickHouseServerInfo::Dialect::Modern ? u"modern"_s : u"legacy"_s, database));

    ClickHouseSchema schema(&client, definition);
    QObject::connect(
        &schema, &ClickHouseSchema::progress, &schema, [](const QString& step) { printLine(stdout, u"  "_s + step); });
    bool ok = false;
    QEventLoop loop;
    QObject::connect(&schema, &ClickHouseSchema::finished, &loop, [&](bool succeeded, const QString& message) {
        ok = succeeded;
        error = message;
        loop.quit();
    });
    if (action == u"install"_s)
        schema.install();
    else if (action == u"verify"_s)
        schema.verify();
    else if (action == u"upgrade"_s)
        schema.upgrade();
    else if (action == u"reset"_s)
        schema.reset();
    else
        schema.drop();
    if (schema.isBusy())
        loop.exec();
    if (!ok) {
        printLine(stderr, QCoreApplication::translate("SchemaCommand", "schema %1 failed: %2").arg(action, error));
        return ExitCode::failure;
    }
    if (action == u"verify"_s) {
        const ClickHouseSchemaReport report = schema.lastReport();
        printLine(report.isComplete() ? stdout : stderr, report.summary());
        return report.isComplete() ? ExitCode::success : ExitCode::failure;
    }
    printLine(stdout, QCoreApplication::translate("SchemaCommand", "schema %1: done").arg(action));
    return ExitCode::success;
}
