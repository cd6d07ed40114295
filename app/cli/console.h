#pragma once

#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>

class QCommandLineParser;
class QJsonObject;

/// How every subcommand writes to the terminal: whole lines, UTF-8, flushed at once (a script
/// reading a pipe sees each line when it is printed, and nothing is lost if the process dies).
namespace Console {
void printLine(FILE* stream, const QString& text);
/// One JSON object on one line of standard output (the `--json` answers).
void printJson(const QJsonObject& object);
/// Parses a subcommand's ARGUMENTS and answers --help and parse errors. An exit code when the
/// command has nothing more to do (help printed: success; a bad option said: usage), else none.
std::optional<int> parse(QCommandLineParser& parser, const QString& command, const QStringList& arguments);
} // namespace Console
