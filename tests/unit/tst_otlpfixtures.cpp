#include "common/gzip.h"
#include "common/jsonreader.h"
#include "otlp/otlpcodec.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace {
QByteArray readFixture(const QString& relative)
{
    QFile file(QStringLiteral(WORKBENCH_FIXTURES_DIR "/otlp-from-opentelemetry-js/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// The request body as the receiver would see it after Content-Encoding.
QByteArray body(const QString& folder, const QString& name)
{
    const QByteArray raw = readFixture(folder + u'/' + name);
    if (!folder.endsWith(u"gzip"_s))
        return raw;
    const Gzip::Inflated inflated = Gzip::decompress(raw, 1 << 20);
    if (!inflated.ok())
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(inflated.error));
    return inflated.data;
}

Encoding encodingOf(const QString& folder)
{
    return folder.startsWith(u"proto"_s) ? Encoding::Protobuf : Encoding::Json;
}

const SpanRecord* spanNamed(const QList<SpanRecord>& spans, QByteArrayView name)
{
    for (const SpanRecord& span : spans) {
        if (span.name == name)
            return &span;
    }
    return nullptr;
}
} // namespace

/// Requests recorded from the OpenTelemetry JS exporters (tests/fixtures/.../README.md), as golden
/// inputs: every encoding decodes to the values the emitter sent.
class TestOtlpFixtures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folders_data();
    void traces_data() { folders_data(); }
    void traces();
    void metrics_data() { folders_data(); }
    void metrics();
    void logs_data() { folders_data(); }
    void logs();
    void protobufMatchesTheJsDecoderField_data();
    void protobufMatchesTheJsDecoderField();
};

void TestOtlpFixtures::folders_data()
{
    QTest::addColumn<QString>("folder");
    for (const char* folder : { "json-none", "json-gzip", "proto-none", "proto-gzip" })
        QTest::newRow(folder) << QString::fromLatin1(folder);
}

void TestOtlpFixtures::traces()
{
    QFETCH(QString, folder);
    const auto decoded = OtlpCodec::decodeTraces(body(folder, u"002_v1_traces.body"_s), encodingOf(folder));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.rejected, 0);
    QCOMPARE(decoded.records.size(), 2);
    const SpanRecord* parent = spanNamed(decoded.records, "parent-op");
    const SpanRecord* child = spanNamed(decoded.records, "child-op");
    QVERIFY(parent && child);
    QCOMPARE(child->kind, Otlp::SpanKind::Client);
    QCOMPARE(child->statusCode, Otlp::StatusCode::Error);
    QCOMPARE(child->statusMessage, QByteArray("upstream failed"));
    QCOMPARE(child->flags, 257u);
    QCOMPARE(child->parentSpanId, parent->spanId);
    QCOMPARE(child->traceId, parent->traceId);
    QVERIFY(!parent->parentSpanId.isPresent());
    QCOMPARE(parent->kind, Otlp::SpanKind::Server);
    QVERIFY(parent->endTimeUnixNano > parent->startTimeUnixNano);
    QCOMPARE(findAttribute(parent->attributes, "attr.str")->stringUtf8(), QByteArray("hello"));
    QCOMPARE(findAttribute(parent->attributes, "attr.int")->type(), AttributeValue::Type::Int);
    QCOMPARE(findAttribute(parent->attributes, "attr.int")->toInt(), 42);
    QCOMPARE(findAttribute(parent->attributes, "attr.double")->toDouble(), 3.25);
    QCOMPARE(findAttribute(parent->attributes, "attr.bool")->toBool(), true);
    const AttributeArray& ints = findAttribute(parent->attributes, "attr.int_arr")->array();
    QCOMPARE(ints.size(), 3);
    QCOMPARE(ints.at(2).toInt(), 3);
    QCOMPARE(findAttribute(parent->attributes, "attr.bool_arr")->array().at(1).toBool(), false);
    QCOMPARE(parent->events.size(), 1);
    QCOMPARE(parent->events.first().name, QByteArray("cache.miss"));
    QCOMPARE(findAttribute(parent->events.first().attributes, "event.count")->toInt(), 7);
    QCOMPARE(findAttribute(parent->resource->attributes, "service.name")->stringUtf8(), QByteArray("oteljs-peer"));
    QCOMPARE(findAttribute(parent->resource->attributes, "project.name")->stringUtf8(), QByteArray("cpp-otlp-tests"));
    QCOMPARE(parent->scope->name, QByteArray("oteljs.test"));
    QCOMPARE(parent->scope->version, QByteArray("0.0.1"));
}

