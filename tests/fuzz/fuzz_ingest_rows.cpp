// libFuzzer target: the ClickHouse ingest gateway's reading of untrusted input. Whatever the
// bytes, the statement parser answers without crashing, and the row converter keeps one key per
// kept row, writes every kept row as one JSON object on one line, leaves no Map-shaped (object)
// column on the legacy dialect, and accounts for every non-blank input line as kept or refused.
#include "collector/ingestrowconverter.h"
#include "collector/insertstatement.h"
#include "common/jsonreader.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    InsertStatement statement;
    QString error;
    if (InsertStatement::parse(QString::fromUtf8(input), &statement, &error) && statement.table.isEmpty())
        std::abort();

    qsizetype lines = 0;
    for (qsizetype start = 0; start < input.size();) {
        qsizetype end = input.indexOf('\n', start);
        if (end < 0)
            end = input.size();
        if (!input.sliced(start, end - start).trimmed().isEmpty())
            ++lines;
        start = end + 1;
    }
    for (auto dialect : { ClickHouseRowMapper::Dialect::Legacy, ClickHouseRowMapper::Dialect::Modern }) {
        for (auto table : { ClickHouseDirectExporter::Table::Traces, ClickHouseDirectExporter::Table::Logs }) {
            const IngestRowConverter::Result result = IngestRowConverter(table, dialect).convert(input);
            if (result.keys.size() + result.refused != lines)
                std::abort();
            qsizetype start = 0;
            qsizetype kept = 0;
            while (start < result.rows.size()) {
                const qsizetype end = result.rows.indexOf('\n', start);
                if (end < 0)
                    std::abort(); // every row ends with a newline
                JsonValue row;
                JsonReader reader;
                if (!reader.parse(QByteArrayView(result.rows).sliced(start, end - start), &row) || !row.isObject())
                    std::abort();
                if (dialect == ClickHouseRowMapper::Dialect::Legacy) {
                    for (const auto& member : row.members()) {
                        if (member.second.isObject())
                            std::abort();
                    }
                }
                ++kept;
                start = end + 1;
            }
            if (kept != result.keys.size())
                std::abort();
        }
    }
    return 0;
}
