#pragma once

#include <QStringList>

/// `automagik-workbench sample [--hours N] [--events-per-minute N] [--json]`: realistic telemetry
/// (SampleTelemetry) into a ClickHouse through the direct backend, so that a newcomer sees every
/// upstream dashboard with data. Which server: ClickHouseTarget. Ctrl-C stops making records;
/// what was made is still delivered and counted.
namespace SampleCommand {
int run(const QStringList& arguments);
} // namespace SampleCommand
