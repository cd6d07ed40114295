// libFuzzer target: the fast JSONCompact row reader against the general one.
// Oracle: whenever the fast reader takes a row, it must give exactly what the general reader
// (a JSON tree, then toVariant per column) gives, types included (compared through QDebug,
// which names each QVariant's type); and it must never take a row the general reader rejects.
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

    QVariantList fast;
    const bool fastOk = JsonCompactRowReader(types).read(row, &fast);
    JsonValue tree;
    JsonReader reader;
    const bool generalOk = reader.parse(row, &tree) && tree.isArray();
    if (fastOk && !generalOk)
        std::abort();
    if (!fastOk || !generalOk)
        return 0;
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
