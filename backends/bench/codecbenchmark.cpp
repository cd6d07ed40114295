#include "codecbenchmark.h"

#include "otlp/otlpcodec.h"
#include "telemetry/sampleevents.h"

#include <QElapsedTimer>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {
double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

/// Repeats `operation` until `seconds` of CPU time have passed (at least three times).
template<typename Operation>
CodecBenchmark::Result measure(const QString& name, int batchSize, double seconds, Operation operation)
{
    CodecBenchmark::Result result;
    result.operation = name;
    QElapsedTimer wall;
    wall.start();
    const double cpuStart = threadCpuSeconds();
    int rounds = 0;
    do {
        operation();
        ++rounds;
    } while (rounds < 3 || threadCpuSeconds() - cpuStart < seconds);
    result.cpuSeconds = threadCpuSeconds() - cpuStart;
    result.wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    result.spans = qint64(rounds) * batchSize;
    return result;
}
} // namespace

CodecBenchmark::CodecBenchmark(int batchSize, double secondsPerOperation)
    : m_batchSize(batchSize)
    , m_seconds(secondsPerOperation)
{ }

QList<CodecBenchmark::Result> CodecBenchmark::run(QString* error)
{
    const QList<SpanRecord> batch = SampleEvents::automagikEvents(m_batchSize);
    QList<Result> results;
    for (Otlp::Encoding encoding : { Otlp::Encoding::Protobuf, Otlp::Encoding::Json }) {
        const QString name = encoding == Otlp::Encoding::Protobuf ? u"protobuf"_s : u"json"_s;
        const QByteArray body = OtlpCodec::encodeTraces(batch, encoding);
        const auto check = OtlpCodec::decodeTraces(body, encoding);
        if (!check.ok() || !(check.records == batch)) {
            *error = u"%1: the batch does not survive a round trip (%2)"_s.arg(name, check.error);
            return {};
        }
        qsizetype sink = 0; // keeps the optimiser from dropping the work
        Result encode = measure(name + u" encode"_s, m_batchSize, m_seconds,
            [&] { sink += OtlpCodec::encodeTraces(batch, encoding).size(); });
        encode.bytesPerBatch = body.size();
        Result decode = measure(name + u" decode"_s, m_batchSize, m_seconds,
            [&] { sink += OtlpCodec::decodeTraces(body, encoding).records.size(); });
        decode.bytesPerBatch = body.size();
        if (sink == 0) {
            *error = u"nothing was encoded"_s;
            return {};
        }
        results << encode << decode;
    }
    return results;
}
