#include "console.h"

#include "exitcodes.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace Console {

void printLine(FILE* stream, const QString& text)
{
    std::fprintf(stream, "%s\n", qUtf8Printable(text));
    std::fflush(stream);
}

void printJson(const QJsonObject& object)
{
    printLine(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

std::optional<int> parse(QCommandLineParser& parser, const QString& command, const QStringList& arguments)
{
    if (!parser.parse(QStringList { QStringLiteral("automagik-workbench ") + command } + arguments)) {
        printLine(stderr, parser.errorText());
        return ExitCode::usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(stdout, parser.helpText());
        return ExitCode::success;
    }
    return std::nullopt;
}

} // namespace Console
