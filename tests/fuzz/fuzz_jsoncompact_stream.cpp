// libFuzzer target: the streaming JSONCompact reader that turns ClickHouse query results into rows.
// Oracle: the outcome may not depend on how the bytes arrive. Feeding everything at once, split at
// a point taken from the input, and one byte at a time must give the same verdict, columns and
// rows (compared through their text form, as QVariant has no deep equality for nested lists).
#include "clickhouse/jsoncompactstreamparser.h"

#include <QDebug>

#include <cstdlib>

namespace {
struct Outcome
{
    bool ok = true;
    QStringList columns;
    QString rows;
};

Outcome run(QByteArrayView input, qsizetype step)
{
    JsonCompactStreamParser parser;
    Outcome outcome;
    QList<QVariantList> rows;
    for (qsizetype at = 0; at < input.size() && outcome.ok; at += step) {
        outcome.ok = parser.feed(input.sliced(at, std::min(step, input.size() - at)));
        for (const ResultRows& block : parser.takeBlocks())
            rows += block.toLists();
    }
    if (outcome.ok)
        outcome.ok = parser.finish();
    for (const ResultRows& block : parser.takeBlocks())
        rows += block.toLists();
    if (!outcome.ok && parser.error().isEmpty())
        std::abort(); // every failure says why
    for (const auto& column : parser.columns())
        outcome.columns.append(column.name + u' ' + column.type);
    QDebug(&outcome.rows) << rows;
    return outcome;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    const Outcome whole = run(input, std::max<qsizetype>(input.size(), 1));
    const Outcome split = run(input, std::max<qsizetype>(data[0], 1));
    const Outcome bytes = run(input, 1);
    if (whole.ok != split.ok || whole.ok != bytes.ok)
        std::abort();
    if (whole.ok
        && (whole.columns != split.columns || whole.columns != bytes.columns || whole.rows != split.rows
            || whole.rows != bytes.rows))
        std::abort();
    return 0;
}
