#include "otlp/otlpcodec.h"
#include "otlp/protobufreader.h"
#include "recordsamples.h"

#include <QTest>
#include <QtEndian>

#include <bit>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace {
/// Hand-made protobuf, for inputs our own encoder would never produce.
QByteArray varint(quint64 value)
{
    QByteArray out;
    while (value >= 0x80) {
        out.append(static_cast<char>(value | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
    return out;
}

QByteArray tag(quint32 field, int wireType)
{
    return varint((quint64(field) << 3) | quint64(wireType));
}

QByteArray len(quint32 field, const QByteArray& payload)
{
    return tag(field, 2) + varint(static_cast<quint64>(payload.size())) + payload;
}

QByteArray validSpan(const QByteArray& extra = {})
{
    return len(1, RecordSamples::traceId(1).bytes().toByteArray())
        + len(2, RecordSamples::spanId(2).bytes().toByteArray()) + len(5, "op") + extra;
}

QByteArray traceRequest(const QByteArray& span)
{
    return len(1, len(2, len(2, span)));
}

QByteArray nestedArrayValue(int depth)
{
    QByteArray value = len(1, "leaf"); // AnyValue{string_value}
    for (int i = 0; i < depth; ++i)
        value = len(5, len(1, value)); // AnyValue{array_value{values: [value]}}
    return value;
}
} // namespace

class TestOtlpProtobufDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformedRequestsFailWithAClearError_data();
    void malformedRequestsFailWithAClearError();
    void invalidRecordsAreRefusedAloneAndCounted();
    void unknownFieldsAreSkipped();
    void packedAndUnpackedRepeatedFieldsBothDecode();
    void fieldsInAnyOrder();
    void everyTruncationOfAValidRequestIsHandled();
};

void TestOtlpProtobufDecoder::malformedRequestsFailWithAClearError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::addRow("garbage") << QByteArray("\xff\xff\xff", 3) << u"truncated varint at byte 0"_s;
    QTest::addRow("wrong wire type for resource_spans")
        << (tag(1, 0) + varint(1))
        << u"field 1 (resource_spans) at byte 0 has wire type varint, expected length-delimited"_s;
    QTest::addRow("length past the end") << (tag(1, 2) + varint(4294967295u)
        + "abc") << u"length 4294967295 at byte 1 runs past the end of its message (3 bytes left)"_s;
    QTest::addRow("group wire type") << tag(1, 3) << u"unsupported wire type 3 for field 1 at byte 0"_s;
    QTest::addRow("field number zero") << QByteArray("\x00\x01", 2) << u"invalid field number 0 at byte 0"_s;
    QTest::addRow("varint longer than ten bytes") << (tag(7, 0) + QByteArray(11, '\xff')) << u"varint longer than"_s;
    QTest::addRow("span name wire type")
        << traceRequest(len(1, RecordSamples::traceId(1).bytes().toByteArray()) + tag(5, 0) + varint(3))
        << u"resource_spans[0].scope_spans[0].spans[0]: field 5 (name) at byte 24 has wire type varint, expected length-delimited"_s;
    QTest::addRow("invalid utf-8 in a span name") << traceRequest(
        validSpan(len(5, "ok\xc3\x28"))) << u"resource_spans[0].scope_spans[0].spans[0].name: invalid UTF-8 at byte"_s;
    QTest::addRow("overlong utf-8") << traceRequest(validSpan(len(5, "\xc0\xaf"))) << u"invalid UTF-8"_s;
    QTest::addRow("utf-8 surrogate") << traceRequest(validSpan(len(5, "\xed\xa0\x80"))) << u"invalid UTF-8"_s;
    QTest::addRow("deep attribute nesting")
        << traceRequest(validSpan(len(9, len(1, "deep") + len(2, nestedArrayValue(200)))))
        << u"values nested deeper than 64 levels"_s;
    QTest::addRow("truncated fixed64 start time")
        << traceRequest(validSpan(tag(7, 1) + "\x01\x02")) << u"truncated 64-bit value"_s;
    QTest::addRow("truncated nested message")
        << (tag(1, 2) + varint(10) + len(2, "abc")) << u"runs past the end of its message"_s;
}

void TestOtlpProtobufDecoder::malformedRequestsFailWithAClearError()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Protobuf);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.records.isEmpty());
    QVERIFY2(decoded.error.contains(expected), qPrintable(decoded.error));
}

