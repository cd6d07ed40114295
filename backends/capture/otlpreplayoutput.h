#pragma once

#include "otlp/otlphttpexporter.h"
#include "replayoutput.h"

/// A replay to an OTLP/HTTP endpoint (any collector, the workbench's own receiver among them)
/// through the OTLP exporter, with its spool.
class OtlpReplayOutput final : public ReplayOutput
{
public:
    explicit OtlpReplayOutput(OtlpHttpExporterConfig config);

    bool start(QString* error) override { return m_exporter.start(error); }
    void sendSpans(const QList<SpanRecord>& spans) override { m_exporter.trackSpans(spans); }
    void sendMetrics(const QList<MetricPoint>& points) override { m_exporter.trackMetrics(points); }
    void sendLogs(const QList<LogRecord>& logs) override { m_exporter.trackLogs(logs); }
    qint64 outstanding() const override;
    void finish(int timeoutMs) override { m_exporter.shutdown(timeoutMs); }
    Statistics statistics() const override;
    QString description() const override;

private:
    OtlpHttpExporter m_exporter;
};
