#include "rowbinarywriter.h"

#include "common/shortcopy.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;
using Kind = RowBinaryLayout::Kind;

RowBinaryWriter::RowBinaryWriter(QByteArray& out, const RowBinaryLayout& layout)
    : m_out(out)
    , m_layout(layout)
    , m_data(out.data())
    , m_size(out.size())
    , m_capacity(out.size())
{ }

void RowBinaryWriter::finish()
{
    m_out.resize(m_size);
    m_capacity = m_size;
    m_data = m_out.data();
}

char* RowBinaryWriter::reserve(qsizetype bytes)
{
    if (m_size + bytes > m_capacity) {
        // Grown geometrically and used without resize() per value: appending through QByteArray
        // cost more than the encoding.
        // The storage `out` already has is taken whole first: doubling past it would move the
        // rows written so far for nothing.
        m_capacity = std::max({ m_capacity * 2, m_size + bytes, qsizetype(64 * 1024), m_out.capacity() });
        m_out.resize(m_capacity);
        m_data = m_out.data();
    }
    char* at = m_data + m_size;
    m_size += bytes;
    return at;
}

void RowBinaryWriter::writeVarint(quint64 value)
{
    char* at = reserve(10);
    qsizetype used = 0;
    do {
        const auto byte = quint8(value & 0x7f);
        value >>= 7;
        at[used++] = char(value != 0 ? byte | 0x80 : byte);
    } while (value != 0);
    m_size -= 10 - used;
}

void RowBinaryWriter::writeString(QByteArrayView utf8)
{
    writeVarint(quint64(utf8.size()));
    // An empty view may have no data pointer, which memcpy must not be given even for 0 bytes.
    if (!utf8.isEmpty())
        shortCopy(reserve(utf8.size()), utf8.data(), utf8.size());
}

template<typename T>
void RowBinaryWriter::writeFixed(T value)
{
    qToLittleEndian(value, reserve(sizeof(T)));
}

void RowBinaryWriter::fail(const QString& error)
{
    if (m_error.isEmpty())
        m_error = error;
}

Kind RowBinaryWriter::valueKind() const
{
    if (m_column < 0 || m_column >= m_layout.columns().size())
        return Kind::String;
    const RowBinaryLayout::Column& column = m_layout.columns().at(m_column);
    return m_open.isEmpty() ? column.kind : column.element;
}

void RowBinaryWriter::countElement()
{
    if (!m_open.isEmpty() && !m_open.last().map)
        ++m_open.last().count;
}

void RowBinaryWriter::beginObject()
{
    ++m_depth;
    if (m_depth == 1) {
        m_column = -1;
        return;
    }
    // An object as a column's value is a Map: its count, then key and value pairs.
    m_open.append({ m_size, 0, true });
    *reserve(1) = 0;
    m_mapKeyNext = true;
}

void RowBinaryWriter::endObject()
{
    if (m_depth == 1 && m_column + 1 != m_layout.columns().size())
        fail(u"a row of %1 columns for a layout of %2"_s.arg(m_column + 1).arg(m_layout.columns().size()));
    if (m_depth > 1)
        closeContainer();
    --m_depth;
}

void RowBinaryWriter::beginArray()
{
    ++m_depth;
    countElement();
    m_open.append({ m_size, 0, false });
    *reserve(1) = 0;
}

void RowBinaryWriter::endArray()
{
    --m_depth;
    closeContainer();
}

void RowBinaryWriter::closeContainer()
{
    if (m_open.isEmpty())
        return fail(u"an array closed that was not open"_s);
    const Container closed = m_open.last();
    m_open.removeLast();
    m_mapKeyNext = false;
    if (closed.count < 0x80) {
        m_data[closed.countAt] = char(closed.count);
        return;
    }
    // Rare (128 or more elements): the count needs more than its reserved byte.
    char count[10];
    qsizetype used = 0;
    for (quint64 value = closed.count; value != 0; value >>= 7)
        count[used++] = char((value & 0x7f) | (value > 0x7f ? 0x80 : 0));
    reserve(used - 1);
    char* start = m_data + closed.countAt;
    std::memmove(start + used, start + 1, size_t(m_size - (used - 1) - closed.countAt - 1));
    std::memcpy(start, count, size_t(used));
}

