#include "common/jsonreader.h"
#include "otlp/otlpcodec.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace {
QByteArray spansRequest(const QByteArray& spans, const QByteArray& resource = "{}")
{
    return R"({"resourceSpans":[{"resource":)" + resource + R"(,"scopeSpans":[{"scope":{"name":"s"},"spans":[)" + spans
        + "]}]}]}";
}

const QByteArray ids = R"("traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174")";
} // namespace

class TestOtlpJsonDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongShapesNameTheField_data();
    void wrongShapesNameTheField();
    void syntaxErrorsGiveLineAndColumn_data();
    void syntaxErrorsGiveLineAndColumn();
    void acceptsWhatRealSendersWrite();
    void envelopeMembersInAnyOrder();
    void invalidRecordsAreRefusedAlone();
    void upstreamSdkBendsAreAcceptedAndCounted();
    void integersStayExact();
    void fuzzerFindingsStayFixed();
};

void TestOtlpJsonDecoder::wrongShapesNameTheField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("resourceSpans not an array")
        << QByteArray(R"({"resourceSpans":{}})") << u"resourceSpans: expected an array, got an object"_s;
    QTest::addRow("root not an object") << QByteArray("[1,2]") << u"expected an object, got an array (at byte 0)"_s;
    QTest::addRow("start time as an object")
        << spansRequest("{" + ids + R"(,"startTimeUnixNano":{}})")
        << u"resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: expected an unsigned 64-bit integer, got an object"_s;
    QTest::addRow("start time negative") << spansRequest("{" + ids + R"(,"startTimeUnixNano":"-5"})")
                                         << u"spans[0].startTimeUnixNano: \"-5\" is not an unsigned 64-bit integer"_s;
    QTest::addRow("int value too big")
        << spansRequest("{" + ids + R"(,"attributes":[{"key":"k","value":{"intValue":"9223372036854775808"}}]})")
        << u"spans[0].attributes[0].value.intValue: \"9223372036854775808\" is not a 64-bit integer"_s;
    QTest::addRow("attribute value not an object")
        << spansRequest("{" + ids + R"(,"attributes":[{"key":"k","value":"v"}]})")
        << u"spans[0].attributes[0].value: expected an object, got a string"_s;
    QTest::addRow("unknown enum name") << spansRequest("{" + ids + R"(,"kind":"SPAN_KIND_SIDEWAYS"})")
                                       << u"spans[0].kind: unknown enum name \"SPAN_KIND_SIDEWAYS\""_s;
    QTest::addRow("bad base64") << spansRequest(
        "{" + ids + R"(,"attributes":[{"key":"b","value":{"bytesValue":"@@@"}}]})")
                                << u"attributes[0].value.bytesValue: not valid base64"_s;
    // A list before its scope (or resource) is decoded after the object was read: same paths.
    QTest::addRow("spans before their scope")
        << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{)" + ids
               + R"(,"startTimeUnixNano":{}}],"scope":{"name":"s"}}],"resource":{}}]})")
        << u"resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: expected an unsigned 64-bit integer, got an object"_s;
    QTest::addRow("a scope's spans not an array, before the scope")
        << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":7,"scope":{}}]}]})")
        << u"resourceSpans[0].scopeSpans[0].spans: expected an array, got a number"_s;
    QTest::addRow("name as a number") << spansRequest("{" + ids + R"(,"name":5})")
                                      << u"spans[0].name: expected a string, got a number"_s;
    QTest::addRow("flags beyond 32 bits") << spansRequest("{" + ids + R"(,"flags":4294967296})")
                                          << u"spans[0].flags: 4294967296 does not fit an unsigned 32-bit integer"_s;
    QTest::addRow("resource attributes not an array") << spansRequest("{" + ids + "}",
        R"({"attributes":{"a":1}})") << u"resourceSpans[0].resource.attributes: expected an array, got an object"_s;
}

void TestOtlpJsonDecoder::wrongShapesNameTheField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Json);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.records.isEmpty());
    QVERIFY2(decoded.error.contains(expected), qPrintable(decoded.error));
}

