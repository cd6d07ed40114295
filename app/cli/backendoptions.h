#pragma once

#include "capture/replayoutput.h"
#include "clickhouse/clickhousebackendconfig.h"

#include <memory>

class QCommandLineParser;

/// The backend choice `replay` and `send` share: --backend clickhouse|otlp-protobuf|otlp-json
/// (and none for a dry run, where allowed) and --otlp-endpoint; the ClickHouse comes from
/// ClickHouseTarget's options. The OTLP exporter also reads the SDKs' OTEL_EXPORTER_OTLP_*
/// variables, and keeps what it cannot deliver in a spool of the workbench's data folder.
namespace BackendOptions {

void addOptions(QCommandLineParser& parser, bool allowDryRun);
/// False (said on stderr) when --backend names no backend.
bool check(const QCommandLineParser& parser, bool allowDryRun);
bool usesClickHouse(const QCommandLineParser& parser);
/// The ClickHouse of the direct backend (throughput mode), asked once for its version. False,
/// said on stderr; `usage` tells a wrong option from a server that does not answer.
bool clickHouse(const QCommandLineParser& parser, const QString& command, ClickHouseBackendConfig* config, bool* usage);
/// The output for --backend; null with `error` when --otlp-endpoint is not a URL. `clickHouse` is
/// the direct backend's configuration (used only by that backend); `spoolName` names the OTLP
/// exporter's spool file in the data folder.
std::unique_ptr<ReplayOutput> makeOutput(const QCommandLineParser& parser, const ClickHouseBackendConfig& clickHouse,
    const QString& spoolName, QString* error);

} // namespace BackendOptions
