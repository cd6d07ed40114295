#include "guiapplication.h"

#include "applicationidentity.h"
#include "cli/collectoroptions.h"
#include "cli/exitcodes.h"
#include "clickhouse/localclickhouse.h"
#include "clickhousechoice.h"
#include "collector/localcollector.h"
#include "common/workerthread.h"
#include "health/clickhouseprobe.h"
#include "health/telemetrytablesprobe.h"
#include "mainwindow.h"
#include "sample/sampletelemetryloader.h"
#include "smokescreenshot.h"
#include "unixsignalwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
void installTranslations(QApplication& application)
{
    auto* qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto* ownTranslator = new QTranslator(&application);
    if (ownTranslator->load(QLocale(), u"automagik-workbench"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(ownTranslator);
}
} // namespace

int runGuiApplication(int argc, char* argv[])
{
    QApplication application(argc, argv);
    ApplicationIdentity::apply(application);
    QApplication::setDesktopFileName(u"dev.automagik.Workbench"_s);
    installTranslations(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "The Automagik Telemetry stack in one window. Run with a subcommand (stack, ...) to work headless."));
    parser.addHelpOption();
    parser.addVersionOption();
    ClickHouseChoice::addOptions(parser);
    parser.addOption({ u"smoke-screenshot"_s,
        QApplication::translate("main",
            "Open the window, wait until ClickHouse is reachable (or has failed), save a PNG of the window to "
            "this file and exit: 0 when ClickHouse was reachable, 2 when it was not."),
        u"file"_s });
    parser.addOption({ u"smoke-first-run"_s,
        QApplication::translate("main",
            "With --smoke-screenshot: go on as a newcomer does (load sample telemetry, run the Query page's first "
            "statement) and exit 0 only when it returns rows.") });
    // Not process(): a wrong command line is exit code 2, as for every subcommand.
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "automagik-workbench: %s\n", qUtf8Printable(parser.errorText()));
        return ExitCode::usage;
    }
    if (parser.isSet(u"help"_s) || parser.isSet(u"version"_s)) {
        parser.process(application); // prints and exits 0
        return ExitCode::success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "automagik-workbench: unexpected argument '%s' (see --help)\n",
            qUtf8Printable(parser.positionalArguments().constFirst()));
        return ExitCode::usage;
    }
    const ClickHouseChoice choice = ClickHouseChoice::resolve(parser);

    std::unique_ptr<LocalClickHouse> managed;
    ClickHouseProbe probe;
    if (choice.managed) {
        LocalClickHouse::Options options;
        options.dataDirectory = choice.dataDirectory;
        managed = std::make_unique<LocalClickHouse>(options);
        probe.follow(managed.get());
    } else {
        probe.setEndpoint(choice.external);
        probe.start();
    }

    TelemetryTablesProbe tables;
    tables.setDatabase(choice.managed ? u"telemetry"_s : choice.external.database);
    tables.follow(&probe);
    SampleTelemetryLoader sampleLoader;
    // The local collector in front of the managed server, on a thread of its own (it decodes
    // every request): started when the server is ready, stopped when it stops.
    std::unique_ptr<WorkerThread<LocalCollector>> collector;
    if (managed) {
        collector = std::make_unique<WorkerThread<LocalCollector>>(
            u"collector"_s, new LocalCollector(), &LocalCollector::shutdown);
        QObject::connect(managed.get(), &LocalClickHouse::ready, &application, [&managed, &collector, &choice] {
            if (!collector)
                return; // shutting down
            LocalCollector::Options options;
            options.receiver.bearerToken = qgetenv("AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN");
            options.clickHouse.endpoint = managed->endpoint();
            options.clickHouse.endpoint.database = managed->schemaDatabase();
            CollectorOptions::describeTarget(&options.clickHouse,
                managed->serverInfo().dialect() == ClickHouseServerInfo::Dialect::Modern,
                LocalCollector::spoolPathIn(choice.dataDirectory));
            collector->post([options](LocalCollector* worker) {
                worker->configure(options);
                worker->startAndReport();
            });
        });
        QObject::connect(managed.get(), &LocalClickHouse::stopped, &application, [&collector] {
            if (collector) // else already shut down with the window
                collector->post([](LocalCollector* worker) { worker->shutdown(); });
        });
    }
    const MainWindow::Engines engines { managed.get(), &probe, &tables, &sampleLoader,
        collector ? collector->worker() : nullptr };
    MainWindow window(engines);
    window.show();
    if (managed)
        managed->start();

    // Ctrl-C or kill: close the window, which stops the managed server in order below.
    UnixSignalWatcher signalWatcher({ SIGINT, SIGTERM, SIGHUP });
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &application, &QApplication::closeAllWindows);

    std::unique_ptr<SmokeScreenshot> smoke;
    if (parser.isSet(u"smoke-screenshot"_s))
        smoke = std::make_unique<SmokeScreenshot>(
            &window, engines, parser.value(u"smoke-screenshot"_s), parser.isSet(u"smoke-first-run"_s));

    const int status = QApplication::exec();
    probe.stop();
    collector.reset(); // what it has not delivered within 10 s waits in its spool
    if (managed)
        managed->stopAndWait();
    return smoke ? smoke->exitCode() : status;
}
