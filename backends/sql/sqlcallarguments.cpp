#include "sqlcallarguments.h"

#include "sqlscanner.h"

SqlCallArguments SqlCallArguments::read(QStringView sql, qsizetype open)
{
    SqlCallArguments call;
    int depth = 0;
    qsizetype argumentBegin = open + 1;
    qsizetype i = open;
    while (i < sql.size()) {
        const qsizetype skipped = SqlScanner::skipNonCode(sql, i);
        if (skipped >= 0) {
            i = skipped;
            continue;
        }
        const QChar c = sql.at(i);
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (--depth == 0) {
                const QStringView last = sql.mid(argumentBegin, i - argumentBegin).trimmed();
                if (!last.isEmpty() || !call.arguments.isEmpty())
                    call.arguments.append(last);
                call.end = i + 1;
                return call;
            }
        } else if (c == u',' && depth == 1) {
            call.arguments.append(sql.mid(argumentBegin, i - argumentBegin).trimmed());
            argumentBegin = i + 1;
        }
        ++i;
    }
    call.arguments.clear();
    return call; // no closing parenthesis
}
