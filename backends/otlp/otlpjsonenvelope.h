#pragma once

#include "common/jsonreader.h"
#include "decodedbatch.h"
#include "otlpjsoncommon.h"
#include "recordruns.h"
#include "telemetry/sharedequality.h"

#include <memory>
#include <optional>

/// The OTLP/JSON envelopes (resourceSpans[].scopeSpans[].spans[] and the metrics and logs
/// equivalents), written and read once for the three signals.
namespace OtlpJson {

struct EnvelopeNames
{
    const char* resourceList; ///< "resourceSpans"
    const char* resourceListSnake; ///< "resource_spans"
    const char* scopeList;
    const char* scopeListSnake;
    const char* itemList;
    const char* itemListSnake;
};

/// writeItems(json, first, last) writes the elements of the scope's item array.
template<typename Record, typename WriteItems>
QByteArray writeEnvelopes(
    const QList<Record>& records, const EnvelopeNames& names, qsizetype bytesPerRecord, WriteItems writeItems)
{
    QByteArray out;
    out.reserve(64 + records.size() * bytesPerRecord);
    JsonWriter json(out);
    const auto sameResource = [](const Record& a, const Record& b) { return sameShared(a.resource, b.resource); };
    const auto sameScope = [](const Record& a, const Record& b) { return sameShared(a.scope, b.scope); };
    json.beginObject();
    json.key(names.resourceList);
    json.beginArray();
    forEachRun(records, 0, records.size(), sameResource, [&](qsizetype first, qsizetype last) {
        json.beginObject();
        const ResourcePtr& resource = records.at(first).resource;
        if (resource) {
            json.key("resource");
            writeResource(json, *resource);
        }
        json.key(names.scopeList);
        json.beginArray();
        forEachRun(records, first, last, sameScope, [&](qsizetype scopeFirst, qsizetype scopeLast) {
            json.beginObject();
            const ScopePtr& scope = records.at(scopeFirst).scope;
            if (scope) {
                json.key("scope");
                writeScope(json, *scope);
            }
            json.key(names.itemList);
            json.beginArray();
            writeItems(json, scopeFirst, scopeLast);
            json.endArray();
            if (scope)
                writeString(json, "schemaUrl", scope->schemaUrl);
            json.endObject();
        });
        json.endArray();
        if (resource)
            writeString(json, "schemaUrl", resource->schemaUrl);
        json.endObject();
    });
    json.endArray();
    json.endObject();
    return out;
}

/// Where an item sits, for messages about refused records.
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

/// Validates the body (unless the caller did) and decodes its envelopes; decodeItem(json, resource, scope, position,
/// batch, error) handles one element of an item array and returns false only on a structural error.
template<typename Record, typename DecodeItem>
DecodedBatch<Record> decodeEnvelopes(
    QByteArrayView body, bool textValidated, const EnvelopeNames& names, DecodeItem decodeItem)
{
    DecodedBatch<Record> batch;
    // Validated once, then walked where it lies: no tree of the document is built.
    JsonReader reader;
    if (!textValidated && !reader.validate(body)) {
        batch.error = reader.error();
        return batch;
    }
    const JsonView root = JsonView::root(body);
    DecodeError error;
    StringInterner strings; // views into `body`, which outlives this call
    error.strings = &strings;
    BytesInterner<KeyValue> attributes;
    error.attributes = &attributes;
    auto scopeLevel = [&](const JsonView& scopeJson, const ResourcePtr& resource, ItemPosition position) {
        auto scope = std::make_shared<InstrumentationScope>();
        std::optional<JsonView> items;
        if (!readObject(scopeJson,
                { { "scope", "scope", [&](const JsonView& v) { return readScope(v, scope.get(), &error); } },
                    { "schemaUrl", "schema_url",
                        [&](const JsonView& v) { return readString(v, &scope->schemaUrl, &error); } },
                    { names.itemList, names.itemListSnake,
                        [&](const JsonView& v) {
                            items = v;
                            return v.isArray() || v.isNull()
                                || readArray(
                                    v, [](const JsonView&, qsizetype) { return true; }, &error);
                        } } },
                &error))
            return false;
        const ScopePtr shared = std::move(scope);
        if (!items)
            return true;
        return readArray(
                   *items,
                   [&](const JsonView& item, qsizetype index) {
                       position.itemIndex = index;
                       return decodeItem(item, resource, shared, position, batch, &error);
                   },
                   &error)
            || error.within(QString::fromLatin1(names.itemList));
    };
    auto resourceLevel = [&](const JsonView& resourceJson, qsizetype resourceIndex) {
        auto resource = std::make_shared<Resource>();
        std::optional<JsonView> scopes;
        if (!readObject(resourceJson,
                { { "resource", "resource",
                      [&](const JsonView& v) { return readResource(v, resource.get(), &error); } },
                    { "schemaUrl", "schema_url",
                        [&](const JsonView& v) { return readString(v, &resource->schemaUrl, &error); } },
                    { names.scopeList, names.scopeListSnake,
                        [&](const JsonView& v) {
                            scopes = v;
                            return true;
                        } } },
                &error))
            return false;
        const ResourcePtr shared = std::move(resource);
        if (!scopes)
            return true;
        return readArray(
                   *scopes,
                   [&](const JsonView& scope, qsizetype index) {
                       return scopeLevel(scope, shared, ItemPosition { &names, resourceIndex, index, 0 });
                   },
                   &error)
            || error.within(QString::fromLatin1(names.scopeList));
    };
    const bool ok = readObject(root,
        { { names.resourceList, names.resourceListSnake,
            [&](const JsonView& list) {
                return readArray(
                    list, [&](const JsonView& resource, qsizetype index) { return resourceLevel(resource, index); },
                    &error);
            } } },
        &error);
    if (!ok) {
        batch = {};
        batch.error = error.toString();
    }
    batch.bends = error.bends;
    return batch;
}

} // namespace OtlpJson
