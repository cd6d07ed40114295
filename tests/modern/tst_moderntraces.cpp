#include "clickhouse/clickhouseschemadefinition.h"
#include "modernclickhouse.h"
#include "telemetry/clickhouserowmapper.h"
#include "telemetry/sampleevents.h"
#include "trace/openedtrace.h"
#include "trace/tracesearchsql.h"
#include "trace/tracesummary.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 ms = 1'000'000;
constexpr quint64 origin = 1'795'860'441'000ull * ms;
const QByteArray traceHex = "4bf92f3577b34da6a3ce929d0e0e4736";

SpanRecord spanOf(const char* service, quint64 number, quint64 parent, const char* name, quint64 startMs, quint64 endMs)
{
    return SampleEvents::spanOf(traceHex, SampleEvents::serviceResource(service), number, parent, name,
        origin + startMs * ms, origin + endMs * ms);
}
} // namespace

/// The Traces page's SQL on the modern dialect (Map attributes) against ClickHouse 26.7: a
/// search with its filters, and a trace's spans and logs read back into a tree.
class TestModernTraces final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void searchFindsTheTraceByEachFilter();
    void spansAndLogsReadBackIntoATree();

private:
    QList<TraceSummary> search(const TraceSearchCriteria& criteria);

    ModernClickHouse m_server { QStringLiteral(WORKBENCH_MODERN_PEER), QStringLiteral(WORKBENCH_MODERN_PACKAGE_DIR) };
};

void TestModernTraces::initTestCase()
{
    START_MODERN_CLICKHOUSE(m_server);
    const auto definition = ClickHouseSchemaDefinition::load(ClickHouseServerInfo::Dialect::Modern, u"telemetry"_s);
    for (const QString& statement : definition.statements()) {
        QString error;
        QVERIFY2(m_server.execute(statement.toUtf8(), &error), qPrintable(error));
    }
    QList<SpanRecord> spans { spanOf("checkout", 1, 0, "root", 0, 100), spanOf("checkout", 2, 1, "A", 0, 30),
        spanOf("payments", 3, 1, "B", 20, 90), spanOf("checkout", 4, 1, "C", 50, 60),
        spanOf("payments", 5, 3, "B1", 20, 40), spanOf("payments", 6, 3, "B2", 45, 85) };
    spans[5].statusCode = Otlp::StatusCode::Error;
    spans[5].attributes.append({ "payment.id", AttributeValue::fromString(QByteArray("pay-77")) });
    const ClickHouseRowMapper mapper(ClickHouseRowMapper::Dialect::Modern);
    QByteArray traces = "INSERT INTO telemetry.traces FORMAT JSONEachRow\n";
    for (const SpanRecord& span : spans)
        mapper.appendTraceRow(traces, span);
    QByteArray logs = "INSERT INTO telemetry.logs FORMAT JSONEachRow\n";
    LogRecord log;
    log.resource = spans[5].resource;
    log.traceId = spans[5].traceId;
    log.spanId = spans[5].spanId;
    log.timeUnixNano = spans[5].startTimeUnixNano + 1000;
    log.severityNumber = 17;
    log.body = AttributeValue::fromString(QByteArray("card declined"));
    mapper.appendLogRow(logs, log);
    QString error;
    QVERIFY2(m_server.execute(traces, &error), qPrintable(error));
    QVERIFY2(m_server.execute(logs, &error), qPrintable(error));
}

QList<TraceSummary> TestModernTraces::search(const TraceSearchCriteria& given)
{
    TraceSearchCriteria criteria = given;
    criteria.fromMs = qint64(origin / ms) - 60'000;
    criteria.toMs = qint64(origin / ms) + 60'000;
    QByteArray answer;
    QString error;
    QList<TraceSummary> found;
    if (!m_server.query(TraceSearchSql::search(criteria, u"telemetry"_s, TraceSearchSql::Dialect::Modern).toUtf8(),
            &answer, &error)) {
        qWarning("%s", qPrintable(error));
        return { TraceSummary() }; // one empty row: no test expects that
    }
    if (!TraceSummary::fromTsv(QString::fromUtf8(answer), &found, &error))
        qWarning("%s", qPrintable(error));
    return found;
}

void TestModernTraces::searchFindsTheTraceByEachFilter()
{
    const QList<TraceSummary> all = search({});
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().traceId, traceHex);
    QCOMPARE(all.first().rootName, u"root"_s);
    QCOMPARE(all.first().rootService, u"checkout"_s);
    QCOMPARE(all.first().services, (QStringList { u"checkout"_s, u"payments"_s }));
    QCOMPARE(all.first().spans, 6);
    QCOMPARE(all.first().errors, 1);
    QCOMPARE(all.first().durationNs, 100 * ms);
    TraceSearchCriteria criteria;
    criteria.attribute = u"payment.id=pay-77"_s;
    QCOMPARE(search(criteria).size(), 1);
    criteria.attribute = u"payment.id="_s; // the key is there, with another value
    QCOMPARE(search(criteria).size(), 0);
    criteria.attribute = u"missing="_s; // a Map answers '' for a missing key: not a match
    QCOMPARE(search(criteria).size(), 0);
    criteria.attribute = u"payment.id"_s;
    QCOMPARE(search(criteria).size(), 1);
    criteria = {};
    criteria.service = u"payments"_s;
    criteria.status = TraceSearchCriteria::Status::WithErrors;
    criteria.minDurationMs = 100;
    QCOMPARE(search(criteria).size(), 1);
    criteria.status = TraceSearchCriteria::Status::WithoutErrors;
    QCOMPARE(search(criteria).size(), 0);
}

void TestModernTraces::spansAndLogsReadBackIntoATree()
{
    QByteArray spans;
    QByteArray logs;
    QString error;
    QVERIFY2(m_server.query(TraceSearchSql::spans(traceHex, u"telemetry"_s).toUtf8(), &spans, &error, "JSONEachRow"),
        qPrintable(error));
    QVERIFY2(m_server.query(TraceSearchSql::logs(traceHex, u"telemetry"_s).toUtf8(), &logs, &error, "JSONEachRow"),
        qPrintable(error));
    const OpenedTrace trace = OpenedTrace::read(traceHex, spans, logs);
    QCOMPARE(trace.badRows, 0);
    QCOMPARE(trace.tree.size(), 6);
    QCOMPARE(trace.tree.roots().size(), 1);
    QStringList path;
    for (const qsizetype span : trace.tree.criticalPath())
        path.append(QString::fromUtf8(trace.tree.span(span).record.name));
    QCOMPARE(path, (QStringList { u"root"_s, u"B"_s, u"B2"_s, u"B1"_s }));
    QCOMPARE(trace.logs.size(), 1);
    QCOMPARE(trace.spanNames.value(trace.logs.first().spanId), u"B2"_s);
    const AttributeValue* payment =
        findAttribute(trace.tree.span(trace.tree.indexOfId("0000000000000006")).record.attributes, "payment.id");
    QVERIFY(payment);
    QCOMPARE(payment->toQString(), u"pay-77"_s);
}

QTEST_GUILESS_MAIN(TestModernTraces)
#include "tst_moderntraces.moc"
