#pragma once

#include <QStringList>

/// `automagik-workbench query "SQL" [--file F] [--from now-6h] [--to now] [--var name=value …]
/// [--format table|csv|tsv|json|jsonl] [--max-rows N] [--write]`: what the Query page runs, from a
/// script. Statements are prepared as the page prepares them (QueryPreparation: Grafana's macros
/// for the range, the server's dialect, read-only unless --write) and run one after another;
/// each result streams to standard output as it arrives (QueryOutputDevice: memory stays flat),
/// its statistics go to standard error. The server's error ends the command with exit code 1;
/// Ctrl-C stops the query on the server too. Which server: ClickHouseTarget.
namespace QueryCommand {
int run(const QStringList& arguments);
} // namespace QueryCommand
