#include "capture/sendpayload.h"
#include "common/jsonindent.h"
#include "otlp/otlpcodec.h"
#include "otlp/otlpprotobufdump.h"
#include "telemetry/sdkrecordbuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// What the Send page shows as a send's payload: JSON laid out without changing a byte of its
/// tokens, protobuf field by field with the OTLP names, and the ClickHouse row.
class TestSendPayload final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indentChangesOnlyWhitespace_data();
    void indentChangesOnlyWhitespace();
    void protobufIsShownFieldByField();
    void protobufThatDoesNotDecodeShowsWhereItStops();
    void eachBackendShowsItsOwnForm();

private:
    SdkRecordBuilder m_builder { [] {
                                    SdkIdentity identity;
                                    identity.projectName = u"payload-test"_s;
                                    identity.projectVersion = u"1.0.0"_s;
                                    identity.resourceAttributes = { { u"cloud.region"_s, u"eu-west-1"_s },
                                        { u"shard"_s, 7 }, { u"service.name"_s, u"renamed"_s } };
                                    return identity;
                                }(),
        SystemInfo::current(SdkIdentity::Flavor::Python) };
};

void TestSendPayload::indentChangesOnlyWhitespace_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true,null]})")
                            << QByteArray("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ]\n}");
    QTest::newRow("keys keep their order")
        << QByteArray(R"({"z":1,"a":2})") << QByteArray("{\n  \"z\": 1,\n  \"a\": 2\n}");
    QTest::newRow("empty containers") << QByteArray(R"({"a":{},"b":[ ]})")
                                      << QByteArray("{\n  \"a\": {},\n  \"b\": []\n}");
    QTest::newRow("strings untouched") << QByteArray(R"(["a, b: {c}","q\"u,o"])")
                                       << QByteArray("[\n  \"a, b: {c}\",\n  \"q\\\"u,o\"\n]");
    QTest::newRow("64-bit numbers exact")
        << QByteArray(R"({"t":1732960000123456789})") << QByteArray("{\n  \"t\": 1732960000123456789\n}");
    QTest::newRow("whitespace replaced") << QByteArray("{ \"a\" :\n 1 }") << QByteArray("{\n  \"a\": 1\n}");
    QTest::newRow("not JSON is kept") << QByteArray("{\"a\":") << QByteArray("{\n  \"a\": ");
}

void TestSendPayload::indentChangesOnlyWhitespace()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonIndent::indent(json), expected);
}

void TestSendPayload::protobufIsShownFieldByField()
{
    const SpanRecord span = m_builder.trackError(u"ValueError"_s, u"bad \"input\""_s, { { u"plan"_s, u"pro"_s } });
    const QByteArray body = OtlpCodec::encodeTraces({ span }, Otlp::Encoding::Protobuf);
    const QStringList lines = OtlpProtobufDump::dump(body, Otlp::Signal::Traces).split(u'\n');
    QCOMPARE(lines.first(), u"ExportTraceServiceRequest, %1 bytes"_s.arg(body.size()));
    QCOMPARE(lines.at(1), u"resource_spans (1) {"_s);
    QCOMPARE(lines.at(2), u"  resource (1) {"_s);
    QVERIFY(lines.contains(u"      key (1): \"cloud.region\""_s));
    QVERIFY(lines.contains(u"        int_value (3): 7"_s));
    QVERIFY(lines.contains(u"        string_value (1): \"renamed\""_s));
    QVERIFY(lines.contains(u"      name (5): \"automagik.error\""_s));
    QVERIFY(lines.contains(u"      trace_id (1): 16 bytes: %1"_s.arg(QString::fromLatin1(span.traceId.toHex()))));
    QVERIFY(lines.contains(u"      start_time_unix_nano (7): %1"_s.arg(span.startTimeUnixNano)));
    QVERIFY(lines.contains(u"        message (2): \"bad \\\"input\\\"\""_s));
    QVERIFY(lines.contains(u"        code (3): 2"_s));
    QCOMPARE(lines.last(), u"}"_s);
    // service.name is the resource attribute given, not the SDK's own (replaced, not repeated).
    QCOMPARE(lines.count(u"      key (1): \"service.name\""_s), 1);

    const QByteArray histogram = OtlpCodec::encodeMetrics(
        { m_builder.trackMetric(u"latency"_s, 42, SdkRecordBuilder::MetricKind::Histogram) }, Otlp::Encoding::Protobuf);
    const QString metrics = OtlpProtobufDump::dump(histogram, Otlp::Signal::Metrics);
    QVERIFY2(metrics.contains(u"histogram (9) {"_s), qPrintable(metrics));
    QVERIFY2(metrics.contains(u"sum (5): 42"_s), qPrintable(metrics));
    QVERIFY2(metrics.contains(u"bucket_counts (6): ["_s), qPrintable(metrics));
}

