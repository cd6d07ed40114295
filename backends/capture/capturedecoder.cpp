#include "capturedecoder.h"

#include "clickhouserowreader.h"
#include "common/jsonreader.h"
#include "common/jsonview.h"
#include "common/zstd.h"
#include "otlp/otlpcodec.h"
#include "otlp/otlpjsonlogs.h"
#include "otlp/otlpjsonmetrics.h"
#include "otlp/otlpjsontraces.h"

#include <QStringList>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace CaptureDecoder {
namespace {
constexpr qsizetype maxDecompressedBytes = qsizetype(256) << 20;

/// Moves a decoded signal into the batch: records, the decoder's error, each refused record.
template<typename Record>
bool take(DecodedBatch<Record>&& decoded, const CaptureItem& item, QList<Record>* records, CaptureBatch* batch)
{
    if (!decoded.ok()) {
        batch->problems.append({ item.number, decoded.error });
        return false;
    }
    for (const QString& why : std::as_const(decoded.rejections))
        batch->problems.append({ item.number, u"record refused: "_s + why });
    if (decoded.rejected > decoded.rejections.size()) {
        batch->problems.append(
            { item.number, u"%1 more records refused"_s.arg(decoded.rejected - decoded.rejections.size()) });
    }
    records->append(std::move(decoded.records));
    return true;
}

/// A row of a ClickHouse JSONEachRow export of the upstream tables; false when it is none.
bool decodeClickHouseRow(const CaptureItem& item, const JsonView& row, CaptureBatch* batch)
{
    QString error;
    switch (ClickHouseRowReader::tableOf(row)) {
    case ClickHouseRowReader::Table::None:
        return false;
    case ClickHouseRowReader::Table::Traces:
        if (SpanRecord span; ClickHouseRowReader::readSpan(row, &span, &error))
            batch->spans.append(std::move(span));
        break;
    case ClickHouseRowReader::Table::Metrics:
        if (MetricPoint point; ClickHouseRowReader::readMetric(row, &point, &error))
            batch->metrics.append(std::move(point));
        break;
    case ClickHouseRowReader::Table::Logs:
        if (LogRecord log; ClickHouseRowReader::readLog(row, &log, &error))
            batch->logs.append(std::move(log));
        break;
    }
    if (!error.isEmpty())
        batch->problems.append({ item.number, error });
    return true;
}

void decodeJson(const CaptureItem& item, QByteArrayView bytes, CaptureBatch* batch)
{
    JsonReader reader;
    if (!reader.validate(bytes)) {
        batch->problems.append({ item.number, reader.error() });
        return;
    }
    const JsonView root = JsonView::root(bytes);
    if (!root.isObject()) {
        batch->problems.append({ item.number, u"expected an object (TracesData, MetricsData or LogsData)"_s });
        return;
    }
    // One walk over the root: each signal's list is decoded where it lies, so the line is read once.
    bool signal = false;
    QStringList others;
    root.forEachMember([&](QByteArrayView name, const JsonView& value) {
        if (name == "resourceSpans" || name == "resource_spans")
            take(OtlpJson::decodeTraceList(value), item, &batch->spans, batch);
        else if (name == "resourceMetrics" || name == "resource_metrics")
            take(OtlpJson::decodeMetricList(value), item, &batch->metrics, batch);
        else if (name == "resourceLogs" || name == "resource_logs")
            take(OtlpJson::decodeLogList(value), item, &batch->logs, batch);
        else {
            if (others.size() < 5)
                others.append(QString::fromUtf8(name.first(qMin<qsizetype>(name.size(), 40))));
            return true;
        }
        signal = true;
        return true;
    });
    if (signal || decodeClickHouseRow(item, root, batch))
        return;
    batch->problems.append({ item.number,
        u"no resourceSpans, resourceMetrics or resourceLogs in the line, and not a row of the traces, "
        "metrics or logs tables (it has: %1)"_s.arg(others.isEmpty() ? u"nothing"_s : others.join(u", "_s)) });
}

template<typename Record>
bool fitsCleanly(const DecodedBatch<Record>& decoded)
{
    return decoded.ok() && decoded.rejected == 0 && !decoded.records.isEmpty();
}

void decodeProtobuf(const CaptureItem& item, QByteArrayView bytes, Signal signal, CaptureBatch* batch)
{
    switch (signal) {
    case Signal::Traces:
        take(OtlpCodec::decodeTraces(bytes, Encoding::Protobuf), item, &batch->spans, batch);
        return;
    case Signal::Metrics:
        take(OtlpCodec::decodeMetrics(bytes, Encoding::Protobuf), item, &batch->metrics, batch);
        return;
    case Signal::Logs:
        take(OtlpCodec::decodeLogs(bytes, Encoding::Protobuf), item, &batch->logs, batch);
        return;
    case Signal::Any:
        break;
    }
    // The three messages share their outer field numbers; the records inside tell them apart (a
    // span's first field is a 16-byte id, a metric's a name, a log record's a fixed64 time).
    auto spans = OtlpCodec::decodeTraces(bytes, Encoding::Protobuf);
    if (fitsCleanly(spans)) {
        take(std::move(spans), item, &batch->spans, batch);
        return;
    }
    auto logs = OtlpCodec::decodeLogs(bytes, Encoding::Protobuf);
    if (fitsCleanly(logs)) {
        take(std::move(logs), item, &batch->logs, batch);
        return;
    }
    auto metrics = OtlpCodec::decodeMetrics(bytes, Encoding::Protobuf);
    if (fitsCleanly(metrics)) {
        take(std::move(metrics), item, &batch->metrics, batch);
        return;
    }
    if (spans.ok() && logs.ok() && metrics.ok() && spans.records.isEmpty() && logs.records.isEmpty()
        && metrics.records.isEmpty() && spans.rejected == 0 && logs.rejected == 0 && metrics.rejected == 0)
        return; // an empty message: nothing to read, nothing wrong
    batch->problems.append({ item.number,
        u"not a TracesData, MetricsData or LogsData message (as traces: %1)"_s.arg(
            spans.ok() ? (spans.rejections.isEmpty() ? u"no spans"_s : spans.rejections.first()) : spans.error) });
}
} // namespace

CaptureBatch decode(const CaptureItem& item, const Options& options)
{
    CaptureBatch batch;
    batch.items = 1;
    batch.bytes = item.bytes.size();
    if (!item.problem.isEmpty()) {
        batch.problems.append({ item.number, item.problem });
        return batch;
    }
    QByteArrayView bytes = item.bytes;
    QByteArray inflated;
    if (Zstd::hasMagic(bytes)) {
        QString error;
        if (!ZstdInflateStream::decompress(bytes, &inflated, maxDecompressedBytes, &error)) {
            batch.problems.append({ item.number, error });
            return batch;
        }
        bytes = inflated;
        batch.bytes = inflated.size();
    }
    // Messages are protobuf unless they hold JSON (the exporter's compressed JSON variant).
    const bool json = options.lines || (!bytes.isEmpty() && bytes.front() == '{');
    if (json)
        decodeJson(item, bytes, &batch);
    else
        decodeProtobuf(item, bytes, options.protobufSignal, &batch);
    return batch;
}

} // namespace CaptureDecoder
