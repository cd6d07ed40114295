#pragma once

#include "grafanamacrocontext.h"

#include <QString>

/// Expands the macros of Grafana's ClickHouse data source (grafana-clickhouse-datasource) and
/// Grafana's own variables, in the order Grafana applies them, so that dashboard SQL runs here as
/// it runs there (reference: anchors.md, section A):
///  1. `$__conditionalAll(condition, $var)`: the condition, or `1=1` when "All" is selected;
///  2. template variables (`$var`, `${var}`, `${var:format}`, `[[var]]`, `[[var:format]]`) and
///     Grafana's globals (`$__from`, `$__to` with `:date`, `:date:iso`, `:date:seconds` and
///     custom formats, `$__interval`, `$__interval_ms`, `$__range`, `$__range_s`, `$__range_ms`),
///     everywhere but in comments: like Grafana, inside string literals too ('$service' and
///     '${__from:date:iso}' are the usual way to write them);
///  3. the data source's macros (`$__timeFilter`, `$__timeFilter_ms`, `$__dateFilter`,
///     `$__dateTimeFilter`/`$__dt`, `$__timeFrom`, `$__timeTo`, `$__timeGroup`, `$__fromTime`,
///     `$__toTime`, their `_ms` forms, `$__timeInterval`, `$__timeInterval_ms`, `$__interval_s`)
///     in code only, never in strings or comments, arguments expanded first;
///  4. for a server without toStartOfInterval (18.16), every toStartOfInterval call rewritten
///     into what that server has (LegacySqlRewriter).
/// Unknown `$__x` macros and unknown variables are left as they are, as Grafana leaves them.
/// Statement macros (`$__columns`, `$__lttb`, ...) and ad-hoc filters are not supported.
class GrafanaMacroExpander final
{
public:
    struct Result
    {
        QString sql; ///< what to send (shown to the user as "the SQL that was sent")
        QString error; ///< empty on success
        qsizetype errorOffset = -1; ///< where in the input the problem is, when known

        bool ok() const { return error.isEmpty(); }
    };

    static Result expand(const QString& sql, const GrafanaMacroContext& context);

    /// The macro names of step 3, for the editor's highlighting and completion.
    static QStringList dataSourceMacros();
};