void TestSendPayload::protobufThatDoesNotDecodeShowsWhereItStops()
{
    const QByteArray body = OtlpCodec::encodeLogs({ m_builder.trackLog(u"hello"_s) }, Otlp::Encoding::Protobuf);
    const QString truncated = OtlpProtobufDump::dump(body.left(body.size() - 3), Otlp::Signal::Logs);
    QVERIFY2(
        truncated.section(u'\n', -1).startsWith(u"error: length %1 at byte 1 runs past the end"_s.arg(body.size() - 3)),
        qPrintable(truncated));
    // What decodes before a bad field is shown, then what is wrong with it.
    const QString dumped = OtlpProtobufDump::dump(QByteArray(body + QByteArray::fromHex("00")), Otlp::Signal::Logs);
    QVERIFY2(dumped.contains(u"resource_logs (1) {"_s), qPrintable(dumped));
    QVERIFY2(dumped.contains(u"string_value (1): \"hello\""_s), qPrintable(dumped));
    QVERIFY2(dumped.section(u'\n', -1).startsWith(u"error: "_s), qPrintable(dumped));
    // An unknown field is shown by number, not dropped.
    const QString unknown = OtlpProtobufDump::dump(QByteArray::fromHex("a80605"), Otlp::Signal::Logs);
    QCOMPARE(unknown.section(u'\n', 1), u"unknown field 101: 5"_s);
}

void TestSendPayload::eachBackendShowsItsOwnForm()
{
    SendJob::Sample sample;
    sample.logs = { m_builder.trackLog(u"disk almost full"_s, 13, { { u"disk"_s, u"/dev/sda"_s } }) };
    SendTarget target;
    target.backend = SendTarget::Backend::OtlpJson;
    const QString json = SendPayload::describe(sample, target);
    QVERIFY2(json.startsWith(u"{\n  \"resourceLogs\": ["_s), qPrintable(json.left(200)));
    QVERIFY2(json.contains(u"\"stringValue\": \"disk almost full\""_s), qPrintable(json));
    // Laid out, and otherwise the very body the exporter sends.
    QCOMPARE(QString(json).remove(u'\n').remove(u' '),
        QString::fromUtf8(OtlpCodec::encodeLogs(sample.logs, Otlp::Encoding::Json)).remove(u' '));

    target.backend = SendTarget::Backend::OtlpProtobuf;
    QVERIFY(SendPayload::describe(sample, target).contains(u"severity_number (2): 13"_s));

    target.backend = SendTarget::Backend::ClickHouse;
    target.clickHouse.endpoint.database = u"telemetry"_s;
    const QString row = SendPayload::describe(sample, target);
    QVERIFY2(row.startsWith(u"INSERT INTO telemetry.logs FORMAT JSONEachRow\n-- log_id"_s), qPrintable(row));
    QVERIFY2(row.contains(u"\"body\": \"disk almost full\""_s), qPrintable(row));
    QVERIFY2(row.contains(u"\"severity_text\": \"WARN\""_s), qPrintable(row));
    QCOMPARE(SendPayload::describe({}, target), QString());
}

QTEST_GUILESS_MAIN(TestSendPayload)
#include "tst_sendpayload.moc"
