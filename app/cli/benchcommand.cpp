#include "benchcommand.h"

#include "bench/codecbenchmark.h"
#include "exitcodes.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void printLine(FILE* stream, const QString& text)
{
    std::fprintf(stream, "%s\n", qUtf8Printable(text));
    std::fflush(stream);
}

int codec(const QCommandLineParser& parser)
{
    const int batch = parser.value(u"batch"_s).toInt();
    const double seconds = parser.value(u"seconds"_s).toDouble();
    if (batch <= 0 || seconds <= 0) {
        printLine(stderr, u"--batch and --seconds must be positive"_s);
        return ExitCode::usage;
    }
    if (!parser.isSet(u"json"_s))
        printLine(stdout,
            u"OTLP codec benchmark: batches of %1 realistic Automagik events, %2 s of CPU per operation, one thread"_s
                .arg(batch)
                .arg(seconds));
    CodecBenchmark benchmark(batch, seconds);
    QString error;
    const QList<CodecBenchmark::Result> results = benchmark.run(&error);
    if (results.isEmpty()) {
        printLine(stderr, u"error: "_s + error);
        return ExitCode::failure;
    }
    auto rate = [&](const QString& operation) {
        for (const auto& result : results) {
            if (result.operation == operation)
                return result.spansPerCpuSecond();
        }
        return 0.0;
    };
    const double encodeRatio = rate(u"protobuf encode"_s) / rate(u"json encode"_s);
    const double decodeRatio = rate(u"protobuf decode"_s) / rate(u"json decode"_s);
    if (parser.isSet(u"json"_s)) {
        QJsonArray rows;
        for (const auto& result : results) {
            rows.append(QJsonObject { { u"operation"_s, result.operation },
                { u"spans_per_cpu_second"_s, result.spansPerCpuSecond() },
                { u"bytes_per_span"_s, double(result.bytesPerBatch) / batch }, { u"cpu_seconds"_s, result.cpuSeconds },
                { u"wall_seconds"_s, result.wallSeconds } });
        }
        const QJsonObject report { { u"batch"_s, batch }, { u"results"_s, rows },
            { u"protobuf_vs_json_encode"_s, encodeRatio }, { u"protobuf_vs_json_decode"_s, decodeRatio } };
        printLine(stdout, QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)));
        return ExitCode::success;
    }
    printLine(stdout, u"%1 %2 %3"_s.arg(u"operation"_s, -18).arg(u"spans/s/core"_s, 14).arg(u"bytes/span"_s, 11));
    for (const auto& result : results) {
        printLine(stdout,
            u"%1 %2 %3"_s.arg(result.operation, -18)
                .arg(QString::number(result.spansPerCpuSecond(), 'f', 0), 14)
                .arg(QString::number(double(result.bytesPerBatch) / batch, 'f', 1), 11));
    }
    printLine(stdout,
        u"ratio protobuf/json: encode %1x, decode %2x"_s.arg(encodeRatio, 0, 'f', 2).arg(decodeRatio, 0, 'f', 2));
    return ExitCode::success;
}
} // namespace

namespace BenchCommand {

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmarks that print ratios measured in one run. Targets: codec."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"target"_s, u"codec"_s);
    parser.addOption({ u"batch"_s, u"Events per batch (default 1000)."_s, u"n"_s, u"1000"_s });
    parser.addOption({ u"seconds"_s, u"CPU seconds per operation (default 2)."_s, u"s"_s, u"2"_s });
    parser.addOption({ u"json"_s, u"Print one JSON object instead of a table."_s });
    if (!parser.parse(QStringList { u"automagik-workbench bench"_s } + arguments)) {
        printLine(stderr, parser.errorText());
        return ExitCode::usage;
    }
    if (parser.isSet(u"help"_s)) {
        printLine(stdout, parser.helpText());
        return ExitCode::success;
    }
    const QString target = parser.positionalArguments().value(0);
    if (target == u"codec"_s)
        return codec(parser);
    printLine(stderr, u"bench: unknown target \"%1\" (known: codec)"_s.arg(target));
    return ExitCode::usage;
}

} // namespace BenchCommand
