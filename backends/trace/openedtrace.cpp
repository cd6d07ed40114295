#include "openedtrace.h"

#include "capture/clickhouserowreader.h"
#include "common/jsonreader.h"
#include "common/jsonview.h"
#include "tracesearchsql.h"

using namespace Qt::StringLiterals;

namespace {
/// The text of a string column as stored (no hex conversion), or empty.
QByteArray rawColumn(const JsonView& row, QByteArrayView column)
{
    QByteArray value;
    row.forEachMember([&](QByteArrayView name, const JsonView& member) {
        if (name != column)
            return true;
        if (member.isString()) {
            QByteArray scratch;
            value = member.string(&scratch).toByteArray();
        }
        return false;
    });
    return value;
}

/// Calls read(row, lineNumber) for each non-empty line that is valid JSON; counts the rest.
template<typename Read>
void forEachRow(QByteArrayView rows, OpenedTrace* trace, const char* table, Read&& read)
{
    JsonReader reader;
    qsizetype number = 0;
    while (!rows.isEmpty()) {
        qsizetype end = rows.indexOf('\n');
        if (end < 0)
            end = rows.size();
        const QByteArrayView line = rows.first(end);
        rows = rows.sliced(qMin(end + 1, rows.size()));
        ++number;
        if (line.trimmed().isEmpty())
            continue;
        QString error;
        if (!reader.validate(line))
            error = reader.error();
        else
            read(JsonView::root(line), &error);
        if (!error.isEmpty()) {
            if (trace->badRows++ == 0)
                trace->firstBadRow = u"%1 row %2: %3"_s.arg(QLatin1StringView(table)).arg(number).arg(error);
        }
    }
}
} // namespace

OpenedTrace OpenedTrace::read(const QByteArray& traceId, QByteArrayView spanRows, QByteArrayView logRows)
{
    OpenedTrace trace;
    trace.traceId = traceId;
    QList<TraceSpan> spans;
    forEachRow(spanRows, &trace, "traces", [&](const JsonView& row, QString* error) {
        TraceSpan span;
        if (!ClickHouseRowReader::readSpan(row, &span.record, error))
            return;
        span.id = rawColumn(row, "span_id");
        span.parentId = rawColumn(row, "parent_span_id");
        spans.append(std::move(span));
    });
    if (spans.size() > TraceSearchSql::spanLimit) {
        spans.resize(TraceSearchSql::spanLimit);
        trace.spansTruncated = true;
    }
    forEachRow(logRows, &trace, "logs", [&](const JsonView& row, QString* error) {
        TraceLog log;
        if (!ClickHouseRowReader::readLog(row, &log.record, error))
            return;
        log.spanId = rawColumn(row, "span_id");
        trace.logs.append(std::move(log));
    });
    if (trace.logs.size() > TraceSearchSql::logLimit) {
        trace.logs.resize(TraceSearchSql::logLimit);
        trace.logsTruncated = true;
    }
    // Built here, on the reading thread, so that the GUI thread only takes it over.
    trace.spanNames.reserve(spans.size());
    for (const TraceSpan& span : std::as_const(spans))
        trace.spanNames.insert(span.id, QString::fromUtf8(span.record.name));
    trace.tree = TraceTree(std::move(spans));
    return trace;
}