void TestOtlpFixtures::metrics()
{
    QFETCH(QString, folder);
    const auto decoded = OtlpCodec::decodeMetrics(body(folder, u"003_v1_metrics.body"_s), encodingOf(folder));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 5);
    const MetricPoint& requestsA = decoded.records.at(0);
    QCOMPARE(requestsA.name, QByteArray("test.requests"));
    QCOMPARE(requestsA.description, QByteArray("requests"));
    QCOMPARE(requestsA.unit, QByteArray("{request}"));
    QCOMPARE(requestsA.type, MetricPoint::Type::Sum);
    QCOMPARE(requestsA.temporality, Otlp::AggregationTemporality::Cumulative);
    QVERIFY(requestsA.isMonotonic);
    QCOMPARE(requestsA.valueKind, NumberKind::Double);
    QCOMPARE(requestsA.asDouble, 3.0);
    QCOMPARE(decoded.records.at(1).asDouble, 2.0);
    QCOMPARE(findAttribute(decoded.records.at(1).attributes, "route")->stringUtf8(), QByteArray("/b"));
    const MetricPoint& bytes = decoded.records.at(2);
    QCOMPARE(bytes.name, QByteArray("test.bytes"));
    QCOMPARE(bytes.valueKind, NumberKind::Int);
    QCOMPARE(bytes.asInt, 1024);
    const MetricPoint& temperature = decoded.records.at(3);
    QCOMPARE(temperature.type, MetricPoint::Type::Gauge);
    QCOMPARE(temperature.asDouble, 21.5);
    const MetricPoint& latency = decoded.records.at(4);
    QCOMPARE(latency.type, MetricPoint::Type::Histogram);
    QCOMPARE(latency.count, 4u);
    QCOMPARE(latency.sum, std::optional<double>(555.5));
    QCOMPARE(latency.min, std::optional<double>(0.5));
    QCOMPARE(latency.max, std::optional<double>(500));
    QCOMPARE(latency.bucketCounts, (QList<quint64> { 1, 1, 1, 1 }));
    QCOMPARE(latency.explicitBounds, (QList<double> { 1, 10, 100 }));
}

void TestOtlpFixtures::logs()
{
    QFETCH(QString, folder);
    const auto decoded = OtlpCodec::decodeLogs(body(folder, u"001_v1_logs.body"_s), encodingOf(folder));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 6);
    const QList<qint32> severities { 5, 9, 13, 17, 21, 9 };
    for (qsizetype i = 0; i < severities.size(); ++i)
        QCOMPARE(decoded.records.at(i).severityNumber, severities.at(i));
    QCOMPARE(decoded.records.at(0).body.stringUtf8(), QByteArray("message at DEBUG"));
    QCOMPARE(decoded.records.at(3).severityText, QByteArray("ERROR"));
    QCOMPARE(findAttribute(decoded.records.at(2).attributes, "log.int")->toInt(), 13);
    const LogRecord& structured = decoded.records.at(5);
    QCOMPARE(structured.body.type(), AttributeValue::Type::KeyValueList);
    QCOMPARE(findAttribute(structured.body.keyValueList(), "k")->stringUtf8(), QByteArray("structured"));
    QCOMPARE(findAttribute(structured.body.keyValueList(), "n")->toInt(), 1);
    QVERIFY(structured.traceId.isValid());
    QVERIFY(structured.spanId.isValid());
    QCOMPARE(structured.flags, 1u);
    QVERIFY(!decoded.records.at(0).traceId.isPresent());
}

void TestOtlpFixtures::protobufMatchesTheJsDecoderField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records"); // as many as traces(), metrics() and logs() find
    QTest::newRow("traces") << u"/v1/traces"_s << u"002_v1_traces.body"_s << 2;
    QTest::newRow("metrics") << u"/v1/metrics"_s << u"003_v1_metrics.body"_s << 5;
    QTest::newRow("logs") << u"/v1/logs"_s << u"001_v1_logs.body"_s << 6;
}

void TestOtlpFixtures::protobufMatchesTheJsDecoderField()
{
    // decoded-proto-none.json is what the OpenTelemetry JS protobuf definitions made of the
    // proto-none bodies. Our protobuf decoder must read exactly the same records from the bytes.
    QFETCH(QString, path);
    QFETCH(QString, file);
    QFETCH(int, records);
    JsonValue reference;
    JsonReader reader;
    QVERIFY2(reader.parse(readFixture(u"decoded-proto-none.json"_s), &reference), qPrintable(reader.error()));
    const JsonValue* request = reference.member(path.toUtf8());
    QVERIFY(request);
    // Just that request's text, for the OTLP/JSON decoder.
    const QByteArray json = readFixture(u"decoded-proto-none.json"_s).mid(request->offset(), request->length());
    const QByteArray proto = body(u"proto-none"_s, file);
    if (path == u"/v1/traces"_s) {
        const auto fromJs = OtlpCodec::decodeTraces(json, Encoding::Json);
        const auto ours = OtlpCodec::decodeTraces(proto, Encoding::Protobuf);
        QVERIFY2(fromJs.ok() && ours.ok(), qPrintable(fromJs.error + ours.error));
        QCOMPARE(fromJs.records.size(), records); // two empty lists would be equal too
        QCOMPARE(ours.records.size(), records);
        QVERIFY(ours.records == fromJs.records);
    } else if (path == u"/v1/metrics"_s) {
        const auto fromJs = OtlpCodec::decodeMetrics(json, Encoding::Json);
        const auto ours = OtlpCodec::decodeMetrics(proto, Encoding::Protobuf);
        QVERIFY2(fromJs.ok() && ours.ok(), qPrintable(fromJs.error + ours.error));
        QCOMPARE(fromJs.records.size(), records); // two empty lists would be equal too
        QCOMPARE(ours.records.size(), records);
        QVERIFY(ours.records == fromJs.records);
    } else {
        const auto fromJs = OtlpCodec::decodeLogs(json, Encoding::Json);
        const auto ours = OtlpCodec::decodeLogs(proto, Encoding::Protobuf);
        QVERIFY2(fromJs.ok() && ours.ok(), qPrintable(fromJs.error + ours.error));
        QCOMPARE(fromJs.records.size(), records); // two empty lists would be equal too
        QCOMPARE(ours.records.size(), records);
        QVERIFY(ours.records == fromJs.records);
    }
}

QTEST_GUILESS_MAIN(TestOtlpFixtures)
#include "tst_otlpfixtures.moc"
