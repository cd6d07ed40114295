#include "dashboardcommand.h"

#include "clickhousechoice.h"
#include "clickhousetarget.h"
#include "console.h"
#include "dashboard/dashboardrenderer.h"
#include "dashboardlibrary.h"
#include "dashboardsession.h"
#include "exitcodes.h"
#include "query/grafanadashboardparser.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
constexpr int renderTimeoutMs = 300'000;

QString defaultLibraryFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/dashboards"_s;
}

/// A dashboard file, or a uid or title from the library.
bool loadDashboard(const QString& what, const DashboardLibrary& library, GrafanaDashboard* dashboard)
{
    QByteArray json;
    QString error;
    if (QFileInfo(what).isFile()) {
        QFile file(what);
        if (!file.open(QIODevice::ReadOnly)) {
            printLine(stderr,
                QCoreApplication::translate("DashboardCommand", "dashboard: cannot read %1: %2")
                    .arg(what, file.errorString()));
            return false;
        }
        json = file.readAll();
    } else if (const std::optional<DashboardLibrary::Entry> entry = library.find(what)) {
        const std::optional<QByteArray> read = library.read(*entry, &error);
        if (!read) {
            printLine(stderr, u"dashboard: "_s + error);
            return false;
        }
        json = *read;
    } else {
        printLine(stderr,
            QCoreApplication::translate("DashboardCommand",
                "dashboard: '%1' is neither a file nor a dashboard's uid or title (see 'dashboard list')")
                .arg(what));
        return false;
    }
    const GrafanaDashboardParser::Result parsed = GrafanaDashboardParser::parse(json);
    if (!parsed.ok()) {
        printLine(stderr, u"dashboard: %1: %2"_s.arg(what, parsed.error));
        return false;
    }
    *dashboard = parsed.dashboard;
    return true;
}

