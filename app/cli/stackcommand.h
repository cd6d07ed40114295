#pragma once

#include <QStringList>

/// `automagik-workbench stack start|stop`: the upstream stack's `make start`, without Docker. Runs
/// the managed local ClickHouse in the foreground (stopped in order by Ctrl-C or `stack stop`).
namespace StackCommand {
int run(const QStringList& arguments);
} // namespace StackCommand
