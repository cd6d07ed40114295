#include "capture/capturereader.h"
#include "common/gzip.h"
#include "common/zstd.h"
#include "otlp/otlpcodec.h"
#include "recordsamples.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace {
QByteArray fixture(const char* encoding, const char* name)
{
    QFile file(QLatin1StringView(WORKBENCH_FIXTURES_DIR "/otlp-from-opentelemetry-js/") + QLatin1StringView(encoding)
        + u'/' + QLatin1StringView(name) + u".body"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s/%s", encoding, name);
    return file.readAll();
}

/// The file exporter's proto framing: each message after its length, 4 bytes big-endian.
QByteArray framed(const QList<QByteArray>& messages)
{
    QByteArray out;
    for (const QByteArray& message : messages) {
        char length[4];
        qToBigEndian(quint32(message.size()), length);
        out.append(length, 4).append(message);
    }
    return out;
}

struct ReadResult
{
    CaptureBatch batch;
    QString error;
};

ReadResult readAll(const QString& path, CaptureReader::Options options = {})
{
    ReadResult result;
    CaptureReader reader(options);
    if (!reader.open(path, &result.error))
        return result;
    CaptureBatch block;
    while (reader.next(&block))
        result.batch.append(std::move(block));
    result.error = reader.error();
    return result;
}

QString write(const QTemporaryDir& folder, const QString& name, const QByteArray& bytes)
{
    const QString path = folder.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray spanLine(int index)
{
    QList<SpanRecord> spans = RecordSamples::realisticEvents(1);
    spans.first().name = "event-" + QByteArray::number(index);
    return OtlpCodec::encodeTraces(spans, Encoding::Json);
}
} // namespace

/// Reading captures: the OpenTelemetry file format (JSON Lines and the Collector file exporter's
/// length-prefixed proto, whole-file gzip or zstd, per-message zstd), bad lines reported by
/// number and reason while every good line is kept, and file order kept across parallel decoding.
class TestCaptureReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsJsonLinesOfTheJsSerializer_data();
    void readsJsonLinesOfTheJsSerializer();
    void readsTheFileExportersProtoFraming_data();
    void readsTheFileExportersProtoFraming();
    void reportsBadLinesAndKeepsTheGoodOnes_data();
    void reportsBadLinesAndKeepsTheGoodOnes();
    void skipsALineOverTheLimitWithoutHoldingIt();
    void keepsFileOrderAcrossBlocksAndThreads();
    void recordsShareEqualResourcesAndScopes();
    void reportsAProtoFileCutShort();
    void failsOnAMissingFile();

private:
    QTemporaryDir m_folder;
};

void TestCaptureReader::readsJsonLinesOfTheJsSerializer_data()
{
    QTest::addColumn<QString>("compression");
    QTest::addRow("plain") << u"none"_s;
    QTest::addRow("gzip") << u"gzip"_s;
    QTest::addRow("zstd stream") << u"zstd"_s;
    QTest::addRow("CRLF, blank lines and a byte order mark") << u"crlf"_s;
}

void TestCaptureReader::readsJsonLinesOfTheJsSerializer()
{
    QFETCH(QString, compression);
    const QByteArray logs = fixture("json-none", "001_v1_logs");
    const QByteArray traces = fixture("json-none", "002_v1_traces");
    const QByteArray metrics = fixture("json-none", "003_v1_metrics");
    QByteArray text = logs + '\n' + traces + '\n' + metrics + '\n';
    if (compression == u"crlf"_s)
        text = "\xEF\xBB\xBF" + logs + "\r\n\r\n  \n" + traces + "\r\n" + metrics;
    else if (compression == u"gzip"_s)
        text = Gzip::compress(text);
    else if (compression == u"zstd"_s)
        text = Zstd::compress(text);
    const ReadResult result = readAll(write(m_folder, u"js-"_s + compression + u".jsonl"_s, text));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.batch.problems.isEmpty());
    QCOMPARE(result.batch.logs, OtlpCodec::decodeLogs(logs, Encoding::Json).records);
    QCOMPARE(result.batch.spans, OtlpCodec::decodeTraces(traces, Encoding::Json).records);
    QCOMPARE(result.batch.metrics, OtlpCodec::decodeMetrics(metrics, Encoding::Json).records);
    QVERIFY(!result.batch.logs.isEmpty() && !result.batch.spans.isEmpty() && !result.batch.metrics.isEmpty());
}

