#include "console.h"

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

} // namespace Console
