#include "sendpayload.h"

#include "common/jsonindent.h"
#include "otlp/otlpcodec.h"
#include "otlp/otlpprotobufdump.h"
#include "telemetry/clickhouserowmapper.h"

using namespace Qt::StringLiterals;

namespace {

QString otlp(const SendJob::Sample& sample, Otlp::Encoding encoding)
{
    Otlp::Signal signal = Otlp::Signal::Traces;
    QByteArray body;
    if (!sample.spans.isEmpty()) {
        body = OtlpCodec::encodeTraces(sample.spans, encoding);
    } else if (!sample.points.isEmpty()) {
        signal = Otlp::Signal::Metrics;
        body = OtlpCodec::encodeMetrics(sample.points, encoding);
    } else {
        signal = Otlp::Signal::Logs;
        body = OtlpCodec::encodeLogs(sample.logs, encoding);
    }
    if (encoding == Otlp::Encoding::Protobuf)
        return OtlpProtobufDump::dump(body, signal);
    return QString::fromUtf8(JsonIndent::indent(body));
}

QString clickHouse(const SendJob::Sample& sample, const ClickHouseBackendConfig& config)
{
    const ClickHouseRowMapper mapper(config.dialect);
    QByteArray row;
    QString table;
    QString note;
    if (!sample.spans.isEmpty()) {
        table = config.tracesTable;
        mapper.appendTraceRow(row, sample.spans.first());
    } else if (!sample.points.isEmpty()) {
        table = config.metricsTable;
        mapper.appendMetricRow(row, sample.points.first());
        note = u"-- metric_id is drawn for each insert: the row sent had its own.\n"_s;
    } else {
        table = config.logsTable;
        mapper.appendLogRow(row, sample.logs.first());
        note = u"-- log_id is drawn for each insert: the row sent had its own.\n"_s;
    }
    return u"INSERT INTO %1.%2 FORMAT JSONEachRow\n%3%4"_s.arg(
        config.endpoint.database, table, note, QString::fromUtf8(JsonIndent::indent(row.trimmed())));
}

} // namespace

namespace SendPayload {

QString describe(const SendJob::Sample& sample, const SendTarget& target)
{
    if (sample.spans.isEmpty() && sample.points.isEmpty() && sample.logs.isEmpty())
        return {};
    switch (target.backend) {
    case SendTarget::Backend::OtlpJson:
        return otlp(sample, Otlp::Encoding::Json);
    case SendTarget::Backend::OtlpProtobuf:
        return otlp(sample, Otlp::Encoding::Protobuf);
    case SendTarget::Backend::ClickHouse:
        break;
    }
    return clickHouse(sample, target.clickHouse);
}

} // namespace SendPayload
