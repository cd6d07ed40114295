#pragma once

#include "clickhouse/clickhousedirectexporter.h"
#include "replayoutput.h"

/// A replay into ClickHouse through the direct backend (throughput mode, with its spool).
class ClickHouseReplayOutput final : public ReplayOutput
{
public:
    explicit ClickHouseReplayOutput(ClickHouseBackendConfig config);

    bool start(QString* error) override;
    void sendSpans(const QList<SpanRecord>& spans) override { m_exporter.trackSpans(spans); }
    void sendMetrics(const QList<MetricPoint>& points) override { m_exporter.trackMetrics(points); }
    void sendLogs(const QList<LogRecord>& logs) override { m_exporter.trackLogs(logs); }
    qsizetype recordsPerSend() const override { return m_exporter.config().rowsPerBatch(); }
    qint64 outstanding() const override;
    void finish(int timeoutMs) override { m_exporter.shutdown(timeoutMs); }
    Statistics statistics() const override;
    QString description() const override;

private:
    ClickHouseDirectExporter m_exporter;
    /// Rows an earlier run left in the spool: they settle (delivered, spooled or lost) beside
    /// this run's, and are not this run's to wait for.
    qint64 m_spooledBefore = 0;
};
