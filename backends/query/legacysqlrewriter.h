#pragma once

#include <QString>

/// Rewrites SQL for ClickHouse servers that lack a function the dashboards use. Today that is
/// toStartOfInterval (added after 18.16, which Debian 12 ships): the upstream overview dashboard
/// calls it directly and the Grafana macros produce it. Each call with a literal interval becomes
/// an equivalent expression of functions 18.16 has; calls inside strings and comments, and calls
/// whose interval is not a literal, are left alone (the server then says what it lacks).
namespace LegacySqlRewriter {

struct Result
{
    QString sql;
    int rewrittenCalls = 0;
};

Result rewriteToStartOfInterval(const QString& sql);

} // namespace LegacySqlRewriter
