#include "otlp/otlpcodec.h"
#include "telemetry/sdkrecordbuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
SdkIdentity identity(SdkIdentity::Flavor flavor)
{
    SdkIdentity id;
    id.projectName = u"omni"_s;
    id.projectVersion = u"2.0.1"_s;
    id.userId = u"user-1"_s;
    id.sessionId = u"session-1"_s;
    id.flavor = flavor;
    return id;
}

SystemInfo system()
{
    SystemInfo info;
    info.os = u"Linux"_s;
    info.osVersion = u"6.1.0"_s;
    info.architecture = u"x86_64"_s;
    info.runtimeVersion = u"3.12.3"_s;
    return info;
}

QByteArray text(const Attributes& attributes, QByteArrayView key)
{
    const AttributeValue* value = findAttribute(attributes, key);
    return value ? value->stringUtf8() : QByteArray("<absent>");
}
} // namespace

class TestSdkRecordBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resourceAndScopeAreTheSdks();
    void trackEventCarriesSystemAttributes();
    void trackErrorIsAnErrorAndTruncates();
    void trackMetricKinds();
    void trackLogSeverities_data();
    void trackLogSeverities();
    void valueConversions_data();
    void valueConversions();
    void flavoursDiffer();
    void recordsSurviveBothEncodings();
};

void TestSdkRecordBuilder::resourceAndScopeAreTheSdks()
{
    const SdkRecordBuilder builder(identity(SdkIdentity::Flavor::Python), system());
    const Attributes& resource = builder.resource()->attributes;
    QCOMPARE(text(resource, "service.name"), QByteArray("omni"));
    QCOMPARE(text(resource, "service.version"), QByteArray("2.0.1"));
    QCOMPARE(text(resource, "project.name"), QByteArray("omni"));
    QCOMPARE(text(resource, "project.version"), QByteArray("2.0.1"));
    QCOMPARE(text(resource, "service.organization"), QByteArray("namastex"));
    QCOMPARE(text(resource, "user.id"), QByteArray("user-1"));
    QCOMPARE(text(resource, "session.id"), QByteArray("session-1"));
    QCOMPARE(text(resource, "telemetry.sdk.name"), QByteArray("automagik-telemetry"));
    QCOMPARE(text(resource, "telemetry.sdk.version"), QByteArray("0.1.4"));
    QVERIFY(!findAttribute(resource, "deployment.environment"));
    QCOMPARE(builder.scope()->name, QByteArray("omni.telemetry"));
    QCOMPARE(builder.scope()->version, QByteArray("2.0.1"));
}

void TestSdkRecordBuilder::trackEventCarriesSystemAttributes()
{
    const SdkRecordBuilder builder(identity(SdkIdentity::Flavor::Python), system());
    const SpanRecord span =
        builder.trackEvent(u"automagik.feature.used"_s, { { u"feature_name"_s, u"x"_s } }, 1000, 250);
    QCOMPARE(span.name, QByteArray("automagik.feature.used"));
    QCOMPARE(span.kind, Otlp::SpanKind::Internal);
    QCOMPARE(span.statusCode, Otlp::StatusCode::Ok);
    QVERIFY(span.traceId.isValid());
    QVERIFY(span.spanId.isValid());
    QVERIFY(!span.parentSpanId.isPresent());
    QCOMPARE(span.startTimeUnixNano, 1000u);
    QCOMPARE(span.endTimeUnixNano, 1250u);
    QCOMPARE(text(span.attributes, "system.os"), QByteArray("Linux"));
    QCOMPARE(text(span.attributes, "system.python_version"), QByteArray("3.12.3"));
    QCOMPARE(findAttribute(span.attributes, "system.is_docker")->type(), AttributeValue::Type::Bool);
    QCOMPARE(text(span.attributes, "system.project_name"), QByteArray("omni"));
    QCOMPARE(text(span.attributes, "feature_name"), QByteArray("x"));
    QVERIFY(span.resource == builder.resource());
    // Two events never share ids.
    QVERIFY(builder.trackEvent(u"e"_s).traceId != builder.trackEvent(u"e"_s).traceId);
    const quint64 before = SdkRecordBuilder::nowUnixNano();
    const SpanRecord now = builder.trackEvent(u"e"_s);
    QVERIFY(now.startTimeUnixNano >= before);
}