void TestCaptureReader::readsTheFileExportersProtoFraming_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addRow("proto") << u"proto"_s;
    QTest::addRow("proto, each message zstd") << u"zstd-messages"_s;
    QTest::addRow("proto, the file one zstd stream") << u"zstd-stream"_s;
    QTest::addRow("JSON, each message zstd") << u"json-zstd-messages"_s;
}

void TestCaptureReader::readsTheFileExportersProtoFraming()
{
    QFETCH(QString, variant);
    const bool json = variant.startsWith(u"json"_s);
    const char* folder = json ? "json-none" : "proto-none";
    QList<QByteArray> messages = { fixture(folder, "002_v1_traces"), fixture(folder, "001_v1_logs"),
        fixture(folder, "003_v1_metrics") };
    const Encoding encoding = json ? Encoding::Json : Encoding::Protobuf;
    const auto spans = OtlpCodec::decodeTraces(messages.at(0), encoding).records;
    const auto logs = OtlpCodec::decodeLogs(messages.at(1), encoding).records;
    const auto metrics = OtlpCodec::decodeMetrics(messages.at(2), encoding).records;
    if (variant.contains(u"zstd-messages"_s)) {
        for (QByteArray& message : messages)
            message = Zstd::compress(message);
    }
    QByteArray file = framed(messages);
    if (variant == u"zstd-stream"_s)
        file = Zstd::compress(file);
    const ReadResult result = readAll(write(m_folder, variant + u".binpb"_s, file));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY2(result.batch.problems.isEmpty(), qPrintable(result.batch.problems.value(0).reason));
    // Protobuf messages do not say their signal: each is recognised by the records inside.
    QCOMPARE(result.batch.spans, spans);
    QCOMPARE(result.batch.logs, logs);
    QCOMPARE(result.batch.metrics, metrics);
    QCOMPARE(result.batch.items, 3);
}

void TestCaptureReader::reportsBadLinesAndKeepsTheGoodOnes_data()
{
    QTest::addColumn<QByteArray>("badLine");
    QTest::addColumn<QString>("reason");
    const QByteArray good = spanLine(0);
    QTest::addRow("truncated JSON") << good.left(good.size() / 2) << u"JSON error at byte"_s;
    QTest::addRow("wrong type") << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"name":7}]}]}]})")
                                << u"resourceSpans[0].scopeSpans[0].spans[0].name: expected a string, got a number"_s;
    QTest::addRow("invalid UTF-8") << QByteArray("{\"resourceSpans\":[],\"x\":\"\xc3\x28\"}")
                                   << u"invalid UTF-8 in a string"_s;
    QTest::addRow("a 10 MB line") << QByteArray(10 << 20, 'x') << u"unexpected character 'x'"_s;
    QTest::addRow("unknown top-level key")
        << QByteArray(R"({"resourceThings":[1]})")
        << u"no resourceSpans, resourceMetrics or resourceLogs in the line, and not a row of the traces, metrics or logs tables (it has: resourceThings)"_s;
    QTest::addRow("not an object") << QByteArray("[1,2,3]") << u"expected an object"_s;
    QTest::addRow("an invalid span id refuses that record")
        << QByteArray(
               R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"zz","name":"x"}]}]}]})")
        << u"record refused: resourceSpans[0].scopeSpans[0].spans[0]: spanId \"zz\" is not 16 hex digits"_s;
}

void TestCaptureReader::reportsBadLinesAndKeepsTheGoodOnes()
{
    QFETCH(QByteArray, badLine);
    QFETCH(QString, reason);
    const QByteArray text = spanLine(1) + '\n' + badLine + '\n' + spanLine(3) + '\n';
    const ReadResult result = readAll(write(m_folder, u"bad.jsonl"_s, text));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.batch.spans.size(), 2);
    QCOMPARE(result.batch.spans.at(0).name, QByteArray("event-1"));
    QCOMPARE(result.batch.spans.at(1).name, QByteArray("event-3"));
    QCOMPARE(result.batch.problems.size(), 1);
    QCOMPARE(result.batch.problems.first().item, 2);
    QVERIFY2(result.batch.problems.first().reason.contains(reason), qPrintable(result.batch.problems.first().reason));
}

