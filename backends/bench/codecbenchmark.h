#pragma once

#include <QList>
#include <QString>

/// Measures the OTLP codecs on a batch of realistic events: encode and decode, protobuf and JSON,
/// each op repeated for a fixed time on one thread, timed in thread CPU time (so "per core") and
/// in wall time. Results go side by side so ratios come from one run on one machine.
class CodecBenchmark final
{
public:
    struct Result
    {
        QString operation; ///< "protobuf encode", ...
        qint64 spans = 0; ///< spans processed in total
        double cpuSeconds = 0;
        double wallSeconds = 0;
        qsizetype bytesPerBatch = 0;

        double spansPerCpuSecond() const { return cpuSeconds > 0 ? double(spans) / cpuSeconds : 0; }
    };

    CodecBenchmark(int batchSize, double secondsPerOperation);

    /// Runs every operation; checks that every decode gives the batch back, field for field.
    QList<Result> run(QString* error);

private:
    int m_batchSize;
    double m_seconds;
};
