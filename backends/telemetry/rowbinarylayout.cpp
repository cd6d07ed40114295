#include "rowbinarylayout.h"

using namespace Qt::StringLiterals;

namespace {
/// What is inside `wrapper(...)` when `type` is one; else an empty view and false.
bool unwrap(QByteArrayView type, QByteArrayView wrapper, QByteArrayView* inside)
{
    if (!type.startsWith(wrapper) || !type.endsWith(')') || type.size() <= wrapper.size() + 1
        || type.at(wrapper.size()) != '(')
        return false;
    *inside = type.sliced(wrapper.size() + 1, type.size() - wrapper.size() - 2).trimmed();
    return true;
}

bool scalarKind(QByteArrayView type, RowBinaryLayout::Kind* kind)
{
    using Kind = RowBinaryLayout::Kind;
    static const std::pair<const char*, Kind> names[] = { { "String", Kind::String }, { "UInt8", Kind::UInt8 },
        { "UInt16", Kind::UInt16 }, { "UInt32", Kind::UInt32 }, { "UInt64", Kind::UInt64 }, { "Int8", Kind::Int8 },
        { "Int16", Kind::Int16 }, { "Int32", Kind::Int32 }, { "Int64", Kind::Int64 }, { "Float32", Kind::Float32 },
        { "Float64", Kind::Float64 }, { "DateTime", Kind::DateTime } };
    for (const auto& [name, value] : names) {
        if (type == QByteArrayView(name)) {
            *kind = value;
            return true;
        }
    }
    QByteArrayView inside;
    if (unwrap(type, "DateTime", &inside)) { // DateTime('Europe/Lisbon'): a time zone only for display
        *kind = Kind::DateTime;
        return true;
    }
    if (unwrap(type, "LowCardinality", &inside))
        return scalarKind(inside, kind);
    return false;
}

/// 'name' = number, 'other' = number, ... of an Enum8(...) or Enum16(...).
bool parseEnum(QByteArrayView values, RowBinaryLayout::Column* column)
{
    qsizetype at = 0;
    auto skipSpaces = [&] {
        while (at < values.size() && values.at(at) == ' ')
            ++at;
    };
    while (true) {
        skipSpaces();
        if (at >= values.size() || values.at(at) != '\'')
            return false;
        QByteArray name;
        for (++at;; ++at) {
            if (at >= values.size())
                return false;
            const char c = values.at(at);
            if (c == '\\' && at + 1 < values.size()) {
                name.append(values.at(++at));
            } else if (c == '\'') {
                if (at + 1 < values.size() && values.at(at + 1) == '\'') {
                    name.append('\'');
                    ++at;
                } else {
                    ++at;
                    break;
                }
            } else {
                name.append(c);
            }
        }
        skipSpaces();
        if (at >= values.size() || values.at(at) != '=')
            return false;
        ++at;
        skipSpaces();
        const qsizetype start = at;
        while (at < values.size() && (values.at(at) == '-' || (values.at(at) >= '0' && values.at(at) <= '9')))
            ++at;
        bool ok = false;
        const int number = values.sliced(start, at - start).toInt(&ok);
        if (!ok)
            return false;
        column->enumValues.append({ name, qint16(number) });
        skipSpaces();
        if (at >= values.size())
            return !column->enumValues.isEmpty();
        if (values.at(at) != ',')
            return false;
        ++at;
    }
}
} // namespace

bool RowBinaryLayout::parseType(QByteArrayView type, Column* column)
{
    type = type.trimmed();
    column->type = type.toByteArray();
    column->enumValues.clear();
    QByteArrayView inside;
    if (scalarKind(type, &column->kind))
        return true;
    if (unwrap(type, "Enum8", &inside)) {
        column->kind = Kind::Enum8;
        return parseEnum(inside, column);
    }
    if (unwrap(type, "Enum16", &inside)) {
        column->kind = Kind::Enum16;
        return parseEnum(inside, column);
    }
    if (unwrap(type, "Array", &inside)) {
        column->kind = Kind::Array;
        return scalarKind(inside, &column->element);
    }
    if (unwrap(type, "Map", &inside)) {
        column->kind = Kind::Map;
        const qsizetype comma = inside.indexOf(',');
        Kind key = Kind::UInt8;
        return comma > 0 && scalarKind(inside.first(comma).trimmed(), &key) && key == Kind::String
            && scalarKind(inside.sliced(comma + 1).trimmed(), &column->element);
    }
    return false;
}

bool RowBinaryLayout::forColumns(
    const QList<QByteArray>& names, const QHash<QString, QString>& types, RowBinaryLayout* layout)
{
    layout->m_columns.clear();
    for (const QByteArray& name : names) {
        Column column;
        const auto type = types.constFind(QString::fromUtf8(name));
        if (type == types.cend() || !parseType(type->toUtf8(), &column))
            return false;
        column.name = name;
        layout->m_columns.append(std::move(column));
    }
    return !layout->m_columns.isEmpty();
}

QByteArray RowBinaryLayout::spec() const
{
    QByteArray text;
    for (const Column& column : m_columns)
        text += column.name + '\t' + column.type + '\n';
    return text;
}

bool RowBinaryLayout::fromSpec(QByteArrayView spec, RowBinaryLayout* layout, QString* error)
{
    layout->m_columns.clear();
    for (const QByteArrayView line : spec.toByteArray().split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype tab = line.indexOf('\t');
        Column column;
        if (tab <= 0 || !parseType(line.sliced(tab + 1), &column)) {
            *error = u"no RowBinary encoding for the column %1"_s.arg(QString::fromUtf8(line));
            return false;
        }
        column.name = line.first(tab).toByteArray();
        layout->m_columns.append(std::move(column));
    }
    if (layout->m_columns.isEmpty()) {
        *error = u"a RowBinary layout without columns"_s;
        return false;
    }
    return true;
}

QByteArray RowBinaryLayout::insertColumnList(QByteArrayView spec)
{
    QByteArray list = "(";
    for (const QByteArrayView line : spec.toByteArray().split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab <= 0)
            continue;
        if (list.size() > 1)
            list += ", ";
        // A Nested column's parts are quoted as one name: `attributes.key`.
        list += '`' + line.first(tab).toByteArray().replace('\\', "\\\\").replace('`', "\\`") + '`';
    }
    return list + ')';
}

bool RowBinaryLayout::enumValue(const Column& column, QByteArrayView name, qint16* value)
{
    for (const auto& [candidate, number] : column.enumValues) {
        if (candidate == name) {
            *value = number;
            return true;
        }
    }
    return false;
}

QByteArray RowBinaryLayout::enumName(const Column& column, qint16 value)
{
    for (const auto& [name, number] : column.enumValues) {
        if (number == value)
            return name;
    }
    return QByteArray::number(value);
}
