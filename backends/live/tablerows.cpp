#include "tablerows.h"

#include "capture/clickhouserowreader.h"
#include "common/jsonreader.h"
#include "common/jsonview.h"
#include "recordfingerprint.h"

#include <type_traits>

using namespace Qt::StringLiterals;

namespace {
template<typename Record, typename Read>
void readRows(QByteArrayView rows, const char* table, Read read, QList<Record>* records, QList<quint64>* prints,
    quint64* newest, TableRows* result)
{
    JsonReader reader;
    while (!rows.isEmpty()) {
        qsizetype end = rows.indexOf('\n');
        if (end < 0)
            end = rows.size();
        const QByteArrayView line = rows.first(end);
        rows = rows.sliced(qMin(end + 1, rows.size()));
        if (line.trimmed().isEmpty())
            continue;
        Record record;
        QString error;
        if (!reader.validate(line))
            error = reader.error();
        else
            read(JsonView::root(line), &record, &error);
        if (!error.isEmpty()) {
            if (result->unreadable++ == 0)
                result->firstProblem = u"a row of %1: %2"_s.arg(QLatin1StringView(table), error);
            continue;
        }
        prints->append(RecordFingerprint::of(record));
        records->append(std::move(record));
    }
    for (const Record& record : std::as_const(*records)) {
        if constexpr (std::is_same_v<Record, SpanRecord>)
            *newest = qMax(*newest, record.startTimeUnixNano);
        else
            *newest = qMax(*newest, record.timeUnixNano);
    }
}
} // namespace

TableRows TableRows::read(const QByteArray& traceRows, const QByteArray& metricRows, const QByteArray& logRows)
{
    TableRows result;
    readRows<SpanRecord>(traceRows, "traces", &ClickHouseRowReader::readSpan, &result.spans, &result.spanPrints,
        &result.newestNs[0], &result);
    readRows<MetricPoint>(metricRows, "metrics", &ClickHouseRowReader::readMetric, &result.metrics,
        &result.metricPrints, &result.newestNs[1], &result);
    readRows<LogRecord>(
        logRows, "logs", &ClickHouseRowReader::readLog, &result.logs, &result.logPrints, &result.newestNs[2], &result);
    return result;
}