void TestSdkRecordBuilder::trackErrorIsAnErrorAndTruncates()
{
    const SdkRecordBuilder builder(identity(SdkIdentity::Flavor::Python), system());
    const QString longMessage = QString(600, u'é');
    const SpanRecord span = builder.trackError(u"ValueError"_s, longMessage, { { u"where"_s, u"parser"_s } });
    QCOMPARE(span.name, QByteArray("automagik.error"));
    QCOMPARE(span.statusCode, Otlp::StatusCode::Error);
    QCOMPARE(text(span.attributes, "error_type"), QByteArray("ValueError"));
    QCOMPARE(QString::fromUtf8(text(span.attributes, "error_message")).size(), 500);
    QCOMPARE(QString::fromUtf8(span.statusMessage).size(), 500);
    QCOMPARE(text(span.attributes, "where"), QByteArray("parser"));
}

void TestSdkRecordBuilder::trackMetricKinds()
{
    const SdkRecordBuilder builder(identity(SdkIdentity::Flavor::Python), system());
    const MetricPoint gauge = builder.trackMetric(u"cpu"_s, 42.5, SdkRecordBuilder::MetricKind::Gauge, {}, 77);
    QCOMPARE(gauge.type, MetricPoint::Type::Gauge);
    QCOMPARE(gauge.valueKind, NumberKind::Double);
    QCOMPARE(gauge.asDouble, 42.5);
    QCOMPARE(gauge.timeUnixNano, 77u);
    QCOMPARE(gauge.startTimeUnixNano, 0u);

    const MetricPoint counter = builder.trackMetric(u"requests"_s, 3, SdkRecordBuilder::MetricKind::Counter, {}, 77);
    QCOMPARE(counter.type, MetricPoint::Type::Sum);
    QVERIFY(counter.isMonotonic);
    QCOMPARE(counter.temporality, Otlp::AggregationTemporality::Cumulative);
    QCOMPARE(counter.startTimeUnixNano, 77u);
    QCOMPARE(counter.asDouble, 3.0);

    const MetricPoint histogram =
        builder.trackMetric(u"latency"_s, 12.5, SdkRecordBuilder::MetricKind::Histogram, {}, 77);
    QCOMPARE(histogram.type, MetricPoint::Type::Histogram);
    QCOMPARE(histogram.count, 1u);
    QCOMPARE(histogram.sum, std::optional<double>(12.5));
    QCOMPARE(histogram.min, std::optional<double>(12.5));
    QCOMPARE(histogram.max, std::optional<double>(12.5));
    QCOMPARE(histogram.bucketCounts, QList<quint64> { 1 });
    QVERIFY(histogram.explicitBounds.isEmpty());
    // Python's SDK leaves system.* off metrics.
    QVERIFY(!findAttribute(histogram.attributes, "system.os"));
}

void TestSdkRecordBuilder::trackLogSeverities_data()
{
    QTest::addColumn<int>("severity");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("trace") << 1 << QByteArray("TRACE");
    QTest::newRow("debug") << 5 << QByteArray("DEBUG");
    QTest::newRow("info") << 9 << QByteArray("INFO");
    QTest::newRow("warn") << 13 << QByteArray("WARN");
    QTest::newRow("error") << 17 << QByteArray("ERROR");
    QTest::newRow("fatal") << 21 << QByteArray("FATAL");
}

