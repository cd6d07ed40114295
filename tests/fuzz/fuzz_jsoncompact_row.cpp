// libFuzzer target: the fast JSONCompact row reader against the general one.
// Oracle: whenever the fast reader takes a row, it must give exactly what the general reader
// (a JSON tree, then toVariant per column) gives, types included (compared through QDebug,
// which names each QVariant's type), through the compact cells of a ResultRows block; it must
// never take a row the general reader rejects, and a row it refuses leaves the block as it was.
// The first byte picks the columns' types.
#include "clickhouse/jsoncompactrowreader.h"
#include "clickhouse/jsoncompactstreamparser.h"
#include "common/jsonreader.h"

#include <QDebug>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    static const QStringList pool { QStringLiteral("Int64"), QStringLiteral("UInt64"), QStringLiteral("String"),
        QStringLiteral("Float64"), QStringLiteral("Nullable(Int64)"), QStringLiteral("Array(UInt64)"),
        QStringLiteral("Tuple(String, Int64)"), QStringLiteral("Map(String, UInt64)") };
    QStringList types;
    for (int i = 0; i < 4; ++i)
        types.append(pool.at(((data[0] >> i) + i) % pool.size()));
    const QByteArrayView row(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));

    JsonValue tree;
    JsonReader reader;
    const bool generalOk = reader.parse(row, &tree) && tree.isArray();
    if (!generalOk) {
        // Whatever the column count, the fast reader must not take it.
        for (int columns = 0; columns <= 6; ++columns) {
            ResultRows rows(columns);
            if (JsonCompactRowReader(types).read(row, &rows) || rows.rowCount() != 0 || rows.pendingValues() != 0)
                std::abort();
        }
        return 0;
    }
    const int count = int(tree.elements().size());
    ResultRows rows(count);
    if (!JsonCompactRowReader(types).read(row, &rows)) {
        if (rows.rowCount() != 0 || rows.pendingValues() != 0 || rows.textSize() != 0)
            std::abort(); // a refused row leaves nothing behind
        return 0;
    }
    if (rows.rowCount() != 1)
        std::abort();
    const QVariantList fast = rows.toLists().constFirst();
    QVariantList general;
    qsizetype column = 0;
    for (const JsonValue& element : tree.elements()) {
        general.append(JsonCompactStreamParser::toVariant(
            element, column < types.size() ? QStringView(types.at(column)) : QStringView()));
        ++column;
    }
    QString fastText, generalText;
    QDebug(&fastText) << fast;
    QDebug(&generalText) << general;
    if (fastText != generalText)
        std::abort();
    return 0;
}