void TestOtlpJsonDecoder::syntaxErrorsGiveLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("empty") << QByteArray() << u"JSON error at byte 0 (line 1, column 1): the document is empty"_s;
    QTest::addRow("trailing comma") << QByteArray("{\n  \"resourceSpans\": [1,]\n}")
                                    << u"(line 2, column 23): unexpected character ']'"_s;
    QTest::addRow("unterminated string") << QByteArray(R"({"a":"bc)") << u"unterminated string"_s;
    QTest::addRow("invalid utf-8") << QByteArray("{\"a\":\"\xff\"}")
                                   << u"at byte 6 (line 1, column 7): invalid UTF-8 in a string"_s;
    QTest::addRow("lone surrogate") << QByteArray(R"({"a":"\udc00"})") << u"a lone low surrogate escape"_s;
    QTest::addRow("control character") << QByteArray("{\"a\":\"x\ty\"}") << u"control character in a string"_s;
    QTest::addRow("garbage after") << QByteArray("{} {}") << u"unexpected text after the JSON value"_s;
    QTest::addRow("deep nesting") << QByteArray(5000, '[') << u"nesting deeper than 128 levels"_s;
    QTest::addRow("bad number") << QByteArray(R"({"a":01})") << u"expected ',' or '}' in an object"_s;
    QTest::addRow("bad literal") << QByteArray(R"({"a":tru})") << u"invalid literal"_s;
}

void TestOtlpJsonDecoder::syntaxErrorsGiveLineAndColumn()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto decoded = OtlpCodec::decodeLogs(body, Encoding::Json);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error.contains(expected), qPrintable(decoded.error));
}

void TestOtlpJsonDecoder::acceptsWhatRealSendersWrite()
{
    // snake_case keys, 64-bit values as numbers, enum names, NaN as a string, unknown keys, nulls,
    // the upstream Python SDK's extra "resource" inside a span, a "2.0" sent as an int.
    const QByteArray body =
        R"({"resource_spans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
        "scope_spans":[{"scope":{"name":"s","version":null},"spans":[{
          "trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174","parent_span_id":"",
          "name":"op","kind":"SPAN_KIND_INTERNAL","start_time_unix_nano":1544712660000000000,
          "endTimeUnixNano":"1544712661000000000","status":{"code":"STATUS_CODE_ERROR","message":"boom"},
          "resource":{"attributes":[]}, "somethingNew":{"x":[1,2]},
          "attributes":[{"key":"n","value":{"intValue":2.0}},{"key":"d","value":{"doubleValue":"NaN"}},
                        {"key":"big","value":{"intValue":1e3}},{"key":"s","value":{"string_value":"snake"}}]}]}]}]})";
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 1);
    const SpanRecord& span = decoded.records.first();
    QCOMPARE(span.traceId.toHex(), QByteArray("5b8efff798038103d269b633813fc60c"));
    QVERIFY(!span.parentSpanId.isPresent());
    QCOMPARE(span.kind, Otlp::SpanKind::Internal);
    QCOMPARE(span.startTimeUnixNano, 1544712660000000000ull);
    QCOMPARE(span.endTimeUnixNano, 1544712661000000000ull);
    QCOMPARE(span.statusCode, Otlp::StatusCode::Error);
    QCOMPARE(span.statusMessage, QByteArray("boom"));
    QCOMPARE(findAttribute(span.attributes, "n")->toInt(), 2);
    QVERIFY(std::isnan(findAttribute(span.attributes, "d")->toDouble()));
    QCOMPARE(findAttribute(span.attributes, "big")->toInt(), 1000);
    QCOMPARE(findAttribute(span.attributes, "s")->stringUtf8(), QByteArray("snake"));
    QCOMPARE(findAttribute(span.resource->attributes, "service.name")->stringUtf8(), QByteArray("svc"));
}