void TestSdkRecordBuilder::trackLogSeverities()
{
    QFETCH(int, severity);
    QFETCH(QByteArray, text);
    const SdkRecordBuilder builder(identity(SdkIdentity::Flavor::Python), system());
    const LogRecord log = builder.trackLog(QString(1200, u'x'), severity, { { u"component"_s, u"db"_s } }, 99);
    QCOMPARE(log.severityNumber, severity);
    QCOMPARE(log.severityText, text);
    QCOMPARE(log.body.type(), AttributeValue::Type::String);
    QCOMPARE(log.body.stringUtf8().size(), 1000); // Python cuts log messages at 1000
    QCOMPARE(log.timeUnixNano, 99u);
    QCOMPARE(::text(log.attributes, "component"), QByteArray("db"));
}

void TestSdkRecordBuilder::valueConversions_data()
{
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("display");
    QTest::newRow("bool") << QVariant(true) << int(AttributeValue::Type::Bool) << u"true"_s;
    QTest::newRow("int becomes double") << QVariant(42) << int(AttributeValue::Type::Double) << u"42"_s;
    QTest::newRow("double") << QVariant(2.5) << int(AttributeValue::Type::Double) << u"2.5"_s;
    QTest::newRow("string") << QVariant(u"abc"_s) << int(AttributeValue::Type::String) << u"abc"_s;
    QTest::newRow("long string cut") << QVariant(QString(501, u'a')) << int(AttributeValue::Type::String)
                                     << QString(500, u'a');
}

void TestSdkRecordBuilder::valueConversions()
{
    QFETCH(QVariant, input);
    QFETCH(int, type);
    QFETCH(QString, display);
    const AttributeValue value = SdkRecordBuilder::sdkValue(input);
    QCOMPARE(int(value.type()), type);
    QCOMPARE(QString::fromUtf8(value.toDisplayUtf8()), display);
}

void TestSdkRecordBuilder::flavoursDiffer()
{
    const SdkRecordBuilder typescript(identity(SdkIdentity::Flavor::TypeScript), system());
    const SpanRecord span = typescript.trackEvent(u"e"_s);
    QVERIFY(findAttribute(span.attributes, "system.node_version"));
    QVERIFY(!findAttribute(span.attributes, "system.python_version"));
    const MetricPoint metric =
        typescript.trackMetric(u"m"_s, 1, SdkRecordBuilder::MetricKind::Gauge, { { u"unit"_s, u"ms"_s } });
    QCOMPARE(metric.unit, QByteArray("ms"));
    QVERIFY(findAttribute(metric.attributes, "system.os")); // TypeScript puts system.* everywhere
    const LogRecord log = typescript.trackLog(QString(1200, u'x'));
    QCOMPARE(log.body.stringUtf8().size(), 1200); // and does not cut log messages
}

void TestSdkRecordBuilder::recordsSurviveBothEncodings()
{
    const SdkRecordBuilder builder(identity(SdkIdentity::Flavor::Python), system());
    const QList<SpanRecord> spans { builder.trackEvent(u"a"_s), builder.trackError(u"E"_s, u"m"_s) };
    const QList<MetricPoint> points { builder.trackMetric(u"g"_s, 1),
        builder.trackMetric(u"c"_s, 2, SdkRecordBuilder::MetricKind::Counter),
        builder.trackMetric(u"h"_s, 3, SdkRecordBuilder::MetricKind::Histogram) };
    const QList<LogRecord> logs { builder.trackLog(u"hello"_s, 17) };
    for (Otlp::Encoding encoding : { Otlp::Encoding::Protobuf, Otlp::Encoding::Json }) {
        QVERIFY(OtlpCodec::decodeTraces(OtlpCodec::encodeTraces(spans, encoding), encoding).records == spans);
        QVERIFY(OtlpCodec::decodeMetrics(OtlpCodec::encodeMetrics(points, encoding), encoding).records == points);
        QVERIFY(OtlpCodec::decodeLogs(OtlpCodec::encodeLogs(logs, encoding), encoding).records == logs);
    }
}

QTEST_GUILESS_MAIN(TestSdkRecordBuilder)
#include "tst_sdkrecordbuilder.moc"
