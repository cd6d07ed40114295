#pragma once

#include "clickhouse/clickhouseserverinfo.h"
#include "clickhousetarget.h"
#include "collector/localcollector.h"

class QCommandLineParser;

/// The options `stack start` and `receive` share for the local collector: --otlp-port,
/// --gateway-port, --listen, --cors-origin, --no-gateway, and the bearer token from
/// AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN (a secret, so never a flag). Printing its state too.
namespace CollectorOptions {

void addOptions(QCommandLineParser& parser);
/// Fills the listener parts of `options`; false when an option is not usable (said on stderr).
bool resolve(const QCommandLineParser& parser, LocalCollector::Options* options);
/// The dialect and spool of the collector's exporter for `config`'s server.
void describeTarget(ClickHouseBackendConfig* config, bool modernServer, const QString& spoolPath);
/// The workbench's data folder of a command with ClickHouseTarget's options (--data-dir).
QString dataDirectory(const QCommandLineParser& parser);
/// Points a direct backend (the collector's, a replay's) at the target server: asks it once for its version (which
/// decides how rows are written) and gives it a spool of its own in the workbench's data folder (a restart delivers
/// what it holds). False, said on stderr under `command`'s name, when it does not answer.
bool aimAt(const QCommandLineParser& parser, const ClickHouseTarget::Choice& target, const QString& command,
    ClickHouseBackendConfig* config, ClickHouseServerInfo* info);
/// "OTLP receiver: http://127.0.0.1:4318 ..." lines, or the statistics as one JSON line.
void printStatistics(const LocalCollector& collector, bool json);

} // namespace CollectorOptions