void TestOtlpJsonDecoder::envelopeMembersInAnyOrder()
{
    // Every known writer puts "resource" before "scopeSpans" and "scope" before "spans", and those
    // lists are decoded as the walk meets them; JSON does not promise an order, so the other ones
    // must give the same records (schemaUrl after the lists included).
    const QByteArray resource = R"("resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]})";
    const QByteArray scope = R"("scope":{"name":"lib","version":"1.2"})";
    const QByteArray spans = R"("spans":[{)" + ids + R"(,"name":"a"},{)" + ids + R"(,"name":"b"}])";
    auto request = [&](bool resourceFirst, bool scopeFirst) -> QByteArray {
        const QByteArray scopeSpans =
            "{" + (scopeFirst ? scope + "," + spans : spans + "," + scope) + R"(,"schemaUrl":"https://scope"})";
        const QByteArray list = R"("scopeSpans":[)" + scopeSpans + "]";
        return R"({"resourceSpans":[{)" + (resourceFirst ? resource + "," + list : list + "," + resource)
            + R"(,"schemaUrl":"https://resource"}]})";
    };
    const auto usual = OtlpCodec::decodeTraces(request(true, true), Encoding::Json);
    QVERIFY2(usual.ok(), qPrintable(usual.error));
    QCOMPARE(usual.records.size(), 2);
    const SpanRecord& first = usual.records.first();
    QCOMPARE(first.scope->name, QByteArray("lib"));
    QCOMPARE(first.scope->schemaUrl, QByteArray("https://scope"));
    QCOMPARE(first.resource->schemaUrl, QByteArray("https://resource"));
    QCOMPARE(findAttribute(first.resource->attributes, "service.name")->stringUtf8(), QByteArray("svc"));
    QCOMPARE(usual.records.at(1).name, QByteArray("b"));
    for (const auto& [resourceFirst, scopeFirst] : { std::pair { true, false }, { false, true }, { false, false } }) {
        const auto other = OtlpCodec::decodeTraces(request(resourceFirst, scopeFirst), Encoding::Json);
        QVERIFY2(other.ok(), qPrintable(other.error));
        QCOMPARE(other.records, usual.records);
    }
    // A repeated name: the last one counts, wherever the scope or resource stands.
    auto span = [](const char* name) -> QByteArray { return "{" + ids + R"(,"name":")" + name + R"("})"; };
    const QByteArray a = span("a");
    const QByteArray b = span("b");
    for (const QByteArray& scopeSpans :
        QList<QByteArray> { R"({"scope":{},"spans":[)" + a + R"(],"spans":[)" + b + "]}",
            R"({"spans":[)" + a + R"(],"scope":{},"spans":[)" + b + "]}",
            R"({"spans":[)" + a + R"(],"spans":[)" + b + R"(],"scope":{}})" }) {
        for (const QByteArray& body :
            QList<QByteArray> { R"({"resourceSpans":[{"resource":{},"scopeSpans":[)" + scopeSpans + "]}]}",
                R"({"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{},"spans":[)" + a + R"(]}],"scopeSpans":[)"
                    + scopeSpans + "]}]}",
                R"({"resourceSpans":[{"scopeSpans":[{"scope":{},"spans":[)" + a + R"(]}],"resource":{},"scopeSpans":[)"
                    + scopeSpans + "]}]}" }) {
            const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Json);
            QVERIFY2(decoded.ok(), qPrintable(decoded.error));
            QCOMPARE(decoded.records.size(), 1);
            QCOMPARE(decoded.records.first().name, QByteArray("b"));
        }
    }
}

void TestOtlpJsonDecoder::invalidRecordsAreRefusedAlone()
{
    const QByteArray body =
        spansRequest("{" + ids + "}," + R"({"traceId":"00000000000000000000000000000000","spanId":"eee19b7ec3c1b174"},)"
            + R"({"traceId":"5b8efff798038103d269b633813fc60c5b8efff7","spanId":"eee19b7ec3c1b174"},)"
            + R"({"traceId":"zz8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"},)" + "{" + ids + "}");
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 2);
    QCOMPARE(decoded.rejected, 3);
    QCOMPARE(decoded.rejections.at(0), u"resourceSpans[0].scopeSpans[0].spans[1]: traceId is all zeros"_s);
    QVERIFY2(decoded.rejections.at(1).contains(u"spans[2]: traceId \"5b8e"_s)
            && decoded.rejections.at(1).contains(u"is not 32 hex digits"_s),
        qPrintable(decoded.rejections.at(1)));
    QVERIFY2(decoded.rejections.at(2).contains(u"spans[3]: traceId \"zz8e"_s), qPrintable(decoded.rejections.at(2)));
    QCOMPARE(decoded.bends.total(), 0);
}

void TestOtlpJsonDecoder::upstreamSdkBendsAreAcceptedAndCounted()
{
    // The upstream SDKs' shape (reference/upstream.md, section 5): two UUIDs as the trace id, the
    // kind and status as names, times as JSON numbers, a resource inside the span.
    const QByteArray body = spansRequest(
        R"({"traceId":"5b8efff798038103d269b633813fc60c00112233445566778899aabbccddeeff","spanId":"eee19b7ec3c1b174",)"
        R"("kind":"SPAN_KIND_CLIENT","startTimeUnixNano":1544712660000000000,"status":{"code":"ERROR"},)"
        R"("resource":{"attributes":[{"key":"service.name","value":{"stringValue":"inline"}}]}})");
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 1);
    const SpanRecord& span = decoded.records.first();
    QCOMPARE(span.traceId.toHex(), QByteArray("5b8efff798038103d269b633813fc60c"));
    QCOMPARE(span.kind, Otlp::SpanKind::Client);
    QCOMPARE(span.statusCode, Otlp::StatusCode::Error);
    QCOMPARE(span.startTimeUnixNano, 1544712660000000000ull);
    QCOMPARE(decoded.bends.at(OtlpBends::Bend::TraceIdOf32Bytes), 1);
    QCOMPARE(decoded.bends.at(OtlpBends::Bend::EnumAsName), 1);
    QCOMPARE(decoded.bends.at(OtlpBends::Bend::StatusCodeShortName), 1);
    QCOMPARE(decoded.bends.at(OtlpBends::Bend::LargeIntegerAsNumber), 1);
    QCOMPARE(decoded.bends.at(OtlpBends::Bend::ResourceInsideSpan), 1);
    QCOMPARE(decoded.bends.total(), 5);
}

