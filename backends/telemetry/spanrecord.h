#pragma once

#include "attributevalue.h"
#include "binaryid.h"
#include "instrumentationscope.h"
#include "resource.h"
#include "sharedequality.h"
#include "telemetryenums.h"

struct SpanEvent
{
    quint64 timeUnixNano = 0;
    QByteArray name;
    Attributes attributes;
    quint32 droppedAttributesCount = 0;

    friend bool operator==(const SpanEvent&, const SpanEvent&) = default;
};
Q_DECLARE_TYPEINFO(SpanEvent, Q_RELOCATABLE_TYPE);

struct SpanLink
{
    TraceId traceId;
    SpanId spanId;
    QByteArray traceState;
    Attributes attributes;
    quint32 droppedAttributesCount = 0;
    quint32 flags = 0;

    friend bool operator==(const SpanLink&, const SpanLink&) = default;
};
Q_DECLARE_TYPEINFO(SpanLink, Q_RELOCATABLE_TYPE);

/// One span (the SDKs' "event" is a span), with its resource and scope: every field of the OTLP
/// Span message, nothing left out, so that sending, receiving, capturing and storing agree.
struct SpanRecord
{
    ResourcePtr resource;
    ScopePtr scope;

    TraceId traceId;
    SpanId spanId;
    SpanId parentSpanId; ///< absent for a root span
    QByteArray traceState;
    quint32 flags = 0;
    QByteArray name;
    Otlp::SpanKind kind = Otlp::SpanKind::Unspecified;
    quint64 startTimeUnixNano = 0;
    quint64 endTimeUnixNano = 0;
    Attributes attributes;
    quint32 droppedAttributesCount = 0;
    QList<SpanEvent> events;
    quint32 droppedEventsCount = 0;
    QList<SpanLink> links;
    quint32 droppedLinksCount = 0;
    Otlp::StatusCode statusCode = Otlp::StatusCode::Unset;
    QByteArray statusMessage;

    friend bool operator==(const SpanRecord& a, const SpanRecord& b)
    {
        return sameShared(a.resource, b.resource) && sameShared(a.scope, b.scope) && a.traceId == b.traceId
            && a.spanId == b.spanId && a.parentSpanId == b.parentSpanId && a.traceState == b.traceState
            && a.flags == b.flags && a.name == b.name && a.kind == b.kind && a.startTimeUnixNano == b.startTimeUnixNano
            && a.endTimeUnixNano == b.endTimeUnixNano && a.attributes == b.attributes
            && a.droppedAttributesCount == b.droppedAttributesCount && a.events == b.events
            && a.droppedEventsCount == b.droppedEventsCount && a.links == b.links
            && a.droppedLinksCount == b.droppedLinksCount && a.statusCode == b.statusCode
            && a.statusMessage == b.statusMessage;
    }
};
// Its members all move by memcpy (see AttributeValue): a growing list of spans copies no strings.
Q_DECLARE_TYPEINFO(SpanRecord, Q_RELOCATABLE_TYPE);
