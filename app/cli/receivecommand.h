#pragma once

#include <QStringList>

/// `automagik-workbench receive`: the local collector (OTLP/HTTP receiver and ClickHouse ingest
/// gateway) in front of the configured ClickHouse, in the foreground until Ctrl-C, printing its
/// statistics periodically and on exit.
namespace ReceiveCommand {
int run(const QStringList& arguments);
}
