#include "capture/clickhouserowreader.h"
#include "clickhouse/clickhouseschemadefinition.h"
#include "common/jsonreader.h"
#include "modernclickhouse.h"
#include "recordsamples.h"
#include "storedrecordcheck.h"
#include "telemetry/clickhouserowmapper.h"

#include <QHash>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
/// One record kind: how the mapper writes it, how the reader reads it, how the two are compared.
template<typename Record>
struct Kind
{
    const char* table;
    QByteArray (ClickHouseRowMapper::*append)(QByteArray&, const Record&) const;
    bool (*read)(const JsonView&, Record*, QString*);
    QString (*compare)(const Record&, const Record&);
    const char* keyExpression;
};

const Kind<SpanRecord> spanKind { "traces", &ClickHouseRowMapper::appendTraceRow, &ClickHouseRowReader::readSpan,
    &StoredRecordCheck::span, ClickHouseRowMapper::traceKeyExpression() };
const Kind<MetricPoint> metricKind { "metrics", &ClickHouseRowMapper::appendMetricRow, &ClickHouseRowReader::readMetric,
    &StoredRecordCheck::metric, ClickHouseRowMapper::metricIdColumn() };
const Kind<LogRecord> logKind { "logs", &ClickHouseRowMapper::appendLogRow, &ClickHouseRowReader::readLog,
    &StoredRecordCheck::log, ClickHouseRowMapper::logIdColumn() };

/// Spans with the attributes that tend to break a row format.
QList<SpanRecord> awkwardSpans()
{
    QList<SpanRecord> spans = RecordSamples::realisticEvents(30);
    spans[0].statusCode = Otlp::StatusCode::Error;
    spans[0].statusMessage = "boom: \"quoted\", \\ backslash, tab\there, new\nline";
    spans[1].parentSpanId = RecordSamples::spanId(7);
    spans[2].attributes.append({ QByteArray("unicode.ключ ✓"), AttributeValue::fromString(u"valor ação 日本 🚀"_s) });
    spans[2].attributes.append({ QByteArray("empty"), AttributeValue::fromString(QByteArray()) });
    spans[3].attributes.append({ QByteArray("very.long"), AttributeValue::fromString(QByteArray(200'000, 'x')) });
    for (int index = 0; index < 300; ++index)
        spans[4].attributes.append(
            { "key." + QByteArray::number(index), AttributeValue::fromString(QByteArray::number(index * 7)) });
    spans[5].attributes.append({ QByteArray("number"), AttributeValue::fromInt(-9'223'372'036'854'775'807LL) });
    spans[5].attributes.append({ QByteArray("flag"), AttributeValue::fromBool(false) });
    spans[5].attributes.append({ QByteArray("ratio"), AttributeValue::fromDouble(0.1) });
    spans[6].kind = Otlp::SpanKind::Server;
    spans[7].kind = Otlp::SpanKind::Consumer;
    return spans;
}

/// Every severity number, with and without a trace, and the edge records of RecordSamples.
QList<LogRecord> everySeverity()
{
    QList<LogRecord> logs = RecordSamples::logs();
    const LogRecord base = logs.first();
    for (qint32 severity = 0; severity <= 24; ++severity) {
        LogRecord log = base;
        log.severityNumber = severity;
        log.severityText.clear();
        log.body = AttributeValue::fromString("severity " + QByteArray::number(severity));
        log.timeUnixNano = 1795860441975000000ull + quint64(severity) * 1000;
        if (severity % 2 == 0) {
            log.traceId = RecordSamples::traceId(quint8(severity));
            log.spanId = RecordSamples::spanId(quint8(severity));
        }
        logs.append(log);
    }
    return logs;
}
} // namespace

/// The row mapper's modern rows (Map attributes, the upstream schema as written) insert into
/// ClickHouse 26.7 and read back, field by field, equal to the records they came from.
class TestModernRows final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spans();
    void metrics();
    void logs();

private:
    template<typename Record>
    void roundTrip(const Kind<Record>& kind, const QList<Record>& records);

    ModernClickHouse m_server { QStringLiteral(WORKBENCH_MODERN_PEER), QStringLiteral(WORKBENCH_MODERN_PACKAGE_DIR) };
};

void TestModernRows::initTestCase()
{
    START_MODERN_CLICKHOUSE(m_server);
    const auto definition = ClickHouseSchemaDefinition::load(ClickHouseServerInfo::Dialect::Modern, u"telemetry"_s);
    for (const QString& statement : definition.statements()) {
        QString error;
        QVERIFY2(m_server.execute(statement.toUtf8(), &error), qPrintable(error));
    }
}

template<typename Record>
void TestModernRows::roundTrip(const Kind<Record>& kind, const QList<Record>& records)
{
    const ClickHouseRowMapper mapper(ClickHouseRowMapper::Dialect::Modern);
    QByteArray insert = "INSERT INTO telemetry."_ba + kind.table + " FORMAT JSONEachRow\n";
    QHash<QByteArray, const Record*> written;
    for (const Record& record : records)
        written.insert((mapper.*kind.append)(insert, record), &record);
    QString error;
    QVERIFY2(m_server.execute(insert, &error), qPrintable(error));

    QByteArray answer;
    QVERIFY2(m_server.query("SELECT *, "_ba + kind.keyExpression + " AS workbench_key FROM telemetry." + kind.table,
                 &answer, &error, "JSONEachRow"),
        qPrintable(error));
    const QList<QByteArray> lines = answer.trimmed().split('\n');
    QCOMPARE(lines.size(), written.size());
    for (const QByteArray& line : lines) {
        JsonReader json;
        QVERIFY2(json.validate(line), qPrintable(json.error()));
        const JsonView row = JsonView::root(line);
        QByteArray key;
        row.forEachMember([&](QByteArrayView name, const JsonView& value) {
            if (name == "workbench_key") {
                QByteArray scratch;
                key = value.string(&scratch).toByteArray();
            }
            return true;
        });
        const Record* original = written.value(key);
        QVERIFY2(original, qPrintable(u"a row nobody wrote: "_s + QString::fromUtf8(key)));
        Record stored;
        QVERIFY2(kind.read(row, &stored, &error), qPrintable(error));
        const QString difference = kind.compare(stored, *original);
        QVERIFY2(difference.isEmpty(), qPrintable(QString::fromUtf8(key) + u": "_s + difference));
    }
}

void TestModernRows::spans()
{
    roundTrip(spanKind, awkwardSpans());
}

void TestModernRows::metrics()
{
    roundTrip(metricKind, RecordSamples::metrics());
}

void TestModernRows::logs()
{
    roundTrip(logKind, everySeverity());
}

QTEST_GUILESS_MAIN(TestModernRows)
#include "tst_modernrows.moc"
