#include "guiapplication.h"

#include "applicationidentity.h"
#include "cli/collectoroptions.h"
#include "cli/exitcodes.h"
#include "clickhouse/localclickhouse.h"
#include "clickhousechoice.h"
#include "collector/localcollector.h"
#include "common/workerthread.h"
#include "dialogs/secretprompt.h"
#include "health/clickhouseprobe.h"
#include "health/telemetrytablesprobe.h"
#include "mainwindow.h"
#include "sample/sampletelemetryloader.h"
#include "settings/secretstore.h"
#include "settings/settingsconfig.h"
#include "settings/workbenchsettings.h"
#include "smokescreenshot.h"
#include "unixsignalwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
/// The window's collector options given on the command line become flags of the settings, so
/// that they win over saved values and the Settings dialog says so. False on a wrong one.
bool takeCollectorFlags(const QCommandLineParser& parser, WorkbenchSettings* settings)
{
    LocalCollector::Options checked;
    if (!CollectorOptions::resolve(parser, &checked))
        return false; // said on stderr
    for (const auto& [option, key] : { std::pair { u"otlp-port"_s, SettingKey::receiverPort },
             std::pair { u"gateway-port"_s, SettingKey::gatewayPort },
             std::pair { u"listen"_s, SettingKey::receiverAddress } }) {
        if (parser.isSet(option))
            settings->setFlag(key, parser.value(option));
    }
    if (parser.isSet(u"cors-origin"_s))
        settings->setFlag(SettingKey::corsOrigins, parser.values(u"cors-origin"_s).join(u','));
    if (parser.isSet(u"clickhouse-endpoint"_s))
        settings->setFlag(SettingKey::clickHouseEndpoint, parser.value(u"clickhouse-endpoint"_s));
    return true;
}

/// The value of --language (--language NAME or --language=NAME), or empty.
QString languageFlag(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--language"_s && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(u"--language="_s))
            return arguments.at(i).mid(qsizetype(sizeof("--language=")) - 1);
    }
    return {};
}

/// Reads the secrets from the keyring before anything needs them (the window is not shown yet;
/// a locked keyring may ask to be unlocked), then asks once for those it could not give.
void loadSecrets(SecretStore* secrets, WorkbenchSettings* settings, bool mayAsk)
{
    QEventLoop wait;
    QObject::connect(secrets, &SecretStore::loaded, &wait, &QEventLoop::quit);
    QStringList keys;
    for (const SettingDefinition& definition : SettingDefinition::all()) {
        if (definition.isSecret())
            keys.append(definition.key);
    }
    secrets->load(keys);
    if (secrets->isLoading())
        wait.exec();
    if (mayAsk) // a smoke run has nobody to answer
        SecretPrompt::askMissing(settings, SecretPrompt::dialog(nullptr));
}
} // namespace

