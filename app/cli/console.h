#pragma once

#include <QString>

#include <cstdio>

class QJsonObject;

/// How every subcommand writes to the terminal: whole lines, UTF-8, flushed at once (a script
/// reading a pipe sees each line when it is printed, and nothing is lost if the process dies).
namespace Console {
void printLine(FILE* stream, const QString& text);
/// One JSON object on one line of standard output (the `--json` answers).
void printJson(const QJsonObject& object);
} // namespace Console