void RowBinaryWriter::key(QByteArrayView utf8)
{
    if (!m_open.isEmpty() && m_open.last().map) {
        ++m_open.last().count;
        writeString(utf8);
        m_mapKeyNext = false;
        return;
    }
    ++m_column;
    if (m_column >= m_layout.columns().size())
        return fail(u"no column for %1 in the layout"_s.arg(QString::fromUtf8(utf8)));
    // The mapper names columns with literals: a name at the address already compared for this
    // column is the same name, and only a new address is compared again (a comparison per column
    // and row showed in the replay's profile).
    if (m_column < qsizetype(std::size(m_checkedNames)) && m_checkedNames[m_column] == utf8.data()
        && m_checkedSizes[m_column] == utf8.size())
        return;
    if (m_layout.columns().at(m_column).name != utf8)
        return fail(u"%1 written where the layout has %2"_s.arg(
            QString::fromUtf8(utf8), QString::fromUtf8(m_layout.columns().at(m_column).name)));
    if (m_column < qsizetype(std::size(m_checkedNames))) {
        m_checkedNames[m_column] = utf8.data();
        m_checkedSizes[m_column] = utf8.size();
    }
}

void RowBinaryWriter::string(QByteArrayView utf8)
{
    countElement();
    const Kind kind = valueKind();
    if (kind == Kind::String)
        return writeString(utf8);
    if (kind == Kind::Enum8 || kind == Kind::Enum16) {
        qint16 value = 0;
        if (!RowBinaryLayout::enumValue(m_layout.columns().at(m_column), utf8, &value))
            fail(u"%1 is not a value of %2"_s.arg(
                QString::fromUtf8(utf8), QString::fromUtf8(m_layout.columns().at(m_column).type)));
        return kind == Kind::Enum8 ? writeFixed(qint8(value)) : writeFixed(qint16(value));
    }
    bool ok = false;
    const double value = utf8.toByteArray().toDouble(&ok);
    if (!ok)
        fail(u"the text %1 for a number column"_s.arg(
            QString::fromUtf8(utf8.first(std::min<qsizetype>(utf8.size(), 40)))));
    const bool fits = std::isfinite(value) && std::fabs(value) < 9.2e18;
    writeInteger(kind, fits ? quint64(qint64(value)) : 0, value);
}

void RowBinaryWriter::null()
{
    countElement();
    // The column's default, as JSONEachRow reads a null on old servers.
    const Kind kind = valueKind();
    if (kind == Kind::String)
        return writeVarint(0);
    if (kind == Kind::Enum8 || kind == Kind::Enum16) {
        const auto& values = m_layout.columns().at(m_column).enumValues;
        const qint16 first = values.isEmpty() ? 0 : values.first().second;
        return kind == Kind::Enum8 ? writeFixed(qint8(first)) : writeFixed(first);
    }
    writeInteger(kind, 0, 0.0);
}

void RowBinaryWriter::integer(qint64 value)
{
    countElement();
    writeInteger(valueKind(), quint64(value), double(value));
}

void RowBinaryWriter::unsignedInteger(quint64 value)
{
    countElement();
    writeInteger(valueKind(), value, double(value));
}

void RowBinaryWriter::number(double value)
{
    countElement();
    // Integer columns take the value's integer part; what no integer holds is written as 0.
    const bool fits = std::isfinite(value) && std::fabs(value) < 9.2e18;
    writeInteger(valueKind(), fits ? quint64(qint64(value)) : 0, value);
}

void RowBinaryWriter::writeInteger(Kind kind, quint64 bits, double asDouble)
{
    switch (kind) {
    case Kind::UInt8:
    case Kind::Int8:
        return writeFixed(quint8(bits));
    case Kind::UInt16:
    case Kind::Int16:
        return writeFixed(quint16(bits));
    case Kind::UInt32:
    case Kind::Int32:
    case Kind::DateTime:
        return writeFixed(quint32(bits));
    case Kind::UInt64:
    case Kind::Int64:
        return writeFixed(bits);
    case Kind::Float32:
        return writeFixed(float(asDouble));
    case Kind::Float64:
        return writeFixed(asDouble);
    case Kind::String:
        return writeString(QByteArray::number(asDouble, 'g', 17));
    case Kind::Enum8:
    case Kind::Enum16:
    case Kind::Array:
    case Kind::Map:
        break;
    }
    fail(u"a number for the column %1 of type %2"_s.arg(m_column).arg(
        m_column >= 0 && m_column < m_layout.columns().size() ? QString::fromUtf8(m_layout.columns().at(m_column).type)
                                                              : QString()));
}
