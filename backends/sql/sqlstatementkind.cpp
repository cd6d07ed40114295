#include "sqlstatementkind.h"

#include "sqlscanner.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace SqlStatementKind {

QString firstKeyword(QStringView sql)
{
    for (const SqlScanner::Region& region : SqlScanner::regions(sql)) {
        if (region.kind == SqlScanner::Kind::Comment)
            continue;
        if (region.kind != SqlScanner::Kind::Code)
            return {};
        const QStringView code = sql.mid(region.begin, region.end - region.begin);
        qsizetype begin = 0;
        while (begin < code.size() && (code.at(begin).isSpace() || code.at(begin) == u'('))
            ++begin;
        if (begin == code.size())
            continue;
        qsizetype end = begin;
        while (end < code.size() && (code.at(end).isLetter() || code.at(end) == u'_'))
            ++end;
        return code.mid(begin, end - begin).toString().toUpper();
    }
    return {};
}

Kind classify(QStringView sql)
{
    static const QStringList reads { u"SELECT"_s, u"WITH"_s, u"SHOW"_s, u"DESCRIBE"_s, u"DESC"_s, u"EXISTS"_s,
        u"EXPLAIN"_s, u"CHECK"_s };
    static const QStringList destructive { u"DROP"_s, u"TRUNCATE"_s, u"DELETE"_s, u"ALTER"_s, u"DETACH"_s, u"RENAME"_s,
        u"KILL"_s, u"OPTIMIZE"_s, u"REVOKE"_s, u"EXCHANGE"_s };
    const QString keyword = firstKeyword(sql);
    if (reads.contains(keyword))
        return Kind::Read;
    if (destructive.contains(keyword))
        return Kind::Destructive;
    return Kind::Write;
}

} // namespace SqlStatementKind
