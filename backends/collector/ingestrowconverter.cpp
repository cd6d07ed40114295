#include "ingestrowconverter.h"

#include "common/jsonreader.h"
#include "common/jsonwriter.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype maxProblems = 10;

QByteArrayView rawText(QByteArrayView line, const JsonValue& value)
{
    return line.sliced(value.offset(), value.length());
}

/// The row's value of `column` as ClickHouse's toString() would give it back.
QByteArray columnText(const JsonValue& row, QByteArrayView column)
{
    const JsonValue* value = row.member(column);
    if (!value || value->isNull())
        return {};
    return value->text();
}
} // namespace

IngestRowConverter::IngestRowConverter(ClickHouseDirectExporter::Table table, ClickHouseRowMapper::Dialect dialect)
    : m_table(table)
    , m_dialect(dialect)
{ }

IngestRowConverter::Result IngestRowConverter::convert(QByteArrayView ndjson) const
{
    Result result;
    qsizetype lineNumber = 0;
    qsizetype start = 0;
    while (start < ndjson.size()) {
        qsizetype end = ndjson.indexOf('\n', start);
        if (end < 0)
            end = ndjson.size();
        ++lineNumber;
        const QByteArrayView line = ndjson.sliced(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        QString problem;
        if (!convertRow(line, &result, &problem)) {
            ++result.refused;
            if (result.problems.size() < maxProblems)
                result.problems.append(u"row %1: %2"_s.arg(lineNumber).arg(problem));
        }
    }
    return result;
}

bool IngestRowConverter::convertRow(QByteArrayView line, Result* result, QString* problem) const
{
    JsonValue row;
    JsonReader reader;
    if (!reader.parse(line, &row)) {
        *problem = reader.error();
        return false;
    }
    if (!row.isObject()) {
        *problem = u"a %1, not a JSON object"_s.arg(QLatin1StringView(JsonValue::typeName(row.type())));
        return false;
    }
    QByteArray out;
    out.reserve(line.size() + 64);
    JsonWriter json(out);
    json.beginObject();
    for (const auto& [name, value] : row.members()) {
        if (value.isObject() && m_dialect == ClickHouseRowMapper::Dialect::Legacy) {
            // Map(K, V) on the modern schema is Nested(key K, value V) on the legacy one.
            json.key(QByteArray(name + ".key"));
            json.beginArray();
            for (const auto& entry : value.members())
                json.string(entry.first);
            json.endArray();
            json.key(QByteArray(name + ".value"));
            json.beginArray();
            for (const auto& entry : value.members())
                json.raw(rawText(line, entry.second));
            json.endArray();
            continue;
        }
        json.key(name);
        json.raw(rawText(line, value));
    }
    // The key the exporter checks after an uncertain insert; metrics and logs get an id when
    // the writer gave none, so that check can find them.
    QByteArray key;
    switch (m_table) {
    case ClickHouseDirectExporter::Table::Traces:
        key = columnText(row, "span_id") + '/'
            + (columnText(row, "timestamp_ns").isEmpty() ? QByteArray("0") : columnText(row, "timestamp_ns"));
        break;
    case ClickHouseDirectExporter::Table::Metrics:
    case ClickHouseDirectExporter::Table::Logs: {
        const char* idColumn = m_table == ClickHouseDirectExporter::Table::Metrics
            ? ClickHouseRowMapper::metricIdColumn()
            : ClickHouseRowMapper::logIdColumn();
        key = columnText(row, idColumn);
        if (key.isEmpty()) {
            key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
            json.key(idColumn);
            json.string(key);
        }
        break;
    }
    }
    json.endObject();
    out += '\n';
    result->rows += out;
    result->keys.append(key);
    return true;
}
