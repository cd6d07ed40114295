#pragma once

#include <QStringList>

/// `automagik-workbench record`: runs the OTLP/HTTP receiver and writes what it accepts into a
/// capture (the OpenTelemetry file format), and into ClickHouse unless --no-store, for a set
/// duration or until Ctrl-C.
namespace RecordCommand {
int run(const QStringList& arguments);
}
