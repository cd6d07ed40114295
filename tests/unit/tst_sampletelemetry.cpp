#include "telemetry/sampletelemetry.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 end = 1795860000000000000ull; // a fixed "now" keeps the day curve the same
constexpr quint64 nanosPerHour = 3600ull * 1000000000ull;

SampleTelemetry::Options options(int hours, int eventsPerMinute, quint32 seed = 7)
{
    SampleTelemetry::Options result;
    result.endUnixNano = end;
    result.hours = hours;
    result.eventsPerMinute = eventsPerMinute;
    result.seed = seed;
    return result;
}

QString attribute(const Attributes& attributes, const char* key)
{
    for (const KeyValue& entry : attributes) {
        if (entry.key == key)
            return entry.value.toQString();
    }
    return {};
}
} // namespace

class TestSampleTelemetry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aMinuteIsTheSameForTheSameSeed();
    void everythingLiesInTheRangeAndChildrenInTheirParents();
    void holdsWhatEveryDashboardReads();
    void theEstimateIsCloseToWhatIsMade();
    void optionsAreClampedToTheirLimits();
};

void TestSampleTelemetry::aMinuteIsTheSameForTheSameSeed()
{
    const SampleTelemetry a(options(1, 30));
    const SampleTelemetry b(options(1, 30));
    const SampleTelemetry other(options(1, 30, 8));
    for (int index : { 0, 17, 59 }) {
        const auto first = a.minute(index);
        const auto second = b.minute(index);
        QCOMPARE(first.spans.size(), second.spans.size());
        QCOMPARE(first.logs.size(), second.logs.size());
        QCOMPARE(first.metrics.size(), second.metrics.size());
        for (qsizetype i = 0; i < first.spans.size(); ++i) {
            QCOMPARE(first.spans.at(i).name, second.spans.at(i).name);
            QCOMPARE(first.spans.at(i).startTimeUnixNano, second.spans.at(i).startTimeUnixNano);
        }
    }
    // Another seed, another minute (the count of a minute alone may match by chance; its times not).
    QVERIFY(a.minute(17).spans.first().startTimeUnixNano != other.minute(17).spans.first().startTimeUnixNano);
}

void TestSampleTelemetry::everythingLiesInTheRangeAndChildrenInTheirParents()
{
    const SampleTelemetry sample(options(2, 60));
    QCOMPARE(sample.minuteCount(), 120);
    const quint64 start = end - 2 * nanosPerHour;
    int children = 0;
    for (int index = 0; index < sample.minuteCount(); ++index) {
        const auto minute = sample.minute(index);
        QHash<QByteArray, const SpanRecord*> byId;
        for (const SpanRecord& span : minute.spans) {
            QVERIFY(span.startTimeUnixNano >= start);
            QVERIFY2(span.endTimeUnixNano < end, "no span ends after now");
            QVERIFY(span.endTimeUnixNano >= span.startTimeUnixNano);
            byId.insert(span.spanId.toHex(), &span);
        }
        for (const SpanRecord& span : minute.spans) {
            if (!span.parentSpanId.isPresent())
                continue;
            ++children;
            const SpanRecord* parent = byId.value(span.parentSpanId.toHex());
            QVERIFY2(parent, "a child's parent is in the same minute");
            QCOMPARE(span.traceId, parent->traceId);
            QVERIFY(span.startTimeUnixNano >= parent->startTimeUnixNano);
            QVERIFY2(span.endTimeUnixNano <= parent->endTimeUnixNano, qPrintable(QString::fromUtf8(span.name)));
        }
        for (const LogRecord& log : minute.logs) {
            QVERIFY(log.timeUnixNano >= start);
            QVERIFY2(log.timeUnixNano < end, "no log after now");
        }
        for (const MetricPoint& point : minute.metrics)
            QVERIFY(point.timeUnixNano >= start && point.timeUnixNano < end);
    }
    QVERIFY2(children > 1000, "API requests have child spans");
}

void TestSampleTelemetry::holdsWhatEveryDashboardReads()
{
    const SampleTelemetry sample(options(3, 30));
    qint64 events = 0;
    qint64 errors = 0;
    QSet<QString> services;
    QSet<QByteArray> names;
    QSet<qint32> severities;
    QSet<int> metricTypes;
    qint64 correlatedLogs = 0;
    QHash<int, QSet<qint32>> severitiesPerHour;
    for (int index = 0; index < sample.minuteCount(); ++index) {
        const auto minute = sample.minute(index);
        for (const SpanRecord& span : minute.spans) {
            if (span.parentSpanId.isPresent())
                continue; // child spans are not events
            ++events;
            names.insert(span.name);
            services.insert(attribute(span.resource->attributes, "service.name"));
            if (span.statusCode == Otlp::StatusCode::Error)
                ++errors;
        }
        for (const LogRecord& log : minute.logs) {
            severities.insert(log.severityNumber);
            severitiesPerHour[index / 60].insert(log.severityNumber);
            if (log.traceId.isPresent())
                ++correlatedLogs;
        }
        for (const MetricPoint& point : minute.metrics)
            metricTypes.insert(static_cast<int>(point.type));
    }
    QCOMPARE(services.size(), 5);
    QVERIFY2(names.contains("automagik.feature.used") && names.contains("automagik.api.request")
            && names.contains("automagik.cli.command") && names.contains("automagik.performance.latency")
            && names.contains("automagik.health") && names.contains("automagik.error"),
        "the SDKs' standard events");
    // About one event in 25 is an error (4%); API timeouts add a few.
    const double errorShare = double(errors) / double(events);
    QVERIFY2(errorShare > 0.03 && errorShare < 0.07, qPrintable(QString::number(errorShare)));
    // 30 events a minute on average over the day curve, within its swing.
    const double perMinute = double(events) / sample.minuteCount();
    QVERIFY2(perMinute > 12 && perMinute < 48, qPrintable(QString::number(perMinute)));
    QCOMPARE(severities, (QSet<qint32> { 1, 5, 9, 13, 17, 21 }));
    for (int hour = 0; hour < 3; ++hour)
        QCOMPARE(severitiesPerHour.value(hour).size(), 6); // every severity every hour
    QCOMPARE(metricTypes.size(), 3); // gauge, sum, histogram
    QVERIFY(correlatedLogs > 100);
}

void TestSampleTelemetry::theEstimateIsCloseToWhatIsMade()
{
    const SampleTelemetry sample(options(2, 40));
    qint64 made = 0;
    for (int index = 0; index < sample.minuteCount(); ++index) {
        const auto minute = sample.minute(index);
        made += minute.spans.size() + minute.metrics.size() + minute.logs.size();
    }
    const double ratio = double(sample.estimatedRecords()) / double(made);
    QVERIFY2(
        ratio > 0.7 && ratio < 1.3, qPrintable(u"estimate %1, made %2"_s.arg(sample.estimatedRecords()).arg(made)));
}

void TestSampleTelemetry::optionsAreClampedToTheirLimits()
{
    QCOMPARE(SampleTelemetry(options(0, 30)).minuteCount(), 60);
    QCOMPARE(SampleTelemetry(options(SampleTelemetry::maxHours + 5, 1)).minuteCount(), SampleTelemetry::maxHours * 60);
    QVERIFY(!SampleTelemetry(options(1, 0)).minute(0).spans.isEmpty()); // at least one event a minute
}

QTEST_GUILESS_MAIN(TestSampleTelemetry)
#include "tst_sampletelemetry.moc"
