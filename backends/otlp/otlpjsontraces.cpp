#include "otlpjsontraces.h"

#include "otlpjsonenvelope.h"

using namespace Qt::StringLiterals;

namespace OtlpJson {
namespace {
const EnvelopeNames traceNames { "resourceSpans", "resource_spans", "scopeSpans", "scope_spans", "spans", "spans" };

void writeSpan(JsonWriter& json, const SpanRecord& span)
{
    json.beginObject();
    writeId(json, "traceId", span.traceId);
    writeId(json, "spanId", span.spanId);
    writeString(json, "traceState", span.traceState);
    writeId(json, "parentSpanId", span.parentSpanId);
    writeUInt32(json, "flags", span.flags);
    writeString(json, "name", span.name);
    if (span.kind != Otlp::SpanKind::Unspecified) {
        json.key("kind");
        json.integer(static_cast<qint32>(span.kind));
    }
    writeUInt64(json, "startTimeUnixNano", span.startTimeUnixNano);
    writeUInt64(json, "endTimeUnixNano", span.endTimeUnixNano);
    writeAttributes(json, "attributes", span.attributes);
    writeUInt32(json, "droppedAttributesCount", span.droppedAttributesCount);
    if (!span.events.isEmpty()) {
        json.key("events");
        json.beginArray();
        for (const SpanEvent& event : span.events) {
            json.beginObject();
            writeUInt64(json, "timeUnixNano", event.timeUnixNano);
            writeString(json, "name", event.name);
            writeAttributes(json, "attributes", event.attributes);
            writeUInt32(json, "droppedAttributesCount", event.droppedAttributesCount);
            json.endObject();
        }
        json.endArray();
    }
    writeUInt32(json, "droppedEventsCount", span.droppedEventsCount);
    if (!span.links.isEmpty()) {
        json.key("links");
        json.beginArray();
        for (const SpanLink& link : span.links) {
            json.beginObject();
            writeId(json, "traceId", link.traceId);
            writeId(json, "spanId", link.spanId);
            writeString(json, "traceState", link.traceState);
            writeAttributes(json, "attributes", link.attributes);
            writeUInt32(json, "droppedAttributesCount", link.droppedAttributesCount);
            writeUInt32(json, "flags", link.flags);
            json.endObject();
        }
        json.endArray();
    }
    writeUInt32(json, "droppedLinksCount", span.droppedLinksCount);
    if (span.statusCode != Otlp::StatusCode::Unset || !span.statusMessage.isEmpty()) {
        json.key("status");
        json.beginObject();
        writeString(json, "message", span.statusMessage);
        if (span.statusCode != Otlp::StatusCode::Unset) {
            json.key("code");
            json.integer(static_cast<qint32>(span.statusCode));
        }
        json.endObject();
    }
    json.endObject();
}

bool readEvent(const JsonView& value, SpanEvent* event, DecodeError* error)
{
    return readObject(value,
        { { "timeUnixNano", "time_unix_nano",
              [&](const JsonView& v) { return readUInt64(v, &event->timeUnixNano, error); } },
            { "name", "name", [&](const JsonView& v) { return readString(v, &event->name, error); } },
            { "attributes", "attributes",
                [&](const JsonView& v) { return readAttributes(v, &event->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonView& v) { return readUInt32(v, &event->droppedAttributesCount, error); } } },
        error);
}

bool readLink(const JsonView& value, SpanLink* link, QString* problem, DecodeError* error)
{
    return readObject(value,
        { { "traceId", "trace_id",
              [&](const JsonView& v) { return readId(v, "traceId", &link->traceId, problem, error); } },
            { "spanId", "span_id",
                [&](const JsonView& v) { return readId(v, "spanId", &link->spanId, problem, error); } },
            { "traceState", "trace_state", [&](const JsonView& v) { return readString(v, &link->traceState, error); } },
            { "attributes", "attributes",
                [&](const JsonView& v) { return readAttributes(v, &link->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonView& v) { return readUInt32(v, &link->droppedAttributesCount, error); } },
            { "flags", "flags", [&](const JsonView& v) { return readUInt32(v, &link->flags, error); } } },
        error);
}

/// "OK", "ERROR", "UNSET" (any case), as some SDKs write status codes; -1 otherwise.
qint32 statusCodeFromShortName(QByteArrayView name)
{
    const QByteArray upper = name.toByteArray().toUpper();
    if (upper == "UNSET")
        return static_cast<qint32>(Otlp::StatusCode::Unset);
    if (upper == "OK")
        return static_cast<qint32>(Otlp::StatusCode::Ok);
    if (upper == "ERROR")
        return static_cast<qint32>(Otlp::StatusCode::Error);
    return -1;
}

bool readStatus(const JsonView& value, SpanRecord* span, DecodeError* error)
{
    return readObject(value,
        { { "message", "message", [&](const JsonView& v) { return readString(v, &span->statusMessage, error); } },
            { "code", "code",
                [&](const JsonView& v) {
                    if (v.isString()) {
                        QByteArray scratch;
                        if (const qint32 code = statusCodeFromShortName(v.string(&scratch)); code >= 0) {
                            error->bends.note(OtlpBends::Bend::StatusCodeShortName);
                            span->statusCode = static_cast<Otlp::StatusCode>(code);
                            return true;
                        }
                    }
                    qint32 code = 0;
                    if (!readEnum(v, Otlp::statusCodeFromName, &code, error))
                        return false;
                    span->statusCode = static_cast<Otlp::StatusCode>(code);
                    return true;
                } } },
        error);
}

bool readSpan(const JsonView& value, SpanRecord* span, Resource* inlineResource, QString* problem, DecodeError* error)
{
    const bool ok = readObject(value,
        {
            { "traceId", "trace_id",
                [&](const JsonView& v) { return readId(v, "traceId", &span->traceId, problem, error); } },
            { "spanId", "span_id",
                [&](const JsonView& v) { return readId(v, "spanId", &span->spanId, problem, error); } },
            { "traceState", "trace_state", [&](const JsonView& v) { return readString(v, &span->traceState, error); } },
            { "parentSpanId", "parent_span_id",
                [&](const JsonView& v) { return readId(v, "parentSpanId", &span->parentSpanId, problem, error); } },
            { "flags", "flags", [&](const JsonView& v) { return readUInt32(v, &span->flags, error); } },
            { "name", "name", [&](const JsonView& v) { return readString(v, &span->name, error); } },
            { "kind", "kind",
                [&](const JsonView& v) {
                    qint32 kind = 0;
                    if (!readEnum(v, Otlp::spanKindFromName, &kind, error))
                        return false;
                    span->kind = static_cast<Otlp::SpanKind>(kind);
                    return true;
                } },
            { "startTimeUnixNano", "start_time_unix_nano",
                [&](const JsonView& v) { return readUInt64(v, &span->startTimeUnixNano, error); } },
            { "endTimeUnixNano", "end_time_unix_nano",
                [&](const JsonView& v) { return readUInt64(v, &span->endTimeUnixNano, error); } },
            { "attributes", "attributes",
                [&](const JsonView& v) { return readAttributes(v, &span->attributes, error); } },
            { "droppedAttributesCount", "dropped_attributes_count",
                [&](const JsonView& v) { return readUInt32(v, &span->droppedAttributesCount, error); } },
            { "events", "events",
                [&](const JsonView& v) {
                    return readArray(
                        v,
                        [&](const JsonView& element, qsizetype) {
                            SpanEvent event;
                            if (!readEvent(element, &event, error))
                                return false;
                            span->events.append(std::move(event));
                            return true;
                        },
                        error);
                } },
            { "droppedEventsCount", "dropped_events_count",
                [&](const JsonView& v) { return readUInt32(v, &span->droppedEventsCount, error); } },
            { "links", "links",
                [&](const JsonView& v) {
                    return readArray(
                        v,
                        [&](const JsonView& element, qsizetype index) {
                            SpanLink link;
                            QString linkProblem;
                            if (!readLink(element, &link, &linkProblem, error))
                                return false;
                            if (!linkProblem.isEmpty() && problem->isEmpty())
                                *problem = u"links[%1].%2"_s.arg(index).arg(linkProblem);
                            span->links.append(std::move(link));
                            return true;
                        },
                        error);
                } },
            { "droppedLinksCount", "dropped_links_count",
                [&](const JsonView& v) { return readUInt32(v, &span->droppedLinksCount, error); } },
            { "status", "status", [&](const JsonView& v) { return readStatus(v, span, error); } },
            { "resource", "resource",
                [&](const JsonView& v) {
                    error->bends.note(OtlpBends::Bend::ResourceInsideSpan);
                    return readResource(v, inlineResource, error);
                } },
        },
        error);
    if (!ok)
        return false;
    if (problem->isEmpty() && !span->traceId.isValid())
        *problem = span->traceId.isPresent() ? u"traceId is all zeros"_s : u"traceId is missing"_s;
    if (problem->isEmpty() && !span->spanId.isValid())
        *problem = span->spanId.isPresent() ? u"spanId is all zeros"_s : u"spanId is missing"_s;
    if (span->parentSpanId.isPresent() && span->parentSpanId.isAllZero())
        span->parentSpanId = SpanId();
    return true;
}
/// The upstream SDKs' track_error sends an "automagik.error" span with status OK; stored as OK it
/// would hide every error from the dashboards' error panels.
void markAutomagikError(SpanRecord* span, DecodeError* error)
{
    if (span->name != "automagik.error" || span->statusCode == Otlp::StatusCode::Error || !span->resource)
        return;
    const AttributeValue* sdk = findAttribute(span->resource->attributes, "telemetry.sdk.name");
    if (!sdk || sdk->toDisplayUtf8() != "automagik-telemetry")
        return;
    span->statusCode = Otlp::StatusCode::Error;
    if (span->statusMessage.isEmpty()) {
        if (const AttributeValue* message = findAttribute(span->attributes, "error_message"))
            span->statusMessage = message->toDisplayUtf8();
    }
    error->bends.note(OtlpBends::Bend::ErrorReportedOk);
}

bool decodeSpanItem(const JsonView& item, const ResourcePtr& resource, const ScopePtr& scope,
    const ItemPosition& position, DecodedBatch<SpanRecord>& batch, DecodeError* error)
{
    SpanRecord span;
    Resource inlineResource;
    QString problem;
    if (!readSpan(item, &span, &inlineResource, &problem, error))
        return false;
    if (!problem.isEmpty()) {
        batch.reject(position.path() + u": "_s + problem);
        return true;
    }
    // A resource inside the span (upstream SDKs) stands in only when the envelope has none.
    span.resource = resource->attributes.isEmpty() && !inlineResource.attributes.isEmpty()
        ? std::make_shared<const Resource>(std::move(inlineResource))
        : resource;
    span.scope = scope;
    markAutomagikError(&span, error);
    batch.records.append(std::move(span));
    return true;
}
} // namespace

QByteArray encodeTraces(const QList<SpanRecord>& spans)
{
    return writeEnvelopes(spans, traceNames, 900, [&](JsonWriter& json, qsizetype first, qsizetype last) {
        for (qsizetype i = first; i < last; ++i)
            writeSpan(json, spans.at(i));
    });
}

DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body)
{
    return decodeEnvelopes<SpanRecord>(body, traceNames, decodeSpanItem);
}

DecodedBatch<SpanRecord> decodeTraceList(const JsonView& resourceSpans)
{
    return decodeEnvelopeList<SpanRecord>(resourceSpans, traceNames, decodeSpanItem);
}

} // namespace OtlpJson