void TestCaptureReader::skipsALineOverTheLimitWithoutHoldingIt()
{
    const QByteArray text = spanLine(1) + '\n' + QByteArray(3 << 20, ' ') + "{}\n" + spanLine(3);
    CaptureReader::Options options;
    options.maxItemBytes = 1 << 20;
    const ReadResult result = readAll(write(m_folder, u"long.jsonl"_s, text), options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.batch.spans.size(), 2);
    QCOMPARE(
        result.batch.problems, (QList<CaptureProblem> { { 2, u"line longer than %1 bytes: skipped"_s.arg(1 << 20) } }));
}

void TestCaptureReader::keepsFileOrderAcrossBlocksAndThreads()
{
    QByteArray text;
    for (int i = 0; i < 3000; ++i)
        text += spanLine(i) + '\n';
    CaptureReader::Options options;
    options.blockBytes = 64 * 1024; // many blocks
    options.threads = 4;
    const ReadResult result = readAll(write(m_folder, u"order.jsonl"_s, text), options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.batch.spans.size(), 3000);
    for (int i = 0; i < 3000; ++i)
        QCOMPARE(result.batch.spans.at(i).name, "event-" + QByteArray::number(i));
    QCOMPARE(result.batch.items, 3000);
}

void TestCaptureReader::recordsShareEqualResourcesAndScopes()
{
    // Each line is its own request, with its own resource: equal ones become one object, across
    // lines and blocks, so a replay tags it and the mapper reads its columns once.
    auto line = [](const QByteArray& service, const QByteArray& scopeName) -> QByteArray {
        SpanRecord span = RecordSamples::realisticEvents(1).first();
        auto resource = std::make_shared<Resource>();
        resource->attributes.append({ "service.name", AttributeValue::fromString(service) });
        span.resource = std::move(resource);
        auto scope = std::make_shared<InstrumentationScope>();
        scope->name = scopeName;
        span.scope = std::move(scope);
        return OtlpCodec::encodeTraces({ span, span }, Encoding::Json) + '\n';
    };
    const QByteArray text = line("a", "lib") + line("a", "lib") + line("b", "lib") + line("a", "other")
        + QByteArray(70 * 1024, '\n') + line("a", "lib"); // the last one in a later block
    CaptureReader::Options options;
    options.blockBytes = 64 * 1024;
    const ReadResult result = readAll(write(m_folder, u"shared.jsonl"_s, text), options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    const QList<SpanRecord>& spans = result.batch.spans;
    QCOMPARE(spans.size(), 10);
    for (const int i : { 1, 2, 3, 6, 7, 8, 9 })
        QCOMPARE(spans.at(i).resource.get(), spans.at(0).resource.get());
    QCOMPARE(serviceNameOf(spans.at(4).resource), QByteArrayView("b"));
    QCOMPARE(spans.at(5).resource.get(), spans.at(4).resource.get());
    QVERIFY(spans.at(4).resource.get() != spans.at(0).resource.get());
    for (const int i : { 1, 2, 3, 4, 5, 8, 9 })
        QCOMPARE(spans.at(i).scope.get(), spans.at(0).scope.get());
    QCOMPARE(spans.at(6).scope->name, QByteArray("other"));
    QCOMPARE(spans.at(7).scope.get(), spans.at(6).scope.get());
}

void TestCaptureReader::reportsAProtoFileCutShort()
{
    const QByteArray message = fixture("proto-none", "002_v1_traces");
    const QByteArray file = framed({ message, message });
    const ReadResult result = readAll(write(m_folder, u"cut.binpb"_s, file.chopped(10)));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.batch.spans, OtlpCodec::decodeTraces(message, Encoding::Protobuf).records);
    QCOMPARE(result.batch.problems,
        (QList<CaptureProblem> { { 2,
            u"the file ends inside a message (%1 of %2 bytes)"_s.arg(message.size() - 10).arg(message.size()) } }));
}

void TestCaptureReader::failsOnAMissingFile()
{
    CaptureReader reader;
    QString error;
    QVERIFY(!reader.open(m_folder.filePath(u"nothing.jsonl"_s), &error));
    QVERIFY2(error.contains(u"cannot open"_s) && error.contains(u"nothing.jsonl"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCaptureReader)
#include "tst_capturereader.moc"
