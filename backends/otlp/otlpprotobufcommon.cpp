#include "otlpprotobufcommon.h"

#include "common/utf8.h"

#include <QtEndian>

#include <bit>
#include <cstring>

using namespace Qt::StringLiterals;
using ProtobufWire::WireType;

namespace OtlpProtobuf {

bool finish(const ProtobufReader& reader, DecodeError* error)
{
    if (!reader.hasError())
        return true;
    error->set(reader.error());
    return false;
}

bool skipField(ProtobufReader& reader, DecodeError* error)
{
    return reader.skip() || finish(reader, error);
}

bool readPayload(ProtobufReader& reader, const char* name, Payload* payload, DecodeError* error)
{
    if (!reader.expect(WireType::Len, name) || !reader.readBytes(&payload->bytes, &payload->offset))
        return finish(reader, error);
    return true;
}

namespace {
/// A string field's bytes as a QByteArray: shared with an earlier equal string of the request
/// when there is one, otherwise checked for UTF-8 and copied.
bool takeString(Payload payload, const char* name, QByteArray* value, DecodeError* error)
{
    StringInterner::Probe probe;
    if (error->strings) {
        // Seen before in this request: already checked, and shared.
        probe = error->strings->find(payload.bytes);
        if (probe.known) {
            *value = *probe.known;
            return true;
        }
    }
    const qsizetype bad = Utf8::firstInvalidOffset(payload.bytes);
    if (bad >= 0) {
        error->set(u"invalid UTF-8 at byte %1"_s.arg(payload.offset + bad), QString::fromLatin1(name));
        return false;
    }
    *value = error->strings ? error->strings->add(payload.bytes, probe) : payload.bytes.toByteArray();
    return true;
}

/// One length-delimited field at `bytes[*pos]` with tag `tag` and a one-byte length; false (and
/// nothing consumed) when the bytes are laid out otherwise.
bool shortField(QByteArrayView bytes, qsizetype* pos, char tag, QByteArrayView* field)
{
    if (bytes.size() - *pos < 2 || bytes[*pos] != tag || static_cast<quint8>(bytes[*pos + 1]) >= 0x80)
        return false;
    const qsizetype length = static_cast<quint8>(bytes[*pos + 1]);
    if (bytes.size() - *pos - 2 < length)
        return false;
    *field = bytes.sliced(*pos + 2, length);
    *pos += 2 + length;
    return true;
}

/// The shape nearly every attribute has, {key: short string, value: {string_value: short string}}
/// (or a bool, int or double value), read without the general reader's layers. Returns false,
/// having changed nothing, for any other shape, which the general path then reads.
bool readSimpleKeyValue(Payload payload, KeyValue* entry, DecodeError* error, bool* failed)
{
    const QByteArrayView bytes = payload.bytes;
    qsizetype pos = 0;
    QByteArrayView key;
    QByteArrayView value;
    if (!shortField(bytes, &pos, 0x0A, &key) || !shortField(bytes, &pos, 0x12, &value) || pos != bytes.size()
        || value.size() < 2)
        return false;
    QByteArrayView text;
    qsizetype inner = 0;
    const bool isString = shortField(value, &inner, 0x0A, &text) && inner == value.size();
    const bool isBool = !isString && value.size() == 2 && value[0] == 0x10 && static_cast<quint8>(value[1]) <= 1;
    const bool isDouble = !isString && value.size() == 9 && value[0] == 0x21;
    if (!isString && !isBool && !isDouble)
        return false;
    if (!takeString({ key, payload.offset + 2 }, "key", &entry->key, error)) {
        *failed = true;
        return false;
    }
    if (isString) {
        QByteArray string;
        if (!takeString({ text, payload.offset + (text.data() - bytes.data()) }, "string_value", &string, error)) {
            *failed = true;
            return error->within(u"value"_s);
        }
        entry->value = AttributeValue::fromString(std::move(string));
    } else if (isBool) {
        entry->value = AttributeValue::fromBool(value[1] != 0);
    } else {
        quint64 bits = 0;
        std::memcpy(&bits, value.data() + 1, 8);
        entry->value = AttributeValue::fromDouble(std::bit_cast<double>(qFromLittleEndian(bits)));
    }
    return true;
}
} // namespace

bool readString(ProtobufReader& reader, const char* name, QByteArray* value, DecodeError* error)
{
    Payload payload;
    if (!readPayload(reader, name, &payload, error))
        return false;
    return takeString(payload, name, value, error);
}

bool readVarintField(ProtobufReader& reader, const char* name, quint64* value, DecodeError* error)
{
    if (!reader.expect(WireType::Varint, name) || !reader.readVarint(value))
        return finish(reader, error);
    return true;
}

bool readFixed64Field(ProtobufReader& reader, const char* name, quint64* value, DecodeError* error)
{
    if (!reader.expect(WireType::I64, name) || !reader.readFixed64(value))
        return finish(reader, error);
    return true;
}

bool readFixed32Field(ProtobufReader& reader, const char* name, quint32* value, DecodeError* error)
{
    if (!reader.expect(WireType::I32, name) || !reader.readFixed32(value))
        return finish(reader, error);
    return true;
}

bool readDoubleField(ProtobufReader& reader, const char* name, double* value, DecodeError* error)
{
    quint64 bits = 0;
    if (!readFixed64Field(reader, name, &bits, error))
        return false;
    *value = std::bit_cast<double>(bits);
    return true;
}

bool readAnyValue(Payload payload, int depth, AttributeValue* value, DecodeError* error)
{
    if (depth > maxAnyValueDepth) {
        error->set(u"values nested deeper than %1 levels at byte %2"_s.arg(maxAnyValueDepth).arg(payload.offset));
        return false;
    }
    ProtobufReader reader(payload.bytes, payload.offset);
    *value = AttributeValue();
    while (reader.next()) {
        switch (reader.field()) {
        case 1: {
            QByteArray text;
            if (!readString(reader, "string_value", &text, error))
                return false;
            *value = AttributeValue::fromString(std::move(text));
            break;
        }
        case 2: {
            quint64 flag = 0;
            if (!readVarintField(reader, "bool_value", &flag, error))
                return false;
            *value = AttributeValue::fromBool(flag != 0);
            break;
        }
        case 3: {
            quint64 number = 0;
            if (!readVarintField(reader, "int_value", &number, error))
                return false;
            *value = AttributeValue::fromInt(static_cast<qint64>(number));
            break;
        }
        case 4: {
            double number = 0;
            if (!readDoubleField(reader, "double_value", &number, error))
                return false;
            *value = AttributeValue::fromDouble(number);
            break;
        }
        case 5: {
            Payload list;
            if (!readPayload(reader, "array_value", &list, error))
                return false;
            AttributeArray items;
            ProtobufReader listReader(list.bytes, list.offset);
            while (listReader.next()) {
                if (listReader.field() != 1) {
                    if (!skipField(listReader, error))
                        return error->within(u"array_value"_s);
                    continue;
                }
                Payload itemPayload;
                AttributeValue item;
                if (!readPayload(listReader, "values", &itemPayload, error)
                    || !readAnyValue(itemPayload, depth + 1, &item, error))
                    return error->within(u"array_value.values[%1]"_s.arg(items.size()));
                items.append(std::move(item));
            }
            if (!finish(listReader, error))
                return error->within(u"array_value"_s);
            *value = AttributeValue::fromArray(std::move(items));
            break;
        }
        case 6: {
            Payload list;
            if (!readPayload(reader, "kvlist_value", &list, error))
                return false;
            Attributes entries;
            ProtobufReader listReader(list.bytes, list.offset);
            while (listReader.next()) {
                if (listReader.field() != 1) {
                    if (!skipField(listReader, error))
                        return error->within(u"kvlist_value"_s);
                    continue;
                }
                Payload entryPayload;
                KeyValue entry;
                if (!readPayload(listReader, "values", &entryPayload, error)
                    || !readKeyValue(entryPayload, depth + 1, &entry, error))
                    return error->within(u"kvlist_value.values[%1]"_s.arg(entries.size()));
                entries.append(std::move(entry));
            }
            if (!finish(listReader, error))
                return error->within(u"kvlist_value"_s);
            *value = AttributeValue::fromKeyValueList(std::move(entries));
            break;
        }
        case 7: {
            Payload bytes;
            if (!readPayload(reader, "bytes_value", &bytes, error))
                return false;
            *value = AttributeValue::fromBytes(bytes.bytes.toByteArray());
            break;
        }
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    return finish(reader, error);
}

bool readKeyValue(Payload payload, int depth, KeyValue* entry, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        switch (reader.field()) {
        case 1:
            if (!readString(reader, "key", &entry->key, error))
                return false;
            break;
        case 2: {
            Payload value;
            if (!readPayload(reader, "value", &value, error) || !readAnyValue(value, depth, &entry->value, error))
                return error->within(u"value"_s);
            break;
        }
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    return finish(reader, error);
}

bool readAttribute(ProtobufReader& reader, const char* name, Attributes* attributes, DecodeError* error)
{
    Payload payload;
    if (attributes->isEmpty())
        attributes->reserve(16); // most records carry a dozen: one allocation instead of five
    KeyValue& entry = attributes->emplace_back();
    if (!readPayload(reader, name, &payload, error))
        return error->within(u"%1[%2]"_s.arg(QLatin1StringView(name)).arg(attributes->size() - 1));
    BytesInterner<KeyValue>::Probe probe;
    if (error->attributes) {
        probe = error->attributes->find(payload.bytes);
        if (probe.known) {
            entry = *probe.known;
            return true;
        }
    }
    bool failed = false;
    if (readSimpleKeyValue(payload, &entry, error, &failed)) {
        if (error->attributes)
            error->attributes->remember(payload.bytes, entry, probe);
        return true;
    }
    if (failed || !readKeyValue(payload, 0, &entry, error))
        return error->within(u"%1[%2]"_s.arg(QLatin1StringView(name)).arg(attributes->size() - 1));
    return true;
}

bool readResource(Payload payload, Resource* resource, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 number = 0;
        switch (reader.field()) {
        case 1:
            if (!readAttribute(reader, "attributes", &resource->attributes, error))
                return false;
            break;
        case 2:
            if (!readVarintField(reader, "dropped_attributes_count", &number, error))
                return false;
            resource->droppedAttributesCount = static_cast<quint32>(number);
            break;
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    return finish(reader, error);
}

bool readScope(Payload payload, InstrumentationScope* scope, DecodeError* error)
{
    ProtobufReader reader(payload.bytes, payload.offset);
    while (reader.next()) {
        quint64 number = 0;
        switch (reader.field()) {
        case 1:
            if (!readString(reader, "name", &scope->name, error))
                return false;
            break;
        case 2:
            if (!readString(reader, "version", &scope->version, error))
                return false;
            break;
        case 3:
            if (!readAttribute(reader, "attributes", &scope->attributes, error))
                return false;
            break;
        case 4:
            if (!readVarintField(reader, "dropped_attributes_count", &number, error))
                return false;
            scope->droppedAttributesCount = static_cast<quint32>(number);
            break;
        default:
            if (!skipField(reader, error))
                return false;
        }
    }
    return finish(reader, error);
}

} // namespace OtlpProtobuf
