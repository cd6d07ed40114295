#include "otlpreplayoutput.h"

using namespace Qt::StringLiterals;

OtlpReplayOutput::OtlpReplayOutput(OtlpHttpExporterConfig config)
    : m_exporter(std::move(config))
{ }

qint64 OtlpReplayOutput::outstanding() const
{
    const auto s = m_exporter.statistics();
    return s.recordsTracked - s.recordsDelivered - s.recordsRejected - s.recordsFailed - s.spooledRecords;
}

ReplayOutput::Statistics OtlpReplayOutput::statistics() const
{
    const auto s = m_exporter.statistics();
    Statistics statistics;
    statistics.delivered = s.recordsDelivered;
    statistics.failed = s.recordsRejected + s.recordsFailed;
    statistics.spooled = s.spooledRecords;
    statistics.requests = s.requestsDelivered;
    statistics.retries = s.retries;
    statistics.bytesRaw = s.bytesRaw;
    statistics.bytesSent = s.bytesSent;
    statistics.lastLatencyMs = s.lastLatencyMs;
    statistics.lastError = s.lastError;
    return statistics;
}

QString OtlpReplayOutput::description() const
{
    const OtlpHttpExporterConfig& config = m_exporter.config();
    return u"OTLP/HTTP %1 %2"_s.arg(
        config.encoding == Otlp::Encoding::Protobuf ? u"protobuf"_s : u"JSON"_s, config.tracesUrl.toString());
}
