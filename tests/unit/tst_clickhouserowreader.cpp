#include "capture/clickhouserowreader.h"
#include "common/jsonreader.h"
#include "recordsamples.h"
#include "storedrecordcheck.h"
#include "telemetry/clickhouserowmapper.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Dialect = ClickHouseRowMapper::Dialect;

Q_DECLARE_METATYPE(ClickHouseRowMapper::Dialect)

namespace {
QByteArray display(const Attributes& attributes, const char* key)
{
    const AttributeValue* value = findAttribute(attributes, key);
    return value ? value->toDisplayUtf8() : QByteArray("<absent>");
}

/// The mapper's row for `record`, read back by the reader.
template<typename Record, typename Append, typename Read>
bool roundTrip(const Record& record, Dialect dialect, Append append, Read read, Record* out, QString* error)
{
    const ClickHouseRowMapper mapper(dialect);
    QByteArray row;
    (mapper.*append)(row, record);
    row = row.trimmed();
    JsonReader reader;
    if (!reader.validate(row)) {
        *error = reader.error();
        return false;
    }
    return read(JsonView::root(row), out, error);
}
} // namespace

/// ClickHouse JSONEachRow exports read back into records: every row the mapper writes (both
/// dialects) comes back with its ids, times, names, status, severity, values, resource and
/// attributes; quoted 64-bit numbers and DateTime strings are read; a former replay's stamps are
/// dropped; a wrong column type is an error naming the column.
class TestClickHouseRowReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dialects_data();
    void spans_data() { dialects_data(); }
    void spans();
    void metrics_data() { dialects_data(); }
    void metrics();
    void logs_data() { dialects_data(); }
    void logs();
    void tellsTablesApart();
    void readsWhatClickHouseItselfWrites();
    void namesAWrongColumn();
};

void TestClickHouseRowReader::dialects_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addRow("modern (Map)") << Dialect::Modern;
    QTest::addRow("legacy (Nested)") << Dialect::Legacy;
}

void TestClickHouseRowReader::spans()
{
    QFETCH(Dialect, dialect);
    QList<SpanRecord> spans = RecordSamples::realisticEvents(5);
    spans.first().statusCode = Otlp::StatusCode::Error;
    spans.first().statusMessage = "boom";
    spans[1].parentSpanId = RecordSamples::spanId(7);
    for (const SpanRecord& original : std::as_const(spans)) {
        SpanRecord read;
        QString error;
        QVERIFY2(roundTrip(original, dialect, &ClickHouseRowMapper::appendTraceRow, &ClickHouseRowReader::readSpan,
                     &read, &error),
            qPrintable(error));
        const QString difference = StoredRecordCheck::span(read, original);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
}

void TestClickHouseRowReader::metrics()
{
    QFETCH(Dialect, dialect);
    for (const MetricPoint& original : RecordSamples::metrics()) {
        MetricPoint read;
        QString error;
        QVERIFY2(roundTrip(original, dialect, &ClickHouseRowMapper::appendMetricRow, &ClickHouseRowReader::readMetric,
                     &read, &error),
            qPrintable(error));
        const QString difference = StoredRecordCheck::metric(read, original);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
}

void TestClickHouseRowReader::logs()
{
    QFETCH(Dialect, dialect);
    for (const LogRecord& original : RecordSamples::logs()) {
        LogRecord read;
        QString error;
        QVERIFY2(roundTrip(original, dialect, &ClickHouseRowMapper::appendLogRow, &ClickHouseRowReader::readLog, &read,
                     &error),
            qPrintable(error));
        const QString difference = StoredRecordCheck::log(read, original);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
}

void TestClickHouseRowReader::tellsTablesApart()
{
    auto tableOf = [](const QByteArray& row) {
        JsonReader().validate(row);
        return ClickHouseRowReader::tableOf(JsonView::root(row));
    };
    QCOMPARE(tableOf(R"({"trace_id":"a","span_id":"b","span_name":"c"})"), ClickHouseRowReader::Table::Traces);
    QCOMPARE(tableOf(R"({"metric_id":"a","metric_name":"m"})"), ClickHouseRowReader::Table::Metrics);
    QCOMPARE(tableOf(R"({"log_id":"a","trace_id":"b","span_id":"c"})"), ClickHouseRowReader::Table::Logs);
    QCOMPARE(tableOf(R"({"resourceThings":1})"), ClickHouseRowReader::Table::None);
}

void TestClickHouseRowReader::readsWhatClickHouseItselfWrites()
{
    // As 18.16 exports a legacy row: UInt64 quoted, DateTime as text, Nested as two arrays, and a
    // former replay's stamps among the attributes.
    const QByteArray row = R"({"trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174",)"
                           R"("parent_span_id":"","timestamp":"2026-11-30 01:02:03","timestamp_ns":"0",)"
                           R"("duration_ms":250,"service_name":"api","span_name":"GET /","span_kind":"SERVER",)"
                           R"("status_code":"OK","status_message":"","project_name":"p","attributes.key":)"
                           R"(["http.method","workbench.replay.id","workbench.replay.seq"],)"
                           R"("attributes.value":["GET","r1","7"]})";
    QVERIFY(JsonReader().validate(row));
    SpanRecord span;
    QString error;
    QVERIFY2(ClickHouseRowReader::readSpan(JsonView::root(row), &span, &error), qPrintable(error));
    QCOMPARE(span.startTimeUnixNano,
        quint64(QDateTime(QDate(2026, 11, 30), QTime(1, 2, 3), Qt::UTC).toSecsSinceEpoch()) * 1'000'000'000ull);
    QCOMPARE(span.endTimeUnixNano - span.startTimeUnixNano, 250'000'000ull);
    QCOMPARE(span.kind, Otlp::SpanKind::Server);
    QCOMPARE(span.statusCode, Otlp::StatusCode::Ok);
    QCOMPARE(span.attributes.size(), 1);
    QCOMPARE(display(span.attributes, "http.method"), QByteArray("GET"));
    QCOMPARE(display(span.resource->attributes, "service.name"), QByteArray("api"));
    QVERIFY(!span.parentSpanId.isPresent());
}

void TestClickHouseRowReader::namesAWrongColumn()
{
    const QByteArray row = R"({"span_id":"eee19b7ec3c1b174","span_name":"x","duration_ms":"soon"})";
    QVERIFY(JsonReader().validate(row));
    SpanRecord span;
    QString error;
    QVERIFY(!ClickHouseRowReader::readSpan(JsonView::root(row), &span, &error));
    QCOMPARE(error, u"column duration_ms: expected an unsigned integer"_s);
}

QTEST_GUILESS_MAIN(TestClickHouseRowReader)
#include "tst_clickhouserowreader.moc"
