#include "openedtrace.h"

#include "capture/clickhouserowreader.h"
#include "common/jsonreader.h"
#include "common/jsonview.h"
#include "tracesearchsql.h"

#include <QCryptographicHash>

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

/// A binary id for an id stored as text that is not hex (the upstream SDKs' own): a hash of the
/// text, the same for every span that names it, so an exported trace still hangs together.
template<int Size>
void fillId(BinaryId<Size>* id, const QByteArray& stored)
{
    if (id->isValid() || stored.isEmpty())
        return;
    BinaryId<Size>::fromBytes(QCryptographicHash::hash(stored, QCryptographicHash::Sha1).left(Size), id);
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

OpenedTrace OpenedTrace::read(const QByteArray& id, QByteArrayView spanRows, QByteArrayView logRows)
{
    OpenedTrace trace;
    trace.traceId = id;
    QList<TraceSpan> spans;
    forEachRow(spanRows, &trace, "traces", [&](const JsonView& row, QString* problem) {
        TraceSpan span;
        if (!ClickHouseRowReader::readSpan(row, &span.record, problem))
            return;
        span.id = rawColumn(row, "span_id");
        span.parentId = rawColumn(row, "parent_span_id");
        fillId(&span.record.traceId, id);
        fillId(&span.record.spanId, span.id);
        fillId(&span.record.parentSpanId, span.parentId);
        spans.append(std::move(span));
    });
    if (spans.size() > TraceSearchSql::spanLimit) {
        spans.resize(TraceSearchSql::spanLimit);
        trace.spansTruncated = true;
    }
    forEachRow(logRows, &trace, "logs", [&](const JsonView& row, QString* problem) {
        TraceLog log;
        if (!ClickHouseRowReader::readLog(row, &log.record, problem))
            return;
        log.spanId = rawColumn(row, "span_id");
        fillId(&log.record.traceId, id);
        fillId(&log.record.spanId, log.spanId);
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
