#include "insertstatement.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
QString unquote(const QString& identifier)
{
    if (identifier.size() >= 2
        && ((identifier.startsWith(u'`') && identifier.endsWith(u'`'))
            || (identifier.startsWith(u'"') && identifier.endsWith(u'"'))))
        return identifier.mid(1, identifier.size() - 2);
    return identifier;
}
} // namespace

bool InsertStatement::parse(const QString& sql, InsertStatement* statement, QString* error)
{
    static const QRegularExpression pattern(
        uR"(^\s*INSERT\s+INTO\s+(?:(`[^`]+`|"[^"]+"|[A-Za-z_][A-Za-z0-9_]*)\s*\.\s*)?(`[^`]+`|"[^"]+"|[A-Za-z_][A-Za-z0-9_]*)\s*(\([^)]*\))?\s*FORMAT\s+(\w+)\s*;?\s*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(sql);
    if (!match.hasMatch()) {
        *error = u"only INSERT INTO <database>.<table> FORMAT JSONEachRow is taken here"_s;
        return false;
    }
    if (match.captured(4).compare(u"JSONEachRow"_s, Qt::CaseInsensitive) != 0) {
        *error = u"format %1 is not taken here: use FORMAT JSONEachRow"_s.arg(match.captured(4));
        return false;
    }
    statement->database = unquote(match.captured(1));
    statement->table = unquote(match.captured(2));
    statement->hasColumnList = !match.captured(3).isEmpty();
    return true;
}
