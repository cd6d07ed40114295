#include "common/gzip.h"
#include "otlp/otlpcodec.h"
#include "otlp/otlpexportresponse.h"
#include "recordsamples.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

Q_DECLARE_METATYPE(Otlp::Encoding)
Q_DECLARE_METATYPE(Otlp::Signal)

namespace {
/// Names the first field that differs, so a failure says more than "not equal".
template<typename Record>
QString firstDifference(const QList<Record>& expected, const QList<Record>& actual)
{
    if (expected.size() != actual.size())
        return u"%1 records instead of %2"_s.arg(actual.size()).arg(expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (!(expected.at(i) == actual.at(i)))
            return u"record %1 differs"_s.arg(i);
    }
    return {};
}

template<typename Record>
void compareRecords(const QList<Record>& expected, const QList<Record>& actual)
{
    const QString difference = firstDifference(expected, actual);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}
} // namespace

class TestOtlpCodecRoundTrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodings_data();
    void traces_data() { encodings_data(); }
    void traces();
    void metrics_data() { encodings_data(); }
    void metrics();
    void logs_data() { encodings_data(); }
    void logs();
    void spanFieldsOneByOne_data() { encodings_data(); }
    void spanFieldsOneByOne();
    void throughGzip_data() { encodings_data(); }
    void throughGzip();
    void emptyRequests_data() { encodings_data(); }
    void emptyRequests();
    void exportResponses_data();
    void exportResponses();
    void statusBodies_data() { encodings_data(); }
    void statusBodies();
};

void TestOtlpCodecRoundTrip::encodings_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addRow("protobuf") << Encoding::Protobuf;
    QTest::addRow("json") << Encoding::Json;
}

void TestOtlpCodecRoundTrip::traces()
{
    QFETCH(Encoding, encoding);
    const QList<SpanRecord> spans = RecordSamples::spans();
    const auto decoded = OtlpCodec::decodeTraces(OtlpCodec::encodeTraces(spans, encoding), encoding);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.rejected, 0);
    compareRecords(spans, decoded.records);
    // Records that came in one envelope share one resource object after decoding.
    QCOMPARE(decoded.records.at(0).resource.get(), decoded.records.at(1).resource.get());
}

void TestOtlpCodecRoundTrip::metrics()
{
    QFETCH(Encoding, encoding);
    const QList<MetricPoint> points = RecordSamples::metrics();
    const auto decoded = OtlpCodec::decodeMetrics(OtlpCodec::encodeMetrics(points, encoding), encoding);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.rejected, 0);
    compareRecords(points, decoded.records);
}

void TestOtlpCodecRoundTrip::logs()
{
    QFETCH(Encoding, encoding);
    const QList<LogRecord> logs = RecordSamples::logs();
    const auto decoded = OtlpCodec::decodeLogs(OtlpCodec::encodeLogs(logs, encoding), encoding);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.rejected, 0);
    compareRecords(logs, decoded.records);
}

void TestOtlpCodecRoundTrip::spanFieldsOneByOne()
{
    // Equality over the whole record could hide two compensating mistakes; check the fields of
    // the richest span one at a time too.
    QFETCH(Encoding, encoding);
    const SpanRecord sent = RecordSamples::spans().first();
    const auto decoded = OtlpCodec::decodeTraces(OtlpCodec::encodeTraces({ sent }, encoding), encoding);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 1);
    const SpanRecord& got = decoded.records.first();
    QCOMPARE(got.traceId.toHex(), sent.traceId.toHex());
    QCOMPARE(got.spanId.toHex(), sent.spanId.toHex());
    QCOMPARE(got.parentSpanId.toHex(), sent.parentSpanId.toHex());
    QCOMPARE(got.traceState, sent.traceState);
    QCOMPARE(got.flags, sent.flags);
    QCOMPARE(got.name, sent.name);
    QCOMPARE(got.kind, sent.kind);
    QCOMPARE(got.startTimeUnixNano, sent.startTimeUnixNano);
    QCOMPARE(got.endTimeUnixNano, sent.endTimeUnixNano);
    QCOMPARE(got.attributes.size(), sent.attributes.size());
    for (qsizetype i = 0; i < sent.attributes.size(); ++i) {
        QCOMPARE(got.attributes.at(i).key, sent.attributes.at(i).key);
        QVERIFY2(got.attributes.at(i).value == sent.attributes.at(i).value, sent.attributes.at(i).key.constData());
    }
    QCOMPARE(got.droppedAttributesCount, sent.droppedAttributesCount);
    QCOMPARE(got.events, sent.events);
    QCOMPARE(got.droppedEventsCount, sent.droppedEventsCount);
    QCOMPARE(got.links, sent.links);
    QCOMPARE(got.droppedLinksCount, sent.droppedLinksCount);
    QCOMPARE(got.statusCode, sent.statusCode);
    QCOMPARE(got.statusMessage, sent.statusMessage);
    QCOMPARE(*got.resource, *sent.resource);
    QCOMPARE(*got.scope, *sent.scope);
    // Spot checks of values that are easy to get subtly wrong.
    const AttributeValue* maxInt = findAttribute(got.attributes, "int.max");
    QVERIFY(maxInt);
    QCOMPARE(maxInt->toInt(), std::numeric_limits<qint64>::max());
    const AttributeValue* negativeZero = findAttribute(got.attributes, "double.negative.zero");
    QVERIFY(negativeZero && std::signbit(negativeZero->toDouble()));
    QVERIFY(std::isnan(findAttribute(got.attributes, "double.nan")->toDouble()));
    QCOMPARE(findAttribute(got.attributes, "bytes")->bytes(), QByteArray("\x00\x01\xff\x00", 4));
    QCOMPARE(findAttribute(got.attributes, "empty.string")->type(), AttributeValue::Type::String);
    QCOMPARE(findAttribute(got.attributes, "empty.value")->type(), AttributeValue::Type::Empty);
}

