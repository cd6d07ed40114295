#include "tablerows.h"

#include "capture/clickhouserowreader.h"
#include "common/jsonnumber.h"
#include "common/jsonreader.h"
#include "common/jsonview.h"
#include "recordfingerprint.h"

#include <limits>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 nanosPerSecond = 1'000'000'000ull;

/// The row's `_tail_second`, or 0 when it has none.
quint32 secondOf(const JsonView& row)
{
    quint64 second = 0;
    row.forEachMember([&second](QByteArrayView name, const JsonView& value) {
        if (name != QByteArrayView(TableRows::secondColumn))
            return true;
        QByteArray scratch;
        const QByteArrayView text = value.isString() ? value.string(&scratch) : value.numberText();
        JsonNumber::toUInt64(text, &second);
        return false;
    });
    return quint32(qMin<quint64>(second, std::numeric_limits<quint32>::max()));
}

/// A row without timestamp_ns is read from its DateTime text as if that were UTC; the server
/// wrote it in its own time zone, so the second the server counted it under is the truth.
void keepSecond(quint64* timeNs, quint32 second)
{
    if (second != 0 && *timeNs % nanosPerSecond == 0 && *timeNs / nanosPerSecond != second)
        *timeNs = quint64(second) * nanosPerSecond;
}

template<typename Record, typename Read>
void readRows(QByteArrayView rows, const char* table, Read read, QList<Record>* records, QList<quint64>* prints,
    QList<quint32>* seconds, TableRows* result)
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
        quint32 second = 0;
        if (!reader.validate(line)) {
            error = reader.error();
        } else {
            const JsonView row = JsonView::root(line);
            read(row, &record, &error);
            second = secondOf(row);
        }
        if (!error.isEmpty()) {
            if (result->unreadable++ == 0)
                result->firstProblem = u"a row of %1: %2"_s.arg(QLatin1StringView(table), error);
            continue;
        }
        if constexpr (std::is_same_v<Record, SpanRecord>)
            keepSecond(&record.startTimeUnixNano, second);
        else
            keepSecond(&record.timeUnixNano, second);
        prints->append(RecordFingerprint::of(record));
        seconds->append(second);
        records->append(std::move(record));
    }
}
} // namespace

TableRows TableRows::read(const QByteArray& traceRows, const QByteArray& metricRows, const QByteArray& logRows)
{
    TableRows result;
    readRows<SpanRecord>(traceRows, "traces", &ClickHouseRowReader::readSpan, &result.spans, &result.prints[0],
        &result.seconds[0], &result);
    readRows<MetricPoint>(metricRows, "metrics", &ClickHouseRowReader::readMetric, &result.metrics, &result.prints[1],
        &result.seconds[1], &result);
    readRows<LogRecord>(
        logRows, "logs", &ClickHouseRowReader::readLog, &result.logs, &result.prints[2], &result.seconds[2], &result);
    return result;
}
