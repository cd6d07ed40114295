#pragma once

#include "decodedbatch.h"
#include "otlpprotobufcommon.h"
#include "recordruns.h"
#include "telemetry/sharedequality.h"

#include <memory>

/// The two envelope levels every OTLP request has: Resource{Spans,Metrics,Logs} (resource = 1,
/// scope_x = 2, schema_url = 3) holding Scope{Spans,Metrics,Logs} (scope = 1, items = 2,
/// schema_url = 3), inside the request's repeated field 1. One template for the three signals.
namespace OtlpProtobuf {

struct EnvelopeNames
{
    const char* resourceList; ///< "resource_spans"
    const char* scopeList; ///< "scope_spans"
    const char* itemList; ///< "spans"
};

/// Writes records grouped into envelopes by runs of equal resource and scope.
/// writeItems(out, first, last) writes the scope's field-2 entries for records [first, last).
template<typename Out, typename Record, typename WriteItems>
void writeEnvelopes(Out& out, const QList<Record>& records, WriteItems writeItems)
{
    const auto sameResource = [](const Record& a, const Record& b) { return sameShared(a.resource, b.resource); };
    const auto sameScope = [](const Record& a, const Record& b) { return sameShared(a.scope, b.scope); };
    forEachRun(records, 0, records.size(), sameResource, [&](qsizetype first, qsizetype last) {
        out.message(1, [&](auto& resourceOut) {
            const ResourcePtr& resource = records.at(first).resource;
            if (resource)
                resourceOut.message(1, [&](auto& inner) { writeResource(inner, *resource); });
            forEachRun(records, first, last, sameScope, [&](qsizetype scopeFirst, qsizetype scopeLast) {
                resourceOut.message(2, [&](auto& scopeOut) {
                    const ScopePtr& scope = records.at(scopeFirst).scope;
                    if (scope)
                        scopeOut.message(1, [&](auto& inner) { writeScope(inner, *scope); });
                    writeItems(scopeOut, scopeFirst, scopeLast);
                    if (scope)
                        scopeOut.bytes(3, scope->schemaUrl);
                });
            });
            if (resource)
                resourceOut.bytes(3, resource->schemaUrl);
        });
    });
}

/// Where an item sits in the request, for messages about refused records.
struct ItemPosition
{
    const EnvelopeNames* names;
    qsizetype resourceIndex;
    qsizetype scopeIndex;
    qsizetype itemIndex;

    QString path() const
    {
        return QStringLiteral("%1[%2].%3[%4].%5[%6]")
            .arg(QLatin1StringView(names->resourceList))
            .arg(resourceIndex)
            .arg(QLatin1StringView(names->scopeList))
            .arg(scopeIndex)
            .arg(QLatin1StringView(names->itemList))
            .arg(itemIndex);
    }
};

/// Decodes a request's envelopes; decodeItem(payload, resource, scope, position, batch, error)
/// decodes one field-2 item, appending records or rejecting them, and returns false only on a
/// structural error. Fields may come in any order: the resource and scope are read first.
template<typename Record, typename DecodeItem>
DecodedBatch<Record> decodeEnvelopes(QByteArrayView body, const EnvelopeNames& names, DecodeItem decodeItem)
{
    DecodedBatch<Record> batch;
    DecodeError error;
    StringInterner strings; // views into `body`, which outlives this call
    error.strings = &strings;
    BytesInterner<KeyValue> attributes;
    error.attributes = &attributes;
    auto scopeLevel = [&](Payload scopePayload, const ResourcePtr& resource, ItemPosition position) {
        ProtobufReader reader(scopePayload.bytes, scopePayload.offset);
        auto scope = std::make_shared<InstrumentationScope>();
        QList<Payload> items;
        while (reader.next()) {
            Payload payload;
            if (reader.field() == 1) {
                if (!readPayload(reader, "scope", &payload, &error) || !readScope(payload, scope.get(), &error))
                    return error.within(QStringLiteral("scope"));
            } else if (reader.field() == 2) {
                if (!readPayload(reader, names.itemList, &payload, &error))
                    return false;
                items.append(payload);
            } else if (reader.field() == 3) {
                if (!readString(reader, "schema_url", &scope->schemaUrl, &error))
                    return false;
            } else if (!skipField(reader, &error)) {
                return false;
            }
        }
        if (!finish(reader, &error))
            return false;
        const ScopePtr shared = std::move(scope);
        // The items are known before they are decoded: one allocation for the records.
        batch.records.reserve(batch.records.size() + items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            position.itemIndex = i;
            if (!decodeItem(items.at(i), resource, shared, position, batch, &error))
                return error.within(QStringLiteral("%1[%2]").arg(QLatin1StringView(names.itemList)).arg(i));
        }
        return true;
    };
    auto resourceLevel = [&](Payload resourcePayload, qsizetype resourceIndex) {
        ProtobufReader reader(resourcePayload.bytes, resourcePayload.offset);
        auto resource = std::make_shared<Resource>();
        QList<Payload> scopes;
        while (reader.next()) {
            Payload payload;
            if (reader.field() == 1) {
                if (!readPayload(reader, "resource", &payload, &error)
                    || !readResource(payload, resource.get(), &error))
                    return error.within(QStringLiteral("resource"));
            } else if (reader.field() == 2) {
                if (!readPayload(reader, names.scopeList, &payload, &error))
                    return false;
                scopes.append(payload);
            } else if (reader.field() == 3) {
                if (!readString(reader, "schema_url", &resource->schemaUrl, &error))
                    return false;
            } else if (!skipField(reader, &error)) {
                return false;
            }
        }
        if (!finish(reader, &error))
            return false;
        const ResourcePtr shared = std::move(resource);
        for (qsizetype i = 0; i < scopes.size(); ++i) {
            if (!scopeLevel(scopes.at(i), shared, ItemPosition { &names, resourceIndex, i, 0 }))
                return error.within(QStringLiteral("%1[%2]").arg(QLatin1StringView(names.scopeList)).arg(i));
        }
        return true;
    };

    ProtobufReader reader(body, 0);
    qsizetype resourceIndex = 0;
    bool ok = true;
    while (ok && reader.next()) {
        if (reader.field() != 1) {
            ok = skipField(reader, &error);
            continue;
        }
        Payload payload;
        ok = readPayload(reader, names.resourceList, &payload, &error);
        if (ok && !resourceLevel(payload, resourceIndex))
            ok = error.within(QStringLiteral("%1[%2]").arg(QLatin1StringView(names.resourceList)).arg(resourceIndex));
        ++resourceIndex;
    }
    if (ok)
        ok = finish(reader, &error);
    if (!ok) {
        batch = {};
        batch.error = error.toString();
    }
    return batch;
}

} // namespace OtlpProtobuf