void TestOtlpCodecRoundTrip::throughGzip()
{
    QFETCH(Encoding, encoding);
    const QList<SpanRecord> events = RecordSamples::realisticEvents(500);
    const QByteArray body = OtlpCodec::encodeTraces(events, encoding);
    const Gzip::Inflated inflated = Gzip::decompress(Gzip::compress(body), 64 << 20);
    QVERIFY2(inflated.ok(), qPrintable(inflated.error));
    const auto decoded = OtlpCodec::decodeTraces(inflated.data, encoding);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    compareRecords(events, decoded.records);
}

void TestOtlpCodecRoundTrip::emptyRequests()
{
    QFETCH(Encoding, encoding);
    const auto traces = OtlpCodec::decodeTraces(OtlpCodec::encodeTraces({}, encoding), encoding);
    QVERIFY2(traces.ok(), qPrintable(traces.error));
    QVERIFY(traces.records.isEmpty());
    const QByteArray emptyBody = encoding == Encoding::Json ? QByteArray("{}") : QByteArray();
    const auto noMetrics = OtlpCodec::decodeMetrics(emptyBody, encoding);
    QVERIFY2(noMetrics.ok(), qPrintable(noMetrics.error));
    QVERIFY(noMetrics.records.isEmpty());
    const auto noLogs = OtlpCodec::decodeLogs(emptyBody, encoding);
    QVERIFY2(noLogs.ok(), qPrintable(noLogs.error));
    QVERIFY(noLogs.records.isEmpty());
}

void TestOtlpCodecRoundTrip::exportResponses_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<Otlp::Signal>("signal");
    for (const auto& [encodingName, encoding] :
        { std::pair { "protobuf", Encoding::Protobuf }, std::pair { "json", Encoding::Json } }) {
        QTest::addRow("%s traces", encodingName) << encoding << Otlp::Signal::Traces;
        QTest::addRow("%s metrics", encodingName) << encoding << Otlp::Signal::Metrics;
        QTest::addRow("%s logs", encodingName) << encoding << Otlp::Signal::Logs;
    }
}

void TestOtlpCodecRoundTrip::exportResponses()
{
    QFETCH(Encoding, encoding);
    QFETCH(Otlp::Signal, signal);
    const QList<OtlpExportResponse> responses { {}, { true, 3, "3 spans had an all-zero trace id" },
        { true, 0, "warning only" }, { true, std::numeric_limits<qint64>::max(), "" } };
    for (const OtlpExportResponse& response : responses) {
        OtlpExportResponse decoded;
        QString error;
        QVERIFY2(OtlpExportResponse::decode(signal, encoding, response.encode(signal, encoding), &decoded, &error),
            qPrintable(error));
        QCOMPARE(decoded, response);
    }
    if (encoding == Encoding::Json) {
        QCOMPARE(OtlpExportResponse().encode(signal, encoding), QByteArray("{}"));
        OtlpExportResponse decoded;
        QString error;
        QVERIFY(OtlpExportResponse::decode(signal, encoding, R"({"partialSuccess":{}})", &decoded, &error));
        QVERIFY(decoded.partialSuccess);
        QCOMPARE(decoded.rejected, 0);
    }
}

void TestOtlpCodecRoundTrip::statusBodies()
{
    QFETCH(Encoding, encoding);
    const OtlpStatus status { 3, "resource_spans[0]: truncated varint at byte 12" };
    OtlpStatus decoded;
    QString error;
    QVERIFY2(OtlpStatus::decode(encoding, status.encode(encoding), &decoded, &error), qPrintable(error));
    QCOMPARE(decoded, status);
}

QTEST_GUILESS_MAIN(TestOtlpCodecRoundTrip)
#include "tst_otlpcodecroundtrip.moc"
