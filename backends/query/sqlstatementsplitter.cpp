#include "sqlstatementsplitter.h"

namespace SqlStatementSplitter {
namespace {
/// True when the text has something besides whitespace and comments.
bool hasCode(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (text.mid(i).startsWith(u"--") || c == u'#') {
            while (i < text.size() && text.at(i) != u'\n')
                ++i;
        } else if (text.mid(i).startsWith(u"/*")) {
            const qsizetype end = text.indexOf(u"*/", i + 2);
            i = end < 0 ? text.size() : end + 2;
        } else {
            return true;
        }
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
    qsizetype i = 0;
    const qsizetype size = sql.size();
    while (i < size) {
        const QChar c = sql.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            // Quoted: a backslash escapes the next character, a doubled quote is a quote.
            ++i;
            while (i < size) {
                if (sql.at(i) == u'\\') {
                    i += 2;
                } else if (sql.at(i) == c) {
                    if (i + 1 < size && sql.at(i + 1) == c)
                        i += 2;
                    else
                        break;
                } else {
                    ++i;
                }
            }
            ++i;
        } else if ((c == u'-' && i + 1 < size && sql.at(i + 1) == u'-') || c == u'#') {
            while (i < size && sql.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < size && sql.at(i + 1) == u'*') {
            const qsizetype end = sql.indexOf(u"*/", i + 2);
            i = end < 0 ? size : end + 2;
        } else if (c == u';') {
            append(statements, sql, begin, i);
            ++i;
            begin = i;
        } else {
            ++i;
        }
    }
    append(statements, sql, begin, qMin(i, size));
    return statements;
}

} // namespace SqlStatementSplitter
