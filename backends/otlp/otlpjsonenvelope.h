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
    QByteArrayView resourceList; ///< "resourceSpans"
    QByteArrayView resourceListSnake; ///< "resource_spans"
    QByteArrayView scopeList;
    QByteArrayView scopeListSnake;
    QByteArrayView itemList;
    QByteArrayView itemListSnake;
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

/// Where the records of one list start in a batch. A name repeated in an object is legal JSON
/// and the last one counts: a list met again takes back the records and refusals the one before
/// it gave. (Lists are read as they come, so a structural error in a list that a later one
/// replaces still fails the request, and its bends stay counted.)
template<typename Record>
class ListStart final
{
public:
    void markOrTakeBack(DecodedBatch<Record>& batch)
    {
        if (m_records < 0) {
            m_records = batch.records.size();
            m_rejected = batch.rejected;
            m_rejections = batch.rejections.size();
            return;
        }
        batch.records.resize(m_records);
        batch.rejected = m_rejected;
        batch.rejections.resize(m_rejections);
    }

private:
    qsizetype m_records = -1;
    qint64 m_rejected = 0;
    qsizetype m_rejections = 0;
};

/// Decodes one resource list (the value of "resourceSpans") into `batch`; false on a structural
/// error, which `error` describes. decodeItem(json, resource, scope, position, batch, error) handles
/// one element of an item array and returns false only on a structural error.
template<typename Record, typename DecodeItem>
bool decodeResourceList(const JsonView& list, const EnvelopeNames& names, const DecodeItem& decodeItem,
    DecodedBatch<Record>& batch, DecodeError& error)
{
    StringInterner strings; // views into the text, which outlives this call
    BytesInterner<KeyValue> attributes;
    error.strings = &strings;
    error.attributes = &attributes;
    // An item list is decoded where the walk meets it, so the text is read once, when the scope
    // (or resource) it belongs to came before it, as every known writer orders them. The records
    // share the scope object, so a schemaUrl after the list still reaches them. Only when the
    // list comes first is it skipped and decoded after its object was read (the records need the
    // resource's attributes while they are decoded).
    auto scopeLevel = [&](const JsonView& scopeJson, const ResourcePtr& resource, ItemPosition position) {
        const auto scope = std::make_shared<InstrumentationScope>();
        const ScopePtr shared = scope;
        bool scopeRead = false;
        std::optional<JsonView> laterItems;
        ListStart<Record> start;
        auto decodeItems = [&](const JsonView& items) {
            start.markOrTakeBack(batch);
            return readArray(
                items,
                [&](const JsonView& item, qsizetype index) {
                    position.itemIndex = index;
                    return decodeItem(item, resource, shared, position, batch, &error);
                },
                &error);
        };
        const bool ok = readObject(scopeJson,
            { { "scope", "scope",
                  [&](const JsonView& v) {
                      scopeRead = true;
                      return readScope(v, scope.get(), &error);
                  } },
                { "schemaUrl", "schema_url",
                    [&](const JsonView& v) { return readString(v, &scope->schemaUrl, &error); } },
                { names.itemList, names.itemListSnake,
                    [&](const JsonView& v) {
                        if (!scopeRead) {
                            laterItems = v;
                            return v.isArray() || v.isNull()
                                || readArray(
                                    v, [](const JsonView&, qsizetype) { return true; }, &error);
                        }
                        laterItems.reset(); // the last of a repeated name counts
                        return decodeItems(v); // readObject names the list on failure
                    } } },
            &error);
        if (!ok)
            return false;
        return !laterItems || decodeItems(*laterItems) || error.within(QString::fromLatin1(names.itemList));
    };
    auto resourceLevel = [&](const JsonView& resourceJson, qsizetype resourceIndex) {
        const auto resource = std::make_shared<Resource>();
        const ResourcePtr shared = resource;
        bool resourceRead = false;
        std::optional<JsonView> laterScopes;
        ListStart<Record> start;
        auto decodeScopes = [&](const JsonView& scopes) {
            start.markOrTakeBack(batch);
            return readArray(
                scopes,
                [&](const JsonView& scope, qsizetype index) {
                    return scopeLevel(scope, shared, ItemPosition { &names, resourceIndex, index, 0 });
                },
                &error);
        };
        const bool ok = readObject(resourceJson,
            { { "resource", "resource",
                  [&](const JsonView& v) {
                      resourceRead = true;
                      return readResource(v, resource.get(), &error);
                  } },
                { "schemaUrl", "schema_url",
                    [&](const JsonView& v) { return readString(v, &resource->schemaUrl, &error); } },
                { names.scopeList, names.scopeListSnake,
                    [&](const JsonView& v) {
                        if (!resourceRead) {
                            laterScopes = v;
                            return true;
                        }
                        laterScopes.reset(); // the last of a repeated name counts
                        return decodeScopes(v); // readObject names the list on failure
                    } } },
            &error);
        if (!ok)
            return false;
        return !laterScopes || decodeScopes(*laterScopes) || error.within(QString::fromLatin1(names.scopeList));
    };
    const bool ok = readArray(
        list, [&](const JsonView& resource, qsizetype index) { return resourceLevel(resource, index); }, &error);
    error.strings = nullptr;
    error.attributes = nullptr;
    return ok;
}

template<typename Record>
void finishDecoding(bool ok, const DecodeError& error, DecodedBatch<Record>& batch)
{
    if (!ok) {
        batch = {};
        batch.error = error.toString();
    }
    batch.bends = error.bends;
}

/// Validates the body and decodes its envelopes (see decodeResourceList).
template<typename Record, typename DecodeItem>
DecodedBatch<Record> decodeEnvelopes(QByteArrayView body, const EnvelopeNames& names, const DecodeItem& decodeItem)
{
    DecodedBatch<Record> batch;
    // Validated once, then walked where it lies: no tree of the document is built.
    JsonReader reader;
    if (!reader.validate(body)) {
        batch.error = reader.error();
        return batch;
    }
    DecodeError error;
    const bool ok = readObject(JsonView::root(body),
        { { names.resourceList, names.resourceListSnake,
            [&](const JsonView& list) { return decodeResourceList(list, names, decodeItem, batch, error); } } },
        &error);
    finishDecoding(ok, error, batch);
    return batch;
}

/// Decodes the value of the resource list of a validated text whose root the caller walks itself
/// (a capture line that may hold several signals), with the same messages as decodeEnvelopes.
template<typename Record, typename DecodeItem>
DecodedBatch<Record> decodeEnvelopeList(const JsonView& list, const EnvelopeNames& names, const DecodeItem& decodeItem)
{
    DecodedBatch<Record> batch;
    DecodeError error;
    const bool ok = decodeResourceList(list, names, decodeItem, batch, error)
        || error.within(QString::fromLatin1(names.resourceList));
    finishDecoding(ok, error, batch);
    return batch;
}

} // namespace OtlpJson
