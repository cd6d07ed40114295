// libFuzzer target: the Grafana macro expander and the toStartOfInterval rewrite for old servers,
// which run on whatever SQL a user types or a dashboard brings. Oracles: never crash or hang;
// SQL without `$` or `[[` passes through unchanged on a modern server; a failure says why; the
// statement splitter's pieces are slices of the input.
#include "query/grafanamacroexpander.h"
#include "sql/sqlstatementsplitter.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString sql = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    GrafanaMacroContext context;
    context.fromMs = 1415792726123;
    context.toMs = 1447328726456;
    context.variables = { { QStringLiteral("service"), { QStringLiteral("a'b") }, false, {}, {} },
        { QStringLiteral("all"), {}, true, { QStringLiteral("x"), QStringLiteral("y") }, {} } };
    const GrafanaMacroExpander::Result modern = GrafanaMacroExpander::expand(sql, context);
    if (!modern.ok() && modern.error.isEmpty())
        std::abort();
    if (!sql.contains(u'$') && !sql.contains(QStringLiteral("[[")) && (!modern.ok() || modern.sql != sql))
        std::abort();
    context.serverHasToStartOfInterval = false;
    context.serverHasDateTime64 = false;
    const GrafanaMacroExpander::Result old = GrafanaMacroExpander::expand(sql, context);
    if (old.ok() != modern.ok())
        std::abort();
    for (const auto& statement : SqlStatementSplitter::split(sql)) {
        if (sql.mid(statement.offset, statement.text.size()) != statement.text)
            std::abort();
    }
    return 0;
}
