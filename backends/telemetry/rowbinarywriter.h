#pragma once

#include "rowbinarylayout.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

/// Appends rows in ClickHouse's RowBinary format, through the same calls as JsonWriter, so that
/// ClickHouseRowMapper writes either format with one description of the columns: an object is a
/// row, each key() moves to the layout's next column, and the value is encoded as that column's
/// type (an unsigned integer into a DateTime column is its UInt32, a string into an Enum8 its
/// number). Arrays and maps get their element count in front, patched in when they close.
/// Bytes are written straight into `out`'s storage, which is sized to its length by finish()
/// (or the destructor). The server reads RowBinary without parsing text, which is why the direct
/// backend prefers it: docs/PERFORMANCE.md.
class RowBinaryWriter final
{
public:
    RowBinaryWriter(QByteArray& out, const RowBinaryLayout& layout);
    ~RowBinaryWriter() { finish(); }
    Q_DISABLE_COPY_MOVE(RowBinaryWriter)

    /// Bytes in `out` so far: where the next row starts.
    qsizetype size() const { return m_size; }
    /// Gives `out` its final length. Writing may go on after it.
    void finish();
    /// Empty, or what did not fit the layout (a value for no column, a name an enum lacks).
    const QString& error() const { return m_error; }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QByteArrayView utf8);
    void string(QByteArrayView utf8);
    void null();
    void integer(qint64 value);
    void unsignedInteger(quint64 value);
    void number(double value);

private:
    struct Container
    {
        qsizetype countAt; ///< where the element count goes (one byte reserved)
        quint64 count;
        bool map;
    };

    /// The type the next value has: the column's, or its element's inside an array or map.
    RowBinaryLayout::Kind valueKind() const;
    /// Counts a value written inside an array (a map counts its keys).
    void countElement();
    /// Writes the element count of the array or map that closes.
    void closeContainer();
    char* reserve(qsizetype bytes);
    void writeVarint(quint64 value);
    /// A String value: its length, then its bytes.
    void writeString(QByteArrayView utf8);
    template<typename T>
    void writeFixed(T value);
    void writeInteger(RowBinaryLayout::Kind kind, quint64 bits, double asDouble);
    void fail(const QString& error);

    QByteArray& m_out;
    const RowBinaryLayout& m_layout;
    char* m_data;
    qsizetype m_size;
    qsizetype m_capacity;
    int m_depth = 0;
    int m_column = -1;
    bool m_mapKeyNext = false;
    QVarLengthArray<Container, 4> m_open;
    /// Per column, the address and size of the name key() last found matching the layout.
    const char* m_checkedNames[64] = {};
    qsizetype m_checkedSizes[64] = {};
    QString m_error;
};
