#pragma once

#include "telemetry/clickhouserowmapper.h"
#include "tracesearchcriteria.h"

#include <QString>

/// The SQL behind the Traces page, for 18.16 (Nested attributes) and modern servers (Map): what
/// the page runs is what "Open as SQL" shows, so a user can take a search further in Query.
class TraceSearchSql final
{
public:
    using Dialect = ClickHouseRowMapper::Dialect;

    /// Spans cap of one trace: a bigger trace shows its first spans and says so.
    static constexpr int spanLimit = 100000;
    static constexpr int logLimit = 10000;

    /// Traces matching `criteria`, newest first, as TabSeparated rows TraceSummary::fromTsv reads.
    static QString search(const TraceSearchCriteria& criteria, const QString& database, Dialect dialect);
    /// Every span of a trace as JSONEachRow (ClickHouseRowReader reads it), at most spanLimit + 1.
    static QString spans(const QByteArray& traceId, const QString& database);
    /// The logs of a trace as JSONEachRow, at most logLimit + 1.
    static QString logs(const QByteArray& traceId, const QString& database);
    /// The services that wrote spans in the last 30 days, one per TabSeparated row.
    static QString services(const QString& database);

    /// The condition on one span's attributes for "key=value" or "key".
    static QString attributeCondition(const QString& attribute, Dialect dialect);
};