void TestOtlpJsonDecoder::integersStayExact()
{
    // Numbers beyond 2^53 lose precision in a double; the decoder must not go through one.
    const QByteArray body =
        spansRequest("{" + ids + R"(,"startTimeUnixNano":18446744073709551615,"endTimeUnixNano":"9007199254740993",
        "attributes":[{"key":"a","value":{"intValue":-9223372036854775808}},{"key":"b","value":{"intValue":"9007199254740993"}}]})");
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    const SpanRecord& span = decoded.records.first();
    QCOMPARE(span.startTimeUnixNano, 18446744073709551615ull);
    QCOMPARE(span.endTimeUnixNano, 9007199254740993ull);
    QCOMPARE(findAttribute(span.attributes, "a")->toInt(), std::numeric_limits<qint64>::min());
    QCOMPARE(findAttribute(span.attributes, "b")->toInt(), 9007199254740993ll);
}

void TestOtlpJsonDecoder::fuzzerFindingsStayFixed()
{
    // A document of many tiny values is refused before its tree outgrows memory.
    QByteArray zeros = "[" + QByteArray("0,").repeated(100) + "0]";
    JsonValue tree;
    JsonReader small(JsonReader::defaultMaxDepth, qsizetype(50));
    QVERIFY(!small.parse(zeros, &tree));
    QVERIFY2(small.error().contains(u"more than 50 values in one document"_s), qPrintable(small.error()));

    // 1e30 as an int: out of range is an error, not undefined behaviour in the conversion.
    const auto huge = OtlpCodec::decodeTraces(
        spansRequest("{" + ids + R"(,"attributes":[{"key":"k","value":{"intValue":1e30}}]})"), Encoding::Json);
    QVERIFY(!huge.ok());
    QVERIFY2(huge.error.contains(u"1e30 does not fit a 64-bit integer"_s), qPrintable(huge.error));
    // Fields of another kind of point are unknown to a gauge point and ignored, so what decodes
    // re-encodes to the same records.
    const QByteArray gauge = R"({"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"g","gauge":{"dataPoints":[
        {"asDouble":1.5,"count":"10","sum":12.5,"scale":-3,"bucketCounts":["1"],"quantileValues":[{"value":1}],"min":1}]}}]}]}]})";
    const auto decoded = OtlpCodec::decodeMetrics(gauge, Encoding::Json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 1);
    const MetricPoint& point = decoded.records.first();
    QCOMPARE(point.asDouble, 1.5);
    QCOMPARE(point.count, 0u);
    QVERIFY(!point.sum && !point.min);
    QVERIFY(point.bucketCounts.isEmpty() && point.quantileValues.isEmpty());
    for (Encoding encoding : { Encoding::Protobuf, Encoding::Json })
        QVERIFY(OtlpCodec::decodeMetrics(OtlpCodec::encodeMetrics(decoded.records, encoding), encoding).records
            == decoded.records);
    // An empty string value encodes without touching a null pointer (UBSan watches this).
    QByteArray emptyValues =
        spansRequest("{" + ids + R"(,"traceState":"","attributes":[{"key":"","value":{"stringValue":""}}]})");
    const auto empty = OtlpCodec::decodeTraces(emptyValues, Encoding::Json);
    QVERIFY2(empty.ok(), qPrintable(empty.error));
    QCOMPARE(empty.records.size(), 1); // the round trip below compares something
    QVERIFY(
        OtlpCodec::decodeTraces(OtlpCodec::encodeTraces(empty.records, Encoding::Protobuf), Encoding::Protobuf).records
        == empty.records);
}

QTEST_GUILESS_MAIN(TestOtlpJsonDecoder)
#include "tst_otlpjsondecoder.moc"
