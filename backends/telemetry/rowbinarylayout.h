#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>

/// The columns of a RowBinary insert: their names in the order ClickHouseRowMapper writes them,
/// and each column's ClickHouse type reduced to how its values are encoded. RowBinary carries no
/// types and the server converts nothing, so rows are only written this way for a table whose
/// every column has a type known here (those of the upstream schema, and LowCardinality of them);
/// any other table gets JSONEachRow, which the server converts.
class RowBinaryLayout final
{
public:
    enum class Kind : quint8
    {
        String,
        UInt8,
        UInt16,
        UInt32,
        UInt64,
        Int8,
        Int16,
        Int32,
        Int64,
        Float32,
        Float64,
        DateTime, ///< seconds, as a UInt32
        Enum8,
        Enum16,
        Array, ///< of `element`
        Map, ///< String keys, `element` values
    };
    struct Column
    {
        QByteArray name;
        QByteArray type; ///< as the server spells it
        Kind kind = Kind::String;
        Kind element = Kind::String;
        QList<std::pair<QByteArray, qint16>> enumValues; ///< of an Enum8 or Enum16
    };

    /// Reads a type as the server spells it ("Array(UInt64)", "Enum8('A' = 1, 'B' = 2)");
    /// false when it has no encoding here (Nullable, FixedString, Decimal, DateTime64, ...).
    static bool parseType(QByteArrayView type, Column* column);
    /// The layout of `names` (in that order) with the types a table has (column name to type, as
    /// system.columns gives them); false when a column is missing or has a type not known here.
    static bool forColumns(
        const QList<QByteArray>& names, const QHash<QString, QString>& types, RowBinaryLayout* layout);
    /// How a layout travels with its rows (DeliveryBatch::binaryColumns): "name\ttype\n" per column.
    QByteArray spec() const;
    static bool fromSpec(QByteArrayView spec, RowBinaryLayout* layout, QString* error);
    /// "(`a`, `b`.`c`)" ... the column list of the INSERT, from a spec.
    static QByteArray insertColumnList(QByteArrayView spec);

    const QList<Column>& columns() const { return m_columns; }
    void append(Column column) { m_columns.append(std::move(column)); }
    /// The number stored for an enum's name; false when the name is not one of its values.
    static bool enumValue(const Column& column, QByteArrayView name, qint16* value);
    static QByteArray enumName(const Column& column, qint16 value);

private:
    QList<Column> m_columns;
};
