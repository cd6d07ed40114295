#include "sqlscanner.h"

namespace SqlScanner {

qsizetype skipNonCode(QStringView sql, qsizetype i)
{
    const qsizetype size = sql.size();
    const QChar c = sql.at(i);
    if (c == u'\'' || c == u'"' || c == u'`') {
        // A backslash escapes the next character; a doubled quote is a quote.
        ++i;
        while (i < size) {
            if (sql.at(i) == u'\\') {
                i += 2;
            } else if (sql.at(i) == c) {
                if (i + 1 < size && sql.at(i + 1) == c)
                    i += 2;
                else
                    return i + 1;
            } else {
                ++i;
            }
        }
        return size;
    }
    if ((c == u'-' && i + 1 < size && sql.at(i + 1) == u'-') || c == u'#') {
        const qsizetype newline = sql.indexOf(u'\n', i);
        return newline < 0 ? size : newline;
    }
    if (c == u'/' && i + 1 < size && sql.at(i + 1) == u'*') {
        const qsizetype end = sql.indexOf(u"*/", i + 2);
        return end < 0 ? size : end + 2;
    }
    return -1;
}

QList<Region> regions(QStringView sql)
{
    QList<Region> result;
    qsizetype codeBegin = 0;
    qsizetype i = 0;
    while (i < sql.size()) {
        const qsizetype end = skipNonCode(sql, i);
        if (end < 0) {
            ++i;
            continue;
        }
        if (i > codeBegin)
            result.append({ Kind::Code, codeBegin, i });
        const QChar c = sql.at(i);
        const Kind kind = c == u'\'' ? Kind::String : (c == u'"' || c == u'`') ? Kind::Identifier : Kind::Comment;
        result.append({ kind, i, qMin(end, sql.size()) });
        i = qMin(end, sql.size());
        codeBegin = i;
    }
    if (codeBegin < sql.size())
        result.append({ Kind::Code, codeBegin, sql.size() });
    return result;
}

} // namespace SqlScanner
