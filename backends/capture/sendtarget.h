#pragma once

#include "clickhouse/clickhousebackendconfig.h"
#include "otlp/otlphttpexporterconfig.h"
#include "replayoutput.h"

#include <QString>

#include <memory>
#include <optional>

/// Where a send goes: one of the two backends the SDKs have, OTLP/HTTP in either encoding or
/// ClickHouse direct, each with its spool. The Send page fills one in from its fields.
struct SendTarget
{
    enum class Backend
    {
        ClickHouse,
        OtlpProtobuf,
        OtlpJson,
    };

    Backend backend = Backend::ClickHouse;
    ClickHouseBackendConfig clickHouse; ///< for Backend::ClickHouse: endpoint, dialect, spool
    OtlpHttpExporterConfig otlp; ///< for the OTLP backends: URLs and spool; the encoding follows `backend`

    bool isOtlp() const { return backend != Backend::ClickHouse; }
    /// A new output for one send, not started yet.
    std::unique_ptr<ReplayOutput> makeOutput() const;

    /// "clickhouse", "otlp-protobuf", "otlp-json": the words of the command line's --backend.
    static QString backendName(Backend backend);
    static std::optional<Backend> backendFromName(QStringView name);
};
