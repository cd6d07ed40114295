#include "capture/clickhouserowreader.h"
#include "common/jsonreader.h"
#include "common/jsonview.h"
#include "live/recordfingerprint.h"
#include "telemetry/clickhouserowmapper.h"
#include "telemetry/sampleevents.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// A record's fingerprint is the same after a trip through a table row (ClickHouseRowMapper out,
/// ClickHouseRowReader back), in both dialects, and differs where the records differ.
class TestRecordFingerprint final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void survivesTheRow_data();
    void survivesTheRow();
    void tellsRecordsApart();
};

namespace {
JsonView rowOf(const QByteArray& line)
{
    JsonReader reader;
    if (!reader.validate(line))
        qFatal("not JSON: %s", line.constData());
    return JsonView::root(line);
}

MetricPoint gauge(const char* route)
{
    MetricPoint point;
    point.resource = SampleEvents::automagikEvents(1).first().resource;
    point.name = "requests.inflight";
    point.type = MetricPoint::Type::Gauge;
    point.timeUnixNano = 1'795'860'441'123'456'789ull;
    point.attributes.append({ "route", AttributeValue::fromString(QByteArray(route)) });
    point.attributes.append({ "shard", AttributeValue::fromInt(3) });
    return point;
}

LogRecord log(const char* body)
{
    LogRecord log;
    log.resource = SampleEvents::automagikEvents(1).first().resource;
    log.timeUnixNano = 1'795'860'441'123'456'789ull;
    log.severityNumber = 13;
    log.body = AttributeValue::fromString(QByteArray(body));
    log.attributes.append({ "attempt", AttributeValue::fromInt(2) });
    return log;
}
} // namespace

void TestRecordFingerprint::survivesTheRow_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("legacy (18.16, Nested)") << int(ClickHouseRowMapper::Dialect::Legacy);
    QTest::newRow("modern (Map)") << int(ClickHouseRowMapper::Dialect::Modern);
}

void TestRecordFingerprint::survivesTheRow()
{
    QFETCH(int, dialect);
    const ClickHouseRowMapper mapper { ClickHouseRowMapper::Dialect(dialect) };
    QString error;
    for (const SpanRecord& span : SampleEvents::automagikEvents(30)) {
        QByteArray line;
        mapper.appendTraceRow(line, span);
        SpanRecord back;
        QVERIFY2(ClickHouseRowReader::readSpan(rowOf(line.trimmed()), &back, &error), qPrintable(error));
        QCOMPARE(RecordFingerprint::of(back), RecordFingerprint::of(span));
    }
    const MetricPoint point = gauge("/orders");
    QByteArray metricLine;
    mapper.appendMetricRow(metricLine, point);
    MetricPoint pointBack;
    QVERIFY2(ClickHouseRowReader::readMetric(rowOf(metricLine.trimmed()), &pointBack, &error), qPrintable(error));
    QCOMPARE(RecordFingerprint::of(pointBack), RecordFingerprint::of(point));
    const LogRecord record = log("card declined");
    QByteArray logLine;
    mapper.appendLogRow(logLine, record);
    LogRecord logBack;
    QVERIFY2(ClickHouseRowReader::readLog(rowOf(logLine.trimmed()), &logBack, &error), qPrintable(error));
    QCOMPARE(RecordFingerprint::of(logBack), RecordFingerprint::of(record));

    // Without a name or a service the row says "unknown": the fingerprint must not change.
    SpanRecord nameless = SampleEvents::automagikEvents(1).first();
    nameless.name.clear();
    QByteArray namelessLine;
    mapper.appendTraceRow(namelessLine, nameless);
    SpanRecord namelessBack;
    QVERIFY2(ClickHouseRowReader::readSpan(rowOf(namelessLine.trimmed()), &namelessBack, &error), qPrintable(error));
    QCOMPARE(namelessBack.name, QByteArray("unknown"));
    QCOMPARE(RecordFingerprint::of(namelessBack), RecordFingerprint::of(nameless));
    LogRecord serviceless = log("no service");
    serviceless.resource = std::make_shared<Resource>();
    QByteArray servicelessLine;
    mapper.appendLogRow(servicelessLine, serviceless);
    LogRecord servicelessBack;
    QVERIFY2(
        ClickHouseRowReader::readLog(rowOf(servicelessLine.trimmed()), &servicelessBack, &error), qPrintable(error));
    QCOMPARE(RecordFingerprint::of(servicelessBack), RecordFingerprint::of(serviceless));
}

void TestRecordFingerprint::tellsRecordsApart()
{
    const QList<SpanRecord> spans = SampleEvents::automagikEvents(2);
    QVERIFY(RecordFingerprint::of(spans.at(0)) != RecordFingerprint::of(spans.at(1)));
    SpanRecord later = spans.at(0);
    later.startTimeUnixNano += 1; // the same span replayed: another row
    QVERIFY(RecordFingerprint::of(later) != RecordFingerprint::of(spans.at(0)));
    // Points of one metric at one moment that differ only by an attribute are two records.
    QVERIFY(RecordFingerprint::of(gauge("/a")) != RecordFingerprint::of(gauge("/b")));
    QVERIFY(RecordFingerprint::of(log("a")) != RecordFingerprint::of(log("b")));
    // A replay's own attributes are not part of it: the row reader drops them.
    MetricPoint replayed = gauge("/a");
    replayed.attributes.append({ "workbench.replay.seq", AttributeValue::fromInt(7) });
    QCOMPARE(RecordFingerprint::of(replayed), RecordFingerprint::of(gauge("/a")));
}

QTEST_GUILESS_MAIN(TestRecordFingerprint)
#include "tst_recordfingerprint.moc"
