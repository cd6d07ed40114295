#pragma once

#include "clickhouse/clickhousedirectexporter.h"
#include "telemetry/clickhouserowmapper.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

/// Turns JSONEachRow rows as the SDKs' `clickhouse` backend writes them (for the modern schema:
/// Map columns as JSON objects) into rows for the server's dialect, each with the key the direct
/// exporter uses to find a row again after an uncertain insert. On the legacy dialect (ClickHouse
/// 18.16) an object-valued column `c` becomes the Nested pair "c.key":[...], "c.value":[...];
/// other values are copied byte for byte. A line that is not a JSON object is refused with its
/// line number; the other lines are kept.
class IngestRowConverter final
{
public:
    struct Result
    {
        QByteArray rows; ///< newline-terminated, for the direct exporter
        QList<QByteArray> keys;
        qint64 refused = 0;
        QStringList problems; ///< the first few refused lines and why
    };

    IngestRowConverter(ClickHouseDirectExporter::Table table, ClickHouseRowMapper::Dialect dialect);

    Result convert(QByteArrayView ndjson) const;

private:
    bool convertRow(QByteArrayView line, Result* result, QString* problem) const;

    ClickHouseDirectExporter::Table m_table;
    ClickHouseRowMapper::Dialect m_dialect;
};
