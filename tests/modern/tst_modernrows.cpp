#include "capture/clickhouserowreader.h"
#include "clickhouse/clickhouseschemadefinition.h"
#include "clickhouse/clickhousetsv.h"
#include "common/jsonreader.h"
#include "modernclickhouse.h"
#include "recordsamples.h"
#include "storedrecordcheck.h"
#include "telemetry/clickhouserowmapper.h"
#include "telemetry/rowbinarylayout.h"
#include "telemetry/rowbinarywriter.h"

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
    QByteArray (ClickHouseRowMapper::*appendBinary)(RowBinaryWriter&, const Record&) const;
    ClickHouseRowMapper::Table table_;
    bool (*read)(const JsonView&, Record*, QString*);
    QString (*compare)(const Record&, const Record&);
    const char* keyExpression;
};

const Kind<SpanRecord> spanKind { "traces", &ClickHouseRowMapper::appendTraceRow,
    &ClickHouseRowMapper::appendBinaryTraceRow, ClickHouseRowMapper::Table::Traces, &ClickHouseRowReader::readSpan,
    &StoredRecordCheck::span, ClickHouseRowMapper::traceKeyExpression() };
const Kind<MetricPoint> metricKind { "metrics", &ClickHouseRowMapper::appendMetricRow,
    &ClickHouseRowMapper::appendBinaryMetricRow, ClickHouseRowMapper::Table::Metrics, &ClickHouseRowReader::readMetric,
    &StoredRecordCheck::metric, ClickHouseRowMapper::metricIdColumn() };
const Kind<LogRecord> logKind { "logs", &ClickHouseRowMapper::appendLogRow, &ClickHouseRowMapper::appendBinaryLogRow,
    ClickHouseRowMapper::Table::Logs, &ClickHouseRowReader::readLog, &StoredRecordCheck::log,
    ClickHouseRowMapper::logIdColumn() };

/// Bytes as the inside of a ClickHouse string literal: RowBinary travels to chdb inside the SQL.
QByteArray literal(const QByteArray& bytes)
{
    QByteArray text;
    text.reserve(bytes.size() * 4);
    for (const char c : bytes)
        text += "\\x" + QByteArray::number(quint8(c), 16).rightJustified(2, '0');
    return text;
}

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
    void spans_data() { formats(); }
    void spans();
    void metrics_data() { formats(); }
    void metrics();
    void logs_data() { formats(); }
    void logs();

private:
    /// JSONEachRow, and RowBinary with the column types the server reports (Map columns too).
    static void formats()
    {
        QTest::addColumn<bool>("rowBinary");
        QTest::addRow("JSONEachRow") << false;
        QTest::addRow("RowBinary") << true;
    }
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
    QFETCH(bool, rowBinary);
    const ClickHouseRowMapper mapper(ClickHouseRowMapper::Dialect::Modern);
    QString error;
    QVERIFY2(m_server.execute("TRUNCATE TABLE telemetry."_ba + kind.table, &error), qPrintable(error));
    // The RowBinary rows travel inside the SQL (a 200 kB attribute among them).
    QVERIFY2(m_server.execute("SET max_query_size = 100000000", &error), qPrintable(error));
    QByteArray insert = "INSERT INTO telemetry."_ba + kind.table + " FORMAT JSONEachRow\n";
    QHash<QByteArray, const Record*> written;
    if (rowBinary) {
        QByteArray columns;
        QVERIFY2(m_server.query("SELECT name, type FROM system.columns WHERE database = 'telemetry' AND table = '"_ba
                         + kind.table + "'",
                     &columns, &error),
            qPrintable(error));
        QHash<QString, QString> types;
        for (const QStringList& row : ClickHouseTsv::rows(QString::fromUtf8(columns)))
            types.insert(row.at(0), row.at(1));
        RowBinaryLayout layout;
        QVERIFY(RowBinaryLayout::forColumns(mapper.columns(kind.table_), types, &layout));
        QByteArray rows;
        RowBinaryWriter writer(rows, layout);
        for (const Record& record : records)
            written.insert((mapper.*kind.appendBinary)(writer, record), &record);
        writer.finish();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        QByteArray structure;
        for (const RowBinaryLayout::Column& column : layout.columns())
            structure += (structure.isEmpty() ? "" : ", ") + column.name + ' ' + column.type;
        insert = "INSERT INTO telemetry."_ba + kind.table + ' ' + RowBinaryLayout::insertColumnList(layout.spec())
            + " SELECT * FROM format(RowBinary, '" + structure.replace('\'', "\\'") + "', '" + literal(rows) + "')";
    } else {
        for (const Record& record : records)
            written.insert((mapper.*kind.append)(insert, record), &record);
    }
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
