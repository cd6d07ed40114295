#include "clickhouseserverinfo.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {
const QStringList probedTypes { u"Map"_s, u"DateTime64"_s, u"LowCardinality"_s, u"Nested"_s, u"IPv4"_s };
const QStringList probedFunctions { u"toStartOfInterval"_s, u"toDateTime64"_s, u"formatReadableSize"_s };
const QStringList probedFormats { u"JSONCompact"_s, u"JSONEachRow"_s, u"TabSeparatedWithNamesAndTypes"_s,
    u"RowBinaryWithNamesAndTypes"_s, u"JSONCompactEachRow"_s };

QString sqlList(const QStringList& names)
{
    QStringList quoted;
    for (const QString& name : names)
        quoted.append(u'\'' + name + u'\'');
    return quoted.join(u", "_s);
}
} // namespace

QStringList ClickHouseServerInfo::probedSettings()
{
    return { u"enable_http_compression"_s, u"http_zlib_compression_level"_s, u"max_result_rows"_s,
        u"max_result_bytes"_s, u"result_overflow_mode"_s, u"readonly"_s, u"max_execution_time"_s,
        u"timeout_overflow_mode"_s, u"output_format_json_quote_64bit_integers"_s,
        u"output_format_json_quote_denormals"_s, u"input_format_skip_unknown_fields"_s,
        u"input_format_import_nested_json"_s, u"date_time_input_format"_s, u"insert_deduplicate"_s,
        u"insert_deduplication_token"_s, u"async_insert"_s, u"wait_for_async_insert"_s,
        u"cancel_http_readonly_queries_on_client_close"_s, u"send_progress_in_http_headers"_s,
        u"input_format_defaults_for_omitted_fields"_s, u"max_insert_block_size"_s,
        u"http_write_exception_in_output_format"_s };
}

QString ClickHouseServerInfo::probeQuery()
{
    return u"SELECT 'version', version() UNION ALL SELECT 'timezone', timezone()"
           " UNION ALL SELECT 'type', name FROM system.data_type_families WHERE name IN (%1)"
           " UNION ALL SELECT 'function', name FROM system.functions WHERE name IN (%2)"
           " UNION ALL SELECT 'format', name FROM system.formats WHERE name IN (%3)"
           " UNION ALL SELECT 'setting', name FROM system.settings WHERE name IN (%4)"_s.arg(
               sqlList(probedTypes), sqlList(probedFunctions), sqlList(probedFormats), sqlList(probedSettings()));
}

bool ClickHouseServerInfo::fromProbeResult(const QString& text, ClickHouseServerInfo* info, QString* error)
{
    ClickHouseServerInfo result;
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype tab = line.indexOf(u'\t');
        if (tab < 0) {
            if (error)
                *error = u"unexpected line in the server probe's answer: %1"_s.arg(line.left(200));
            return false;
        }
        const QString kind = line.left(tab);
        const QString value = line.mid(tab + 1);
        if (kind == u"version"_s) {
            result.m_versionString = value;
            result.m_version = QVersionNumber::fromString(value);
        } else if (kind == u"timezone"_s) {
            result.m_timezone = value;
        } else if (kind == u"type"_s) {
            result.m_types.insert(value);
        } else if (kind == u"function"_s) {
            result.m_functions.insert(value);
        } else if (kind == u"format"_s) {
            result.m_formats.insert(value);
        } else if (kind == u"setting"_s) {
            result.m_settings.insert(value);
        }
    }
    if (result.m_version.isNull()) {
        if (error)
            *error = u"the server probe's answer has no version"_s;
        return false;
    }
    *info = result;
    return true;
}

bool ClickHouseServerInfo::versionAtLeast(int major, int minor) const
{
    return m_version >= QVersionNumber(major, minor);
}
