#pragma once

#include "rowbinarylayout.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

/// RowBinary rows back to JSONEachRow lines, as ClickHouseRowMapper writes them for the same
/// records: a batch that could not be inserted goes to the spool (and a refused one to its
/// .refused.jsonl) as text, which any server and any reader takes whatever the table's types are
/// by then.
class RowBinaryJson final
{
public:
    /// Appends one line per row of `rows` to `out`; false (and `error`, with the row's number)
    /// when the bytes do not read as rows of `layout`.
    static bool toJsonLines(const RowBinaryLayout& layout, QByteArrayView rows, QByteArray* out, QString* error);
};
