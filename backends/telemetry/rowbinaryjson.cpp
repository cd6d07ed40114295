#include "rowbinaryjson.h"

#include "common/jsonwriter.h"

#include <QtEndian>

#include <cmath>

using namespace Qt::StringLiterals;
using Kind = RowBinaryLayout::Kind;

namespace {
/// Reads RowBinary values from a byte range; every read checks that the bytes are there.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    { }

    bool atEnd() const { return m_at >= m_bytes.size(); }
    bool varint(quint64* value)
    {
        *value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd())
                return false;
            const auto byte = quint8(m_bytes.at(m_at++));
            *value |= quint64(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0)
                return true;
        }
        return false;
    }
    bool bytes(qsizetype count, QByteArrayView* out)
    {
        if (count < 0 || count > m_bytes.size() - m_at)
            return false;
        *out = m_bytes.sliced(m_at, count);
        m_at += count;
        return true;
    }
    template<typename T>
    bool fixed(T* value)
    {
        QByteArrayView raw;
        if (!bytes(sizeof(T), &raw))
            return false;
        *value = qFromLittleEndian<T>(raw.data());
        return true;
    }
    bool string(QByteArrayView* out)
    {
        quint64 length = 0;
        return varint(&length) && length <= quint64(m_bytes.size()) && bytes(qsizetype(length), out);
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
};

bool writeValue(Reader& in, JsonWriter& json, const RowBinaryLayout::Column& column, Kind kind)
{
    switch (kind) {
    case Kind::String: {
        QByteArrayView text;
        if (!in.string(&text))
            return false;
        json.string(text);
        return true;
    }
    case Kind::UInt8: {
        quint8 value = 0;
        return in.fixed(&value) ? (json.unsignedInteger(value), true) : false;
    }
    case Kind::UInt16: {
        quint16 value = 0;
        return in.fixed(&value) ? (json.unsignedInteger(value), true) : false;
    }
    case Kind::UInt32:
    case Kind::DateTime: {
        quint32 value = 0;
        return in.fixed(&value) ? (json.unsignedInteger(value), true) : false;
    }
    case Kind::UInt64: {
        quint64 value = 0;
        return in.fixed(&value) ? (json.unsignedInteger(value), true) : false;
    }
    case Kind::Int8: {
        qint8 value = 0;
        return in.fixed(&value) ? (json.integer(value), true) : false;
    }
    case Kind::Int16: {
        qint16 value = 0;
        return in.fixed(&value) ? (json.integer(value), true) : false;
    }
    case Kind::Int32: {
        qint32 value = 0;
        return in.fixed(&value) ? (json.integer(value), true) : false;
    }
    case Kind::Int64: {
        qint64 value = 0;
        return in.fixed(&value) ? (json.integer(value), true) : false;
    }
    case Kind::Float32:
    case Kind::Float64: {
        double value = 0;
        if (kind == Kind::Float32) {
            float narrow = 0;
            if (!in.fixed(&narrow))
                return false;
            value = narrow;
        } else if (!in.fixed(&value)) {
            return false;
        }
        // As the mapper writes them: JSONEachRow on old servers reads no spelling of NaN.
        std::isfinite(value) ? json.number(value) : json.null();
        return true;
    }
    case Kind::Enum8: {
        qint8 value = 0;
        return in.fixed(&value) ? (json.string(RowBinaryLayout::enumName(column, value)), true) : false;
    }
    case Kind::Enum16: {
        qint16 value = 0;
        return in.fixed(&value) ? (json.string(RowBinaryLayout::enumName(column, value)), true) : false;
    }
    case Kind::Array:
    case Kind::Map:
        break;
    }
    return false;
}
} // namespace

bool RowBinaryJson::toJsonLines(const RowBinaryLayout& layout, QByteArrayView rows, QByteArray* out, QString* error)
{
    Reader in(rows);
    for (qint64 row = 1; !in.atEnd(); ++row) {
        JsonWriter json(*out);
        json.beginObject();
        for (const RowBinaryLayout::Column& column : layout.columns()) {
            json.key(column.name);
            bool ok = true;
            if (column.kind == Kind::Array || column.kind == Kind::Map) {
                quint64 count = 0;
                ok = in.varint(&count) && count <= quint64(rows.size());
                column.kind == Kind::Map ? json.beginObject() : json.beginArray();
                for (quint64 i = 0; ok && i < count; ++i) {
                    QByteArrayView key;
                    if (column.kind == Kind::Map) {
                        ok = in.string(&key);
                        json.key(key);
                    }
                    ok = ok && writeValue(in, json, column, column.element);
                }
                column.kind == Kind::Map ? json.endObject() : json.endArray();
            } else {
                ok = writeValue(in, json, column, column.kind);
            }
            if (!ok) {
                *error = u"RowBinary row %1 ends inside its column %2"_s.arg(row).arg(QString::fromUtf8(column.name));
                return false;
            }
        }
        json.endObject();
        out->append('\n');
    }
    return true;
}