void TestOtlpProtobufDecoder::invalidRecordsAreRefusedAloneAndCounted()
{
    QByteArray zeros(16, '\0');
    const QByteArray goodSpan = validSpan();
    const QByteArray zeroTrace = len(1, zeros) + len(2, RecordSamples::spanId(2).bytes().toByteArray());
    const QByteArray shortTrace =
        len(1, QByteArray(15, '\x01')) + len(2, RecordSamples::spanId(2).bytes().toByteArray());
    const QByteArray noSpanId = len(1, RecordSamples::traceId(3).bytes().toByteArray());
    const QByteArray body =
        len(1, len(2, len(2, goodSpan) + len(2, zeroTrace) + len(2, shortTrace) + len(2, noSpanId) + len(2, goodSpan)));
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Protobuf);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 2);
    QCOMPARE(decoded.rejected, 3);
    QCOMPARE(decoded.rejections.size(), 3);
    QCOMPARE(decoded.rejections.at(0), u"resource_spans[0].scope_spans[0].spans[1]: trace_id is all zeros"_s);
    QVERIFY2(decoded.rejections.at(1).startsWith(
                 u"resource_spans[0].scope_spans[0].spans[2]: trace_id has 15 bytes at byte"_s),
        qPrintable(decoded.rejections.at(1)));
    QCOMPARE(decoded.rejections.at(2), u"resource_spans[0].scope_spans[0].spans[3]: span_id is missing"_s);

    // Logs: an all-zero trace id means "no trace" (logs.proto), not a refusal.
    const QByteArray log = tag(1, 1) + QByteArray(8, '\x01') + len(9, zeros) + len(10, QByteArray(8, '\0'));
    const auto logs = OtlpCodec::decodeLogs(len(1, len(2, len(2, log))), Encoding::Protobuf);
    QVERIFY2(logs.ok(), qPrintable(logs.error));
    QCOMPARE(logs.records.size(), 1);
    QVERIFY(!logs.records.first().traceId.isPresent());
    QVERIFY(!logs.records.first().spanId.isPresent());

    // Metrics: a metric without data is refused and said so.
    const auto metrics = OtlpCodec::decodeMetrics(len(1, len(2, len(2, len(1, "empty.metric")))), Encoding::Protobuf);
    QVERIFY2(metrics.ok(), qPrintable(metrics.error));
    QCOMPARE(metrics.rejected, 1);
    QVERIFY2(metrics.rejections.first().contains(u"metric \"empty.metric\" has no data"_s),
        qPrintable(metrics.rejections.first()));
}

void TestOtlpProtobufDecoder::unknownFieldsAreSkipped()
{
    // Unknown fields of every wire type at every level: a newer peer's message still decodes.
    const QByteArray unknown = tag(99, 0) + varint(5) + tag(98, 1) + QByteArray(8, 'x') + tag(97, 2) + varint(3) + "abc"
        + tag(96, 5) + QByteArray(4, 'y');
    const QByteArray span = validSpan(unknown);
    const QByteArray scopeSpans = len(2, span) + unknown;
    const QByteArray resourceSpans = len(2, scopeSpans) + unknown;
    const QByteArray body = len(1, resourceSpans) + unknown;
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Protobuf);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 1);
    QCOMPARE(decoded.records.first().name, QByteArray("op"));
}

void TestOtlpProtobufDecoder::packedAndUnpackedRepeatedFieldsBothDecode()
{
    auto fixed64 = [](quint64 value) {
        QByteArray out(8, '\0');
        qToLittleEndian(value, out.data());
        return out;
    };
    auto doubleBits = [&](double value) { return fixed64(std::bit_cast<quint64>(value)); };
    // HistogramDataPoint with bucket_counts (6) and explicit_bounds (7), first packed then one by one.
    const QByteArray packed = len(6, fixed64(1) + fixed64(2)) + len(7, doubleBits(5.0));
    const QByteArray unpacked = tag(6, 1) + fixed64(1) + tag(6, 1) + fixed64(2) + tag(7, 1) + doubleBits(5.0);
    for (const QByteArray& point : { packed, unpacked }) {
        const QByteArray metric = len(1, "h") + len(9, len(1, point));
        const auto decoded = OtlpCodec::decodeMetrics(len(1, len(2, len(2, metric))), Encoding::Protobuf);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.records.size(), 1);
        QCOMPARE(decoded.records.first().bucketCounts, (QList<quint64> { 1, 2 }));
        QCOMPARE(decoded.records.first().explicitBounds, QList<double> { 5.0 });
    }
    const QByteArray badPacked = len(1, "h") + len(9, len(1, len(6, QByteArray(7, '\0'))));
    const auto bad = OtlpCodec::decodeMetrics(len(1, len(2, len(2, badPacked))), Encoding::Protobuf);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains(u"bucket_counts: packed length 7 at byte"_s), qPrintable(bad.error));
}

void TestOtlpProtobufDecoder::fieldsInAnyOrder()
{
    // Protobuf allows any field order; the resource may come after the spans it describes.
    const QByteArray resource = len(1, len(1, len(1, "service.name") + len(2, len(1, "late"))));
    const QByteArray body = len(1, len(2, len(2, validSpan())) + resource);
    const auto decoded = OtlpCodec::decodeTraces(body, Encoding::Protobuf);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.records.size(), 1);
    const AttributeValue* service = findAttribute(decoded.records.first().resource->attributes, "service.name");
    QVERIFY(service);
    QCOMPARE(service->stringUtf8(), QByteArray("late"));
}

void TestOtlpProtobufDecoder::everyTruncationOfAValidRequestIsHandled()
{
    // Cutting a valid request at every byte must give records or a clean error, never a crash
    // (AddressSanitizer runs this too).
    const QByteArray body = OtlpCodec::encodeTraces(RecordSamples::spans(), Encoding::Protobuf);
    int failures = 0;
    for (qsizetype cut = 0; cut < body.size(); ++cut) {
        const auto decoded = OtlpCodec::decodeTraces(QByteArrayView(body).first(cut), Encoding::Protobuf);
        if (!decoded.ok()) {
            ++failures;
            QVERIFY(decoded.records.isEmpty());
            QVERIFY(!decoded.error.isEmpty());
        }
    }
    QVERIFY2(failures > body.size() / 2, "most truncations must be detected");
}

QTEST_GUILESS_MAIN(TestOtlpProtobufDecoder)
#include "tst_otlpprotobufdecoder.moc"
