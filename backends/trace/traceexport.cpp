#include "traceexport.h"

#include "capture/capturewriter.h"

using namespace Qt::StringLiterals;

bool TraceExport::write(const OpenedTrace& trace, const QString& path, QString* error)
{
    CaptureWriter writer;
    if (!writer.open(path, {}, error))
        return false;
    QList<SpanRecord> spans;
    spans.reserve(trace.tree.size());
    for (const TraceSpan& span : trace.tree.spans())
        spans.append(span.record);
    QList<LogRecord> logs;
    logs.reserve(trace.logs.size());
    for (const TraceLog& log : trace.logs)
        logs.append(log.record);
    if (!spans.isEmpty())
        writer.captureSpans(spans);
    if (!logs.isEmpty())
        writer.captureLogs(logs);
    if (!writer.close()) {
        *error = writer.statistics().lastError;
        return false;
    }
    return true;
}
