#pragma once

#include "collector/localcollector.h"

#include <memory>

class ClickHouseFixture;

/// The workbench's local collector in front of a test's ClickHouse, as the window starts it:
/// receiver and gateway on free loopback ports, rows into the telemetry database, a spool at
/// `spoolPath`, asking for `bearerToken` when one is given. Null with `error` set when it does
/// not start.
std::unique_ptr<LocalCollector> startLocalCollector(
    const ClickHouseFixture& fixture, const QString& spoolPath, QString* error, const QByteArray& bearerToken = {});
