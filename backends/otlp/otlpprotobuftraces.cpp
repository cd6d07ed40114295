#include "otlpprotobuftraces.h"

#include "otlpprotobufenvelope.h"
#include "protobufwriter.h"

using namespace Qt::StringLiterals;

namespace OtlpProtobuf {
namespace {
const EnvelopeNames traceNames { "resource_spans", "scope_spans", "spans" };

template<typename Out>
void writeEvent(Out& out, const SpanEvent& event)
{
    out.fixed64(1, event.timeUnixNano);
    out.bytes(2, event.name);
    writeAttributes(out, 3, event.attributes);
    out.varint(4, event.droppedAttributesCount);
}

template<typename Out>
void writeLink(Out& out, const SpanLink& link)
{
    out.bytes(1, link.traceId.bytes());
    out.bytes(2, link.spanId.bytes());
    out.bytes(3, link.traceState);
    writeAttributes(out, 4, link.attributes);
    out.varint(5, link.droppedAttributesCount);
    out.fixed32(6, link.flags);
}

template<typename Out>
void writeSpan(Out& out, const SpanRecord& span)
{
    out.bytes(1, span.traceId.bytes());
    out.bytes(2, span.spanId.bytes());
    out.bytes(3, span.traceState);
    out.bytes(4, span.parentSpanId.bytes());
    out.bytes(5, span.name);
    // Enums are int32: a negative value is sign-extended to ten bytes, as protobuf does.
    out.varint(6, static_cast<quint64>(static_cast<qint64>(span.kind)));
    out.fixed64(7, span.startTimeUnixNano);
    out.fixed64(8, span.endTimeUnixNano);
    writeAttributes(out, 9, span.attributes);
    out.varint(10, span.droppedAttributesCount);
    for (const SpanEvent& event : span.events)
        out.message(11, [&](auto& inner) { writeEvent(inner, event); });
    out.varint(12, span.droppedEventsCount);
    for (const SpanLink& link : span.links)
        out.message(13, [&](auto& inner) { writeLink(inner, link); });
    out.varint(14, span.droppedLinksCount);
    if (span.statusCode != Otlp::StatusCode::Unset || !span.statusMessage.isEmpty()) {
        out.message(15, [&](auto& status) {
            status.bytes(2, span.statusMessage);
            status.varint(3, static_cast<quint64>(static_cast<qint64>(span.statusCode)));
        });
    }
    out.fixed32(16, span.flags);
}

bool readEvent(Payload payload, SpanEvent* event, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 number = 0;
        switch (reader.field()) {
        case 1:
            if (!readFixed64Field(reader, "time_unix_nano", &event->timeUnixNano, error))
                return false;
            break;
        case 2:
            if (!readString(reader, "name", &event->name, error))
                return false;
            break;
        case 3:
            if (!readAttribute(reader, "attributes", &event->attributes, error))
                return false;
            break;
        case 4:
            if (!readVarintField(reader, "dropped_attributes_count", &number, error))
                return false;
            event->droppedAttributesCount = static_cast<quint32>(number);
            break;
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    return finish(reader, error);
}

bool readLink(Payload payload, SpanLink* link, QString* problem, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 number = 0;
        switch (reader.field()) {
        case 1:
            if (!readId(reader, "trace_id", &link->traceId, problem, error))
                return false;
            break;
        case 2:
            if (!readId(reader, "span_id", &link->spanId, problem, error))
                return false;
            break;
        case 3:
            if (!readString(reader, "trace_state", &link->traceState, error))
                return false;
            break;
        case 4:
            if (!readAttribute(reader, "attributes", &link->attributes, error))
                return false;
            break;
        case 5:
            if (!readVarintField(reader, "dropped_attributes_count", &number, error))
                return false;
            link->droppedAttributesCount = static_cast<quint32>(number);
            break;
        case 6:
            if (!readFixed32Field(reader, "flags", &link->flags, error))
                return false;
            break;
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    return finish(reader, error);
}

bool readStatus(Payload payload, SpanRecord* span, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 number = 0;
        if (reader.field() == 2) {
            if (!readString(reader, "message", &span->statusMessage, error))
                return false;
        } else if (reader.field() == 3) {
            if (!readVarintField(reader, "code", &number, error))
                return false;
            span->statusCode = static_cast<Otlp::StatusCode>(static_cast<qint32>(number));
        } else if (!skipField(reader, error)) {
            return false;
        }
    }
    return finish(reader, error);
}

/// Reads one Span; `problem` is set when it is well-formed but invalid (its ids).
bool readSpan(Payload payload, SpanRecord* span, QString* problem, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 number = 0;
        Payload nested;
        switch (reader.field()) {
        case 1:
            if (!readId(reader, "trace_id", &span->traceId, problem, error))
                return false;
            break;
        case 2:
            if (!readId(reader, "span_id", &span->spanId, problem, error))
                return false;
            break;
        case 3:
            if (!readString(reader, "trace_state", &span->traceState, error))
                return false;
            break;
        case 4:
            if (!readId(reader, "parent_span_id", &span->parentSpanId, problem, error))
                return false;
            break;
        case 5:
            if (!readString(reader, "name", &span->name, error))
                return false;
            break;
        case 6:
            if (!readVarintField(reader, "kind", &number, error))
                return false;
            span->kind = static_cast<Otlp::SpanKind>(static_cast<qint32>(number));
            break;
        case 7:
            if (!readFixed64Field(reader, "start_time_unix_nano", &span->startTimeUnixNano, error))
                return false;
            break;
        case 8:
            if (!readFixed64Field(reader, "end_time_unix_nano", &span->endTimeUnixNano, error))
                return false;
            break;
        case 9:
            if (!readAttribute(reader, "attributes", &span->attributes, error))
                return false;
            break;
        case 10:
            if (!readVarintField(reader, "dropped_attributes_count", &number, error))
                return false;
            span->droppedAttributesCount = static_cast<quint32>(number);
            break;
        case 11: {
            SpanEvent event;
            if (!readPayload(reader, "events", &nested, error) || !readEvent(nested, &event, error))
                return error->within(u"events[%1]"_s.arg(span->events.size()));
            span->events.append(std::move(event));
            break;
        }
        case 12:
            if (!readVarintField(reader, "dropped_events_count", &number, error))
                return false;
            span->droppedEventsCount = static_cast<quint32>(number);
            break;
        case 13: {
            SpanLink link;
            QString linkProblem;
            if (!readPayload(reader, "links", &nested, error) || !readLink(nested, &link, &linkProblem, error))
                return error->within(u"links[%1]"_s.arg(span->links.size()));
            if (!linkProblem.isEmpty() && problem->isEmpty())
                *problem = u"links[%1].%2"_s.arg(span->links.size()).arg(linkProblem);
            span->links.append(std::move(link));
            break;
        }
        case 14:
            if (!readVarintField(reader, "dropped_links_count", &number, error))
                return false;
            span->droppedLinksCount = static_cast<quint32>(number);
            break;
        case 15:
            if (!readPayload(reader, "status", &nested, error) || !readStatus(nested, span, error))
                return error->within(u"status"_s);
            break;
        case 16:
            if (!readFixed32Field(reader, "flags", &span->flags, error))
                return false;
            break;
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    if (!finish(reader, error))
        return false;
    if (problem->isEmpty() && !span->traceId.isValid())
        *problem = span->traceId.isPresent() ? u"trace_id is all zeros"_s : u"trace_id is missing"_s;
    if (problem->isEmpty() && !span->spanId.isValid())
        *problem = span->spanId.isPresent() ? u"span_id is all zeros"_s : u"span_id is missing"_s;
    // An all-zero parent is how some exporters say "root span"; the spec's word for it is empty.
    if (span->parentSpanId.isPresent() && span->parentSpanId.isAllZero())
        span->parentSpanId = SpanId();
    return true;
}
} // namespace

QByteArray encodeTraces(const QList<SpanRecord>& spans)
{
    return encodeProtobuf([&](auto& out) {
        writeEnvelopes(out, spans, [&](auto& scopeOut, qsizetype first, qsizetype last) {
            for (qsizetype i = first; i < last; ++i)
                scopeOut.message(2, [&](auto& inner) { writeSpan(inner, spans.at(i)); });
        });
    });
}

DecodedBatch<SpanRecord> decodeTraces(QByteArrayView body)
{
    return decodeEnvelopes<SpanRecord>(body, traceNames,
        [](Payload payload, const ResourcePtr& resource, const ScopePtr& scope, const ItemPosition& position,
            DecodedBatch<SpanRecord>& batch, DecodeError* error) {
            // Decoded in place: a span is too large to build aside and move.
            SpanRecord& span = batch.records.emplace_back();
            QString problem;
            if (!readSpan(payload, &span, &problem, error))
                return false;
            if (!problem.isEmpty()) {
                batch.records.removeLast();
                batch.reject(position.path() + u": "_s + problem);
                return true;
            }
            span.resource = resource;
            span.scope = scope;
            return true;
        });
}

} // namespace OtlpProtobuf
