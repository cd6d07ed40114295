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

Statement statementAt(const QString& sql, qsizetype cursor)
{
    const QList<Statement> statements = split(sql);
    if (statements.isEmpty())
        return {};
    // The last statement that starts at or before the cursor; a cursor before the first one
    // (in leading comments, say) means the first.
    Statement found = statements.first();
    for (const Statement& statement : statements) {
        if (statement.offset > cursor)
            break;
        found = statement;
    }
    return found;
}

} // namespace SqlStatementSplitter
