#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/spanrecord.h"

#include <QByteArray>

/// One span of a trace as the traces table holds it: the record, and its span and parent ids as
/// stored. The ids are kept as text because not every writer stores hex (the upstream SDKs' own
/// ids are not), and a trace must still hang together when the record's binary ids stay empty.
struct TraceSpan
{
    SpanRecord record;
    QByteArray id;
    QByteArray parentId;
};

/// One log of a trace, with the span id as stored (see TraceSpan).
struct TraceLog
{
    LogRecord record;
    QByteArray spanId;
};