int render(const QCommandLineParser& parser, const QStringList& positional, const DashboardLibrary& library)
{
    if (positional.size() != 2 || !parser.isSet(u"out"_s)) {
        printLine(stderr,
            QCoreApplication::translate(
                "DashboardCommand", "dashboard render: give one FILE.json or UID and --out DIR (see --help)"));
        return ExitCode::usage;
    }
    bool ok = false;
    const int width = parser.value(u"width"_s).toInt(&ok);
    if (!ok || width < 400 || width > 8000) {
        printLine(stderr,
            QCoreApplication::translate("DashboardCommand", "--width: \"%1\" is not a width from 400 to 8000 pixels")
                .arg(parser.value(u"width"_s)));
        return ExitCode::usage;
    }
    const QString themeName = parser.value(u"theme"_s);
    if (themeName != u"dark"_s && themeName != u"light"_s) {
        printLine(stderr, QCoreApplication::translate("DashboardCommand", "--theme: say dark or light"));
        return ExitCode::usage;
    }
    GrafanaDashboard dashboard;
    if (!loadDashboard(positional.at(1), library, &dashboard))
        return ExitCode::failure;
    ClickHouseTarget::Choice target;
    if (!ClickHouseTarget::resolve(parser, &target))
        return ExitCode::usage;
    ClickHouseServerInfo info;
    if (!ClickHouseTarget::reach(target, u"dashboard"_s, &info))
        return ExitCode::failure;
    DashboardSession session;
    session.setServer(target.config.endpoint, info);
    session.setDashboard(dashboard);
    const QString from = parser.isSet(u"from"_s) ? parser.value(u"from"_s) : dashboard.timeFrom;
    const QString to = parser.isSet(u"to"_s) ? parser.value(u"to"_s) : dashboard.timeTo;
    QMap<QString, QStringList> variables;
    if (!ClickHouseTarget::readVariables(parser, &variables))
        return ExitCode::usage;
    for (auto variable = variables.cbegin(); variable != variables.cend(); ++variable)
        session.setVariable(variable.key(), variable.value());
    QString error;
    if (!session.setTimeRange(from, to, &error)) {
        printLine(stderr, u"dashboard: "_s + error);
        return ExitCode::usage;
    }
    printLine(stderr,
        QCoreApplication::translate(
            "DashboardCommand", "Running the %1 panels of \"%2\" against ClickHouse at %3 (from %4)…")
            .arg(session.panelCount())
            .arg(dashboard.title, target.config.endpoint.displayString(), target.source));
    QEventLoop loop;
    QObject::connect(&session, &DashboardSession::idle, &loop, &QEventLoop::quit);
    UnixSignalWatcher signals({ SIGINT, SIGTERM, SIGHUP });
    bool interrupted = false;
    QObject::connect(&signals, &UnixSignalWatcher::received, &loop, [&] {
        interrupted = true;
        session.cancel();
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(renderTimeoutMs);
    session.refresh();
    if (!session.isIdle())
        loop.exec();
    if (interrupted || !session.isIdle()) {
        session.cancel();
        printLine(stderr,
            interrupted
                ? QCoreApplication::translate("DashboardCommand", "dashboard: interrupted")
                : QCoreApplication::translate("DashboardCommand", "dashboard: the panels did not finish in 5 minutes"));
        return ExitCode::failure;
    }
    const QString folder = QDir(parser.value(u"out"_s)).absolutePath();
    const DashboardRenderer::Result result = DashboardRenderer::render(
        session, width, themeName == u"light"_s ? PanelTheme::lightTheme() : PanelTheme::darkTheme(), folder);
    if (!result.error.isEmpty()) {
        printLine(stderr, u"dashboard: "_s + result.error);
        return ExitCode::failure;
    }
    QSaveFile summary(QDir(folder).filePath(u"summary.json"_s));
    const QByteArray json = QJsonDocument(result.summary).toJson(QJsonDocument::Indented);
    if (!summary.open(QIODevice::WriteOnly) || summary.write(json) != json.size() || !summary.commit()) {
        printLine(stderr,
            QCoreApplication::translate("DashboardCommand", "dashboard: cannot write %1: %2")
                .arg(summary.fileName(), summary.errorString()));
        return ExitCode::failure;
    }
    printLine(stdout,
        QCoreApplication::translate("DashboardCommand",
            "Rendered \"%1\" into %2: %3 panels, %4 in error; summary.json, dashboard.png and one PNG per panel.")
            .arg(dashboard.title, folder)
            .arg(session.panelCount())
            .arg(result.panelsInError));
    return result.panelsInError == 0 ? ExitCode::success : ExitCode::partial;
}

int list(const DashboardLibrary& library)
{
    const QString builtIn = QCoreApplication::translate("DashboardCommand", "built-in");
    const QString imported = QCoreApplication::translate("DashboardCommand", "imported");
    // The column as wide as the longer word in the user's language.
    const int width = int(std::max(builtIn.size(), imported.size()));
    for (const DashboardLibrary::Entry& entry : library.entries())
        printLine(stdout,
            u"%1  %2  %3"_s.arg(entry.uid, -32).arg(entry.builtIn ? builtIn : imported, -width).arg(entry.title));
    return ExitCode::success;
}
} // namespace

namespace DashboardCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("DashboardCommand",
        "Dashboards from a terminal. render FILE.json|UID --out DIR: runs every panel against ClickHouse "
        "and writes a PNG per panel, dashboard.png and summary.json (exit code 3 when a panel failed). "
        "list: the built-in and imported dashboards. import FILE.json, remove UID, export UID FILE.json: the "
        "library the Dashboards page shows. The server: as for 'query'."));
    parser.addHelpOption();
    ClickHouseTarget::addOptions(parser);
    parser.addPositionalArgument(QCoreApplication::translate("DashboardCommand", "action"),
        QCoreApplication::translate("DashboardCommand", "render, list, import, remove or export"));
    parser.addOption({ u"out"_s,
        QCoreApplication::translate("DashboardCommand", "render: the folder for the PNGs and summary.json."),
        QCoreApplication::translate("DashboardCommand", "DIR") });
    parser.addOption({ u"from"_s,
        QCoreApplication::translate("DashboardCommand", "render: start of the time range (default: the dashboard's)."),
        QCoreApplication::translate("DashboardCommand", "time") });
    parser.addOption({ u"to"_s,
        QCoreApplication::translate("DashboardCommand", "render: end of the time range (default: the dashboard's)."),
        QCoreApplication::translate("DashboardCommand", "time") });
    parser.addOption({ u"var"_s,
        QCoreApplication::translate(
            "DashboardCommand", "render: a variable's value (repeat a name for several values)."),
        QCoreApplication::translate("DashboardCommand", "name=value") });
    parser.addOption({ u"width"_s,
        QCoreApplication::translate("DashboardCommand", "render: the dashboard's width in pixels (default 1600)."),
        u"W"_s, u"1600"_s });
    parser.addOption({ u"theme"_s, QCoreApplication::translate("DashboardCommand", "render: dark (default) or light."),
        QCoreApplication::translate("DashboardCommand", "theme"), u"dark"_s });
    parser.addOption({ u"library"_s,
        QCoreApplication::translate("DashboardCommand", "The folder of imported dashboards (default: %1).")
            .arg(defaultLibraryFolder()),
        QCoreApplication::translate("DashboardCommand", "folder"), defaultLibraryFolder() });
    if (const std::optional<int> answered = Console::parse(parser, u"dashboard"_s, arguments))
        return *answered;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    DashboardLibrary library(parser.value(u"library"_s));
    QString error;
    if (action == u"render"_s)
        return render(parser, positional, library);
    if (action == u"list"_s && positional.size() == 1)
        return list(library);
    if (action == u"import"_s && positional.size() == 2) {
        const std::optional<DashboardLibrary::Entry> entry = library.import(positional.at(1), &error);
        if (!entry) {
            printLine(stderr, u"dashboard import: "_s + error);
            return ExitCode::failure;
        }
        printLine(stdout,
            QCoreApplication::translate("DashboardCommand", "Imported \"%1\" as %2 (%3)")
                .arg(entry->title, entry->uid, entry->path));
        return ExitCode::success;
    }
    if (action == u"remove"_s && positional.size() == 2) {
        if (!library.remove(positional.at(1), &error)) {
            printLine(stderr, u"dashboard remove: "_s + error);
            return ExitCode::failure;
        }
        printLine(stdout, QCoreApplication::translate("DashboardCommand", "Removed %1").arg(positional.at(1)));
        return ExitCode::success;
    }
    if (action == u"export"_s && positional.size() == 3) {
        if (!library.exportTo(positional.at(1), positional.at(2), &error)) {
            printLine(stderr, u"dashboard export: "_s + error);
            return ExitCode::failure;
        }
        printLine(stdout, QCoreApplication::translate("DashboardCommand", "Wrote %1").arg(positional.at(2)));
        return ExitCode::success;
    }
    printLine(stderr,
        QCoreApplication::translate("DashboardCommand",
            "dashboard: say render FILE|UID --out DIR, list, import FILE, remove UID or export UID FILE (see --help)"));
    return ExitCode::usage;
}

} // namespace DashboardCommand
