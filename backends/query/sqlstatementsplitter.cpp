#include "sqlstatementsplitter.h"

#include "sqlscanner.h"

namespace SqlStatementSplitter {
namespace {
/// True when the text has something besides whitespace and comments.
bool hasCode(QStringView text)
{
    for (const SqlScanner::Region& region : SqlScanner::regions(text)) {
        if (region.kind != SqlScanner::Kind::Comment
            && !text.mid(region.begin, region.end - region.begin).trimmed().isEmpty())
            return true;
    }
    return false;
}

void append(QList<Statement>& statements, const QString& sql, qsizetype begin, qsizetype end)
{
    const QStringView piece = QStringView(sql).mid(begin, end - begin);
    if (!hasCode(piece))
        return;
    qsizetype first = 0;
    while (first < piece.size() && piece.at(first).isSpace())
        ++first;
    qsizetype last = piece.size();
    while (last > first && piece.at(last - 1).isSpace())
        --last;
    statements.append({ piece.mid(first, last - first).toString(), begin + first });
}
} // namespace

QList<Statement> split(const QString& sql)
{
    QList<Statement> statements;
    qsizetype begin = 0;
    for (const SqlScanner::Region& region : SqlScanner::regions(sql)) {
        if (region.kind != SqlScanner::Kind::Code)
            continue;
        for (qsizetype i = region.begin; i < region.end; ++i) {
            if (sql.at(i) == u';') {
                append(statements, sql, begin, i);
                begin = i + 1;
            }
        }
    }
    append(statements, sql, begin, sql.size());
    return statements;
}

} // namespace SqlStatementSplitter
