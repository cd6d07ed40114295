#pragma once

#include "attributevalue.h"
#include "binaryid.h"
#include "instrumentationscope.h"
#include "resource.h"
#include "sharedequality.h"

/// One OTLP LogRecord with its resource and scope. The body keeps its type (a string for the
/// SDKs' track_log, but any AnyValue on the wire).
struct LogRecord
{
    ResourcePtr resource;
    ScopePtr scope;

    quint64 timeUnixNano = 0;
    quint64 observedTimeUnixNano = 0;
    qint32 severityNumber = 0; ///< Otlp::Severity
    QByteArray severityText;
    AttributeValue body;
    Attributes attributes;
    quint32 droppedAttributesCount = 0;
    quint32 flags = 0;
    TraceId traceId; ///< absent when the record is not tied to a trace
    SpanId spanId;
    QByteArray eventName;

    friend bool operator==(const LogRecord& a, const LogRecord& b)
    {
        return sameShared(a.resource, b.resource) && sameShared(a.scope, b.scope) && a.timeUnixNano == b.timeUnixNano
            && a.observedTimeUnixNano == b.observedTimeUnixNano && a.severityNumber == b.severityNumber
            && a.severityText == b.severityText && a.body == b.body && a.attributes == b.attributes
            && a.droppedAttributesCount == b.droppedAttributesCount && a.flags == b.flags && a.traceId == b.traceId
            && a.spanId == b.spanId && a.eventName == b.eventName;
    }
};
// Its members all move by memcpy (see AttributeValue).
Q_DECLARE_TYPEINFO(LogRecord, Q_RELOCATABLE_TYPE);