int runGuiApplication(int argc, char* argv[])
{
    QApplication application(argc, argv);
    ApplicationIdentity::apply(application);
    QApplication::setDesktopFileName(u"dev.automagik.Workbench"_s);
    SecretStore secrets;
    WorkbenchSettings settings(nullptr, QProcessEnvironment::systemEnvironment(), &secrets);
    // --language before the parser: its help is made of translated texts.
    const QString language = languageFlag(QApplication::arguments());
    if (!language.isEmpty()) {
        settings.setFlag(SettingKey::language, language);
        if (settings.effective(SettingKey::language).source != WorkbenchSettings::Source::Flag) {
            std::fprintf(
                stderr, "automagik-workbench: --language: '%s' is not system, en or pt_BR\n", qUtf8Printable(language));
            return ExitCode::usage;
        }
    }
    ApplicationIdentity::installTranslations(application, settings.text(SettingKey::language));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "The Automagik Telemetry stack in one window. Run with a subcommand (stack, ...) to work headless."));
    parser.addHelpOption();
    parser.addVersionOption();
    ClickHouseChoice::addOptions(parser);
    CollectorOptions::addOptions(parser);
    parser.addOption({ u"language"_s,
        QApplication::translate("main", "The window's language instead of the one in Settings: system, en or pt_BR."),
        u"name"_s });
    parser.addOption({ u"smoke-screenshot"_s,
        QApplication::translate("main",
            "Open the window, wait until ClickHouse is reachable (or has failed), save a PNG of the window to "
            "this file and exit: 0 when ClickHouse was reachable, 2 when it was not."),
        u"file"_s });
    parser.addOption({ u"smoke-first-run"_s,
        QApplication::translate("main",
            "With --smoke-screenshot: go on as a newcomer does (load sample telemetry, run the Query page's first "
            "statement) and exit 0 only when it returns rows.") });
    parser.addOption({ u"smoke-every-page"_s,
        QApplication::translate("main", "With --smoke-screenshot: also save a PNG of every page before exiting.") });
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
        std::fprintf(stderr, "%s\n",
            qUtf8Printable(QApplication::translate("main", "automagik-workbench: unexpected argument '%1' (see --help)")
                               .arg(parser.positionalArguments().constFirst())));
        return ExitCode::usage;
    }
    if (!takeCollectorFlags(parser, &settings))
        return ExitCode::usage;
    for (const QString& problem : settings.problems())
        std::fprintf(stderr, "%s\n",
            qUtf8Printable(
                QApplication::translate("main", "automagik-workbench: warning: %1 (not used)").arg(problem)));
    loadSecrets(&secrets, &settings, !parser.isSet(u"smoke-screenshot"_s));
    const ClickHouseChoice choice = ClickHouseChoice::fromSettings(
        settings, parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : ClickHouseChoice::defaultDataDirectory());

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
    QString collectorSpool;
    QTimer restartCollector;
    if (managed) {
        collector = std::make_unique<WorkerThread<LocalCollector>>(
            u"collector"_s, new LocalCollector(), &LocalCollector::shutdown);
        const bool withGateway = !parser.isSet(u"no-gateway"_s);
        // The collector's options from the settings; a change of its settings restarts it with
        // them. Its spool file is chosen once: a new spool folder applies at the next start.
        const auto startCollector = [&managed, &collector, &choice, &settings, &collectorSpool, withGateway](
                                        bool restart) {
            if (!collector || !managed->isRunning())
                return; // shutting down, or started when the server is ready
            if (collectorSpool.isEmpty())
                collectorSpool = SettingsConfig::collectorSpoolPath(settings, choice.dataDirectory);
            LocalCollector::Options options;
            SettingsConfig::applyToCollector(settings, &options);
            options.withGateway = withGateway;
            options.clickHouse.endpoint = managed->endpoint();
            options.clickHouse.endpoint.database = managed->schemaDatabase();
            CollectorOptions::describeTarget(&options.clickHouse,
                managed->serverInfo().dialect() == ClickHouseServerInfo::Dialect::Modern, collectorSpool);
            collector->post([options, restart](LocalCollector* worker) {
                if (restart)
                    worker->shutdown();
                worker->configure(options);
                worker->startAndReport();
            });
        };
        QObject::connect(
            managed.get(), &LocalClickHouse::ready, &application, [startCollector] { startCollector(false); });
        // One restart for a dialog's worth of changes (it saves field by field, and a secret's
        // keyring write reports later), not one per field.
        restartCollector.setSingleShot(true);
        restartCollector.setInterval(300);
        QObject::connect(&restartCollector, &QTimer::timeout, &application, [startCollector] { startCollector(true); });
        QObject::connect(&settings, &WorkbenchSettings::changed, &application, [&restartCollector](const QString& key) {
            if (SettingsConfig::concernsCollector(key))
                restartCollector.start();
        });
        QObject::connect(managed.get(), &LocalClickHouse::stopped, &application, [&collector] {
            if (collector) // else already shut down with the window
                collector->post([](LocalCollector* worker) { worker->shutdown(); });
        });
    }
    const MainWindow::Engines engines { managed.get(), &probe, &tables, &sampleLoader,
        collector ? collector->worker() : nullptr, &settings };
    MainWindow window(engines);
    window.show();
    if (managed)
        managed->start();

    // Ctrl-C or kill: close the window, which stops the managed server in order below.
    UnixSignalWatcher signalWatcher({ SIGINT, SIGTERM, SIGHUP });
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &application, &QApplication::closeAllWindows);

    std::unique_ptr<SmokeScreenshot> smoke;
    if (parser.isSet(u"smoke-screenshot"_s))
        smoke = std::make_unique<SmokeScreenshot>(&window, engines, parser.value(u"smoke-screenshot"_s),
            parser.isSet(u"smoke-first-run"_s), parser.isSet(u"smoke-every-page"_s));

    const int status = QApplication::exec();
    probe.stop();
    collector.reset(); // what it has not delivered within 10 s waits in its spool
    if (managed)
        managed->stopAndWait();
    return smoke ? smoke->exitCode() : status;
}
