#pragma once

#include <QString>

/// What the Traces page searches for. A trace matches when one of its spans matches every span
/// filter (service, operation, attribute) and its spans in the time range match the rest
/// (duration from the first one's start to the last one's end, errors in any). A trace that
/// crosses an edge of the range is summed up from its spans inside it.
struct TraceSearchCriteria
{
    enum class Status
    {
        Any,
        WithErrors,
        WithoutErrors,
    };

    qint64 fromMs = 0; ///< spans starting in [fromMs, toMs], milliseconds since the epoch
    qint64 toMs = 0;
    QString service; ///< exact service_name; empty: any
    QString operation; ///< exact span_name; empty: any
    Status status = Status::Any;
    qint64 minDurationMs = -1; ///< -1: no bound
    qint64 maxDurationMs = -1;
    QString attribute; ///< "key=value", or "key" for spans that have the attribute at all
    QString traceId; ///< one trace by id; the other filters still apply
    int limit = 500;
};
