#include "backendoptions.h"

#include "capture/discardreplayoutput.h"
#include "capture/sendtarget.h"
#include "clickhousetarget.h"
#include "collectoroptions.h"
#include "console.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace BackendOptions {

void addOptions(QCommandLineParser& parser, bool allowDryRun)
{
    parser.addOption({ u"backend"_s,
        allowDryRun
            ? QCoreApplication::translate(
                "BackendOptions", "clickhouse (default), otlp-protobuf, otlp-json, or none (a dry run).")
            : QCoreApplication::translate("BackendOptions", "clickhouse (default), otlp-protobuf or otlp-json."),
        QCoreApplication::translate("BackendOptions", "name"), u"clickhouse"_s });
    parser.addOption({ u"otlp-endpoint"_s,
        QCoreApplication::translate("BackendOptions",
            "OTLP/HTTP base URL for the otlp backends (default: OTEL_EXPORTER_OTLP_ENDPOINT, else "
            "http://localhost:4318)."),
        u"url"_s });
}

bool check(const QCommandLineParser& parser, bool allowDryRun)
{
    const QString backend = parser.value(u"backend"_s);
    if (SendTarget::backendFromName(backend) || (allowDryRun && backend == u"none"_s))
        return true;
    QStringList known { u"clickhouse"_s, u"otlp-protobuf"_s, u"otlp-json"_s };
    if (allowDryRun)
        known.append(u"none"_s);
    printLine(stderr,
        QCoreApplication::translate("BackendOptions", "--backend: \"%1\" is not one of %2")
            .arg(backend, known.join(u", "_s)));
    return false;
}

bool usesClickHouse(const QCommandLineParser& parser)
{
    return parser.value(u"backend"_s) == u"clickhouse"_s;
}

bool clickHouse(const QCommandLineParser& parser, const QString& command, ClickHouseBackendConfig* config, bool* usage)
{
    ClickHouseTarget::Choice target;
    if (!ClickHouseTarget::resolve(parser, &target)) {
        *usage = true;
        return false;
    }
    ClickHouseServerInfo info;
    if (!CollectorOptions::aimAt(parser, target, command, config, &info))
        return false;
    config->mode = ClickHouseBackendConfig::Mode::Throughput;
    printLine(stderr,
        QCoreApplication::translate("BackendOptions", "ClickHouse at %1 (from %2), version %3")
            .arg(config->endpoint.displayString(), target.source, info.versionString()));
    return true;
}

std::unique_ptr<ReplayOutput> makeOutput(const QCommandLineParser& parser, const ClickHouseBackendConfig& clickHouse,
    const QString& spoolName, QString* error)
{
    const QString backend = parser.value(u"backend"_s);
    if (backend == u"none"_s)
        return std::make_unique<DiscardReplayOutput>();
    SendTarget target;
    target.backend = SendTarget::backendFromName(backend).value_or(SendTarget::Backend::ClickHouse);
    target.clickHouse = clickHouse;
    if (target.isOtlp()) {
        QStringList problems;
        target.otlp = OtlpHttpExporterConfig::fromEnvironment(QProcessEnvironment::systemEnvironment(), &problems);
        for (const QString& problem : std::as_const(problems))
            printLine(stderr, QCoreApplication::translate("BackendOptions", "warning: %1").arg(problem));
        if (parser.isSet(u"otlp-endpoint"_s)) {
            const QUrl base(parser.value(u"otlp-endpoint"_s), QUrl::StrictMode);
            if (!base.isValid() || base.scheme().isEmpty() || base.host().isEmpty()) {
                *error = QCoreApplication::translate("BackendOptions", "--otlp-endpoint: \"%1\" is not a URL")
                             .arg(parser.value(u"otlp-endpoint"_s));
                return nullptr;
            }
            target.otlp.setBaseUrl(base);
        }
        // An outage keeps what is not delivered in a spool of the data folder; the next run to
        // the same place sends it first.
        const QString spoolFolder = QDir(CollectorOptions::dataDirectory(parser)).filePath(u"spool"_s);
        QDir().mkpath(spoolFolder);
        target.otlp.spoolPath = QDir(spoolFolder).filePath(spoolName);
    }
    return target.makeOutput();
}

} // namespace BackendOptions
