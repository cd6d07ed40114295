#pragma once

#include "replayoutput.h"

/// A dry run: records are read, filtered, transformed and scheduled, then counted and dropped.
/// For checking a capture and its timing without touching any backend.
class DiscardReplayOutput final : public ReplayOutput
{
public:
    bool start(QString*) override { return true; }
    void sendSpans(const QList<SpanRecord>& spans) override { m_statistics.delivered += spans.size(); }
    void sendMetrics(const QList<MetricPoint>& points) override { m_statistics.delivered += points.size(); }
    void sendLogs(const QList<LogRecord>& logs) override { m_statistics.delivered += logs.size(); }
    qint64 outstanding() const override { return 0; }
    void finish(int) override { }
    Statistics statistics() const override { return m_statistics; }
    QString description() const override { return QStringLiteral("nowhere (dry run)"); }

private:
    Statistics m_statistics;
};
