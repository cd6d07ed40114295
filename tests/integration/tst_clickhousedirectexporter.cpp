#include "clickhouse/clickhousedirectexporter.h"
#include "clickhouse/clickhouseschemadefinition.h"
#include "clickhousefixture.h"
#include "common/jsonreader.h"
#include "query/grafanamacroexpander.h"
#include "telemetry/sdkrecordbuilder.h"
#include "upstreampanels.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
SdkRecordBuilder makeBuilder(const QString& project = u"omni"_s)
{
    SdkIdentity identity;
    identity.projectName = project;
    identity.projectVersion = u"2.0.1"_s;
    identity.userId = u"user-42"_s;
    identity.sessionId = u"session-7"_s;
    identity.environment = u"staging"_s;
    SystemInfo system;
    system.os = u"Linux"_s;
    system.osVersion = u"6.1.0"_s;
    system.architecture = u"x86_64"_s;
    system.runtimeVersion = u"3.12.3"_s;
    return SdkRecordBuilder(identity, system);
}

/// Rows of `sql` (which must end in FORMAT JSONEachRow), parsed.
QList<JsonValue> rows(const ClickHouseEndpoint& endpoint, const QString& sql)
{
    bool ok = false;
    const QString text = ClickHouseFixture::run(endpoint, sql, &ok);
    QList<JsonValue> result;
    if (!ok) {
        qWarning("%s", qPrintable(text));
        return result;
    }
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
        JsonValue value;
        JsonReader reader;
        if (reader.parse(line.toUtf8(), &value))
            result.append(value);
    }
    return result;
}

QString field(const JsonValue& row, const char* name)
{
    const JsonValue* value = row.member(name);
    return value ? QString::fromUtf8(value->text()) : u"<absent>"_s;
}

QStringList stringArray(const JsonValue& row, const char* name)
{
    QStringList out;
    if (const JsonValue* value = row.member(name)) {
        for (const JsonValue& item : value->elements())
            out.append(QString::fromUtf8(item.text()));
    }
    return out;
}

/// A map column in either dialect (a Map object, or Nested `name.key` and `name.value` arrays),
/// as key -> value.
QMap<QString, QString> mapColumn(const JsonValue& row, const QByteArray& name)
{
    QMap<QString, QString> out;
    if (const JsonValue* map = row.member(name); map && map->isObject()) {
        for (const auto& [key, value] : map->members())
            out.insert(QString::fromUtf8(key), QString::fromUtf8(value.text()));
        return out;
    }
    const QByteArray keysColumn = name + QByteArrayLiteral(".key");
    const QByteArray valuesColumn = name + QByteArrayLiteral(".value");
    const QStringList keys = stringArray(row, keysColumn.constData());
    const QStringList values = stringArray(row, valuesColumn.constData());
    for (qsizetype i = 0; i < keys.size(); ++i)
        out.insert(keys.at(i), values.value(i));
    return out;
}

QMap<QString, QString> attributes(const JsonValue& row)
{
    return mapColumn(row, "attributes");
}
} // namespace

class TestClickHouseDirectExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void tracesLandColumnByColumn_data() { insertFormats(); }
    void tracesLandColumnByColumn();
    void metricsLandColumnByColumn_data() { insertFormats(); }
    void metricsLandColumnByColumn();
    void logsLandColumnByColumn_data() { insertFormats(); }
    void logsLandColumnByColumn();
    void upstreamPanelsCountWhatWasSent_data() { insertFormats(); }
    void upstreamPanelsCountWhatWasSent();
    void aValueTheTableCannotHoldGoesAsText();
    void bulkBatchesKeepTheirByteLimit();
    void aTableAlteredUnderneathIsReadAgain();

private:
    /// Each check runs twice: rows inserted as RowBinary (the default once the server has told the
    /// column types) and as JSONEachRow (before that, or for tables with other types).
    static void insertFormats()
    {
        QTest::addColumn<bool>("rowBinary");
        QTest::addRow("RowBinary") << true;
        QTest::addRow("JSONEachRow") << false;
    }
    ClickHouseBackendConfig config() const;
    /// Makes telemetry.`copy` (anew) from the schema's statement for telemetry.`table`, with
    /// `text` in it replaced by `replacement`; what went wrong, or nothing.
    QString copyTable(const QString& table, const QString& copy, const QString& text, const QString& replacement) const;
    void deliver(const QList<SpanRecord>& spans, const QList<MetricPoint>& metrics, const QList<LogRecord>& logs);

    ClickHouseFixture m_fixture;
};

void TestClickHouseDirectExporter::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    QString error;
    QVERIFY2(m_fixture.installSchema(&error), qPrintable(error));
}

void TestClickHouseDirectExporter::init()
{
    for (const char* table : { "traces", "metrics", "logs", "metrics_hourly", "metrics_5min", "logs_error_summary" }) {
        bool ok = false;
        const QString answer = ClickHouseFixture::run(
            m_fixture.endpoint(), u"TRUNCATE TABLE telemetry.%1"_s.arg(QLatin1StringView(table)), &ok);
        QVERIFY2(ok, qPrintable(answer));
    }
}

ClickHouseBackendConfig TestClickHouseDirectExporter::config() const
{
    ClickHouseBackendConfig config;
    config.endpoint = m_fixture.endpoint();
    config.endpoint.database = u"telemetry"_s;
    config.dialect = m_fixture.rowDialect();
    return config;
}

QString TestClickHouseDirectExporter::copyTable(
    const QString& table, const QString& copy, const QString& text, const QString& replacement) const
{
    const QString head = u"telemetry.%1 ("_s.arg(table);
    QString statement;
    for (const QString& candidate :
        ClickHouseSchemaDefinition::load(m_fixture.serverInfo().dialect(), u"telemetry"_s).statements()) {
        if (candidate.contains(head))
            statement = candidate;
    }
    if (!statement.contains(text))
        return u"the schema's %1 has no \"%2\": %3"_s.arg(table, text, statement);
    statement.replace(head, u"telemetry.%1 ("_s.arg(copy)).replace(text, replacement);
    for (const QString& sql : { u"DROP TABLE IF EXISTS telemetry.%1"_s.arg(copy), statement }) {
        bool ok = false;
        const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok);
        if (!ok)
            return answer;
    }
    return {};
}

void TestClickHouseDirectExporter::deliver(
    const QList<SpanRecord>& spans, const QList<MetricPoint>& metrics, const QList<LogRecord>& logs)
{
    QFETCH(bool, rowBinary);
    ClickHouseBackendConfig settings = config();
    settings.rowBinary = rowBinary;
    ClickHouseDirectExporter exporter(settings);
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    QVERIFY(exporter.waitUntilReady(20000));
    QSignalSpy errors(&exporter, &ClickHouseDirectExporter::errorOccurred);
    exporter.trackSpans(spans);
    exporter.trackMetrics(metrics);
    exporter.trackLogs(logs);
    QVERIFY(exporter.flushAndWait(30000));
    QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.rowsDelivered, spans.size() + metrics.size() + logs.size());
    QCOMPARE(statistics.rowBinaryRows, rowBinary ? statistics.rowsDelivered : 0);
    QCOMPARE(statistics.rowsLost, 0);
}

void TestClickHouseDirectExporter::tracesLandColumnByColumn()
{
    const SdkRecordBuilder builder = makeBuilder();
    const quint64 start = quint64(QDateTime::currentSecsSinceEpoch() - 60) * 1000000000ull + 123456789ull;
    SpanRecord event = builder.trackEvent(
        u"automagik.feature.used"_s, { { u"feature_name"_s, u"x"_s }, { u"count"_s, 3 } }, start, 250000000ull);
    SpanRecord error = builder.trackError(u"ValueError"_s, u"bad input: ação"_s, {}, start + 1000);
    SpanRecord child = event;
    child.spanId = SdkRecordBuilder::randomSpanId();
    child.parentSpanId = event.spanId;
    child.kind = Otlp::SpanKind::Client;
    child.statusCode = Otlp::StatusCode::Unset;
    child.startTimeUnixNano = start + 2000;
    child.endTimeUnixNano = start + 2000 + 1500000000ull;
    deliver({ event, error, child }, {}, {});

    const auto stored = rows(m_fixture.endpoint(),
        u"SELECT *, toUInt32(timestamp) AS unix FROM telemetry.traces ORDER BY timestamp_ns FORMAT JSONEachRow"_s);
    QCOMPARE(stored.size(), 3);
    const JsonValue& first = stored.at(0);
    QCOMPARE(field(first, "trace_id"), QString::fromLatin1(event.traceId.toHex()));
    QCOMPARE(field(first, "span_id"), QString::fromLatin1(event.spanId.toHex()));
    QCOMPARE(field(first, "parent_span_id"), QString());
    QCOMPARE(field(first, "unix"), QString::number(start / 1000000000ull));
    QCOMPARE(field(first, "timestamp_ns"), QString::number(start));
    QCOMPARE(field(first, "duration_ms"), u"250"_s); // upstream: always 0
    QCOMPARE(field(first, "service_name"), u"omni"_s);
    QCOMPARE(field(first, "span_name"), u"automagik.feature.used"_s);
    QCOMPARE(field(first, "span_kind"), u"INTERNAL"_s); // upstream: SPAN_KIND_INTERNAL
    QCOMPARE(field(first, "status_code"), u"OK"_s);
    QCOMPARE(field(first, "project_name"), u"omni"_s);
    QCOMPARE(field(first, "project_version"), u"2.0.1"_s);
    QCOMPARE(field(first, "environment"), u"staging"_s);
    QCOMPARE(field(first, "user_id"), u"user-42"_s); // upstream: empty
    QCOMPARE(field(first, "session_id"), u"session-7"_s);
    QCOMPARE(field(first, "os_type"), u"Linux"_s);
    QCOMPARE(field(first, "os_version"), u"6.1.0"_s);
    QCOMPARE(field(first, "instrumentation_library_name"), u"automagik-telemetry"_s);
    QCOMPARE(field(first, "instrumentation_library_version"), u"0.1.4"_s);
    const auto attrs = attributes(first);
    QCOMPARE(attrs.value(u"feature_name"_s), u"x"_s);
    QCOMPARE(attrs.value(u"count"_s), u"3"_s); // a double 3.0, shortest form
    QCOMPARE(attrs.value(u"system.is_docker"_s), u"false"_s);
    QCOMPARE(attrs.value(u"system.python_version"_s), u"3.12.3"_s);

    const JsonValue& second = stored.at(1);
    QCOMPARE(field(second, "span_name"), u"automagik.error"_s);
    QCOMPARE(field(second, "status_code"), u"ERROR"_s); // upstream: OK
    QCOMPARE(field(second, "status_message"), u"bad input: ação"_s);
    QCOMPARE(attributes(second).value(u"error_type"_s), u"ValueError"_s);

    const JsonValue& third = stored.at(2);
    QCOMPARE(field(third, "parent_span_id"), QString::fromLatin1(event.spanId.toHex()));
    QCOMPARE(field(third, "span_kind"), u"CLIENT"_s);
    QCOMPARE(field(third, "status_code"), u"OK"_s); // UNSET is not an error
    QCOMPARE(field(third, "duration_ms"), u"1500"_s);

    // The materialized view saw them too, with the right types.
    QCOMPARE(ClickHouseFixture::run(
                 m_fixture.endpoint(), u"SELECT sum(total_count), sum(error_count) FROM telemetry.metrics_hourly"_s),
        u"3\t1"_s);
}

void TestClickHouseDirectExporter::metricsLandColumnByColumn()
{
    const SdkRecordBuilder builder = makeBuilder();
    const quint64 time = quint64(QDateTime::currentSecsSinceEpoch() - 30) * 1000000000ull;
    MetricPoint gauge =
        builder.trackMetric(u"cpu.usage"_s, 42.5, SdkRecordBuilder::MetricKind::Gauge, { { u"core"_s, u"0"_s } }, time);
    MetricPoint counter = builder.trackMetric(u"requests"_s, 3, SdkRecordBuilder::MetricKind::Counter, {}, time + 1);
    MetricPoint histogram =
        builder.trackMetric(u"latency"_s, 12.5, SdkRecordBuilder::MetricKind::Histogram, {}, time + 2);
    MetricPoint integer = gauge; // what an OpenTelemetry SDK sends for an int gauge
    integer.name = "queue.depth";
    integer.valueKind = NumberKind::Int;
    integer.asInt = -7;
    integer.timeUnixNano = time + 3;
    MetricPoint summary = gauge;
    summary.name = "rpc.duration";
    summary.type = MetricPoint::Type::Summary;
    summary.valueKind = NumberKind::None;
    summary.count = 4;
    summary.sum = 10;
    summary.quantileValues = { { 0.5, 2 }, { 0.99, 4 } };
    summary.timeUnixNano = time + 4;
    deliver({}, { gauge, counter, histogram, integer, summary }, {});

    const auto stored =
        rows(m_fixture.endpoint(), u"SELECT * FROM telemetry.metrics ORDER BY timestamp_ns FORMAT JSONEachRow"_s);
    QCOMPARE(stored.size(), 5);
    QCOMPARE(field(stored.at(0), "metric_name"), u"cpu.usage"_s);
    QCOMPARE(field(stored.at(0), "metric_type"), u"GAUGE"_s);
    QCOMPARE(field(stored.at(0), "value_double"), u"42.5"_s);
    QCOMPARE(field(stored.at(0), "timestamp_ns"), QString::number(time));
    QCOMPARE(field(stored.at(0), "user_id"), u"user-42"_s);
    QCOMPARE(field(stored.at(0), "service_name"), u"omni"_s);
    QCOMPARE(attributes(stored.at(0)).value(u"core"_s), u"0"_s);
    // Every point has its own id (the key a resend looks for).
    QSet<QString> ids;
    for (const JsonValue& row : stored) {
        const QString id = field(row, "metric_id");
        QVERIFY2(!id.isEmpty() && id != u"<absent>"_s, qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), stored.size());

    QCOMPARE(field(stored.at(1), "metric_type"), u"SUM"_s);
    QCOMPARE(field(stored.at(1), "is_monotonic"), u"1"_s);
    QCOMPARE(field(stored.at(1), "aggregation_temporality"), u"CUMULATIVE"_s);
    QCOMPARE(field(stored.at(1), "value_double"), u"3"_s);

    QCOMPARE(field(stored.at(2), "metric_type"), u"HISTOGRAM"_s);
    QCOMPARE(field(stored.at(2), "histogram_count"), u"1"_s);
    QCOMPARE(field(stored.at(2), "histogram_sum"), u"12.5"_s);
    QCOMPARE(field(stored.at(2), "histogram_min"), u"12.5"_s);
    QCOMPARE(field(stored.at(2), "histogram_max"), u"12.5"_s);
    QCOMPARE(stringArray(stored.at(2), "histogram_bucket_counts"), QStringList { u"1"_s });
    QCOMPARE(field(stored.at(2), "value_double"), u"12.5"_s); // the mean, for the dashboards

    // Integers land in both columns (upstream left value_double at 0 and the dashboards empty).
    QCOMPARE(field(stored.at(3), "value_int"), u"-7"_s);
    QCOMPARE(field(stored.at(3), "value_double"), u"-7"_s);

    QCOMPARE(field(stored.at(4), "metric_type"), u"SUMMARY"_s);
    QCOMPARE(field(stored.at(4), "summary_count"), u"4"_s);
    QCOMPARE(field(stored.at(4), "summary_sum"), u"10"_s);
    QCOMPARE(field(stored.at(4), "value_double"), u"2.5"_s);
    // The quantiles in either dialect (a Map, or Nested arrays on 18.16).
    const QMap<QString, QString> quantiles = mapColumn(stored.at(4), "quantile_values");
    QCOMPARE(quantiles.keys(), (QStringList { u"0.5"_s, u"0.99"_s }));
    QCOMPARE(quantiles.value(u"0.5"_s).toDouble(), 2.0);
    QCOMPARE(quantiles.value(u"0.99"_s).toDouble(), 4.0);
}

void TestClickHouseDirectExporter::logsLandColumnByColumn()
{
    const SdkRecordBuilder builder = makeBuilder();
    const quint64 time = quint64(QDateTime::currentSecsSinceEpoch() - 10) * 1000000000ull;
    LogRecord info = builder.trackLog(u"service started"_s, 9, { { u"component"_s, u"db"_s } }, time);
    LogRecord error = builder.trackLog(u"it broke"_s, 17,
        { { u"exception.type"_s, u"KeyError"_s }, { u"exception.message"_s, u"'id'"_s },
            { u"code.lineno"_s, u"42"_s } },
        time + 1);
    error.traceId = SdkRecordBuilder::randomTraceId();
    error.spanId = SdkRecordBuilder::randomSpanId();
    LogRecord structured = info;
    structured.body = AttributeValue::fromKeyValueList({ { "k", AttributeValue::fromString(QByteArray("v")) } });
    structured.severityText.clear();
    structured.severityNumber = 14;
    structured.timeUnixNano = time + 2;
    deliver({}, {}, { info, error, structured });

    const auto stored =
        rows(m_fixture.endpoint(), u"SELECT * FROM telemetry.logs ORDER BY timestamp_ns FORMAT JSONEachRow"_s);
    QCOMPARE(stored.size(), 3);
    QCOMPARE(field(stored.at(0), "severity_text"), u"INFO"_s);
    QCOMPARE(field(stored.at(0), "severity_number"), u"9"_s);
    QCOMPARE(field(stored.at(0), "body"), u"service started"_s);
    QCOMPARE(field(stored.at(0), "body_type"), u"STRING"_s);
    QCOMPARE(field(stored.at(0), "is_exception"), u"0"_s);
    QCOMPARE(field(stored.at(0), "session_id"), u"session-7"_s);
    QCOMPARE(attributes(stored.at(0)).value(u"component"_s), u"db"_s);

    QCOMPARE(field(stored.at(1), "severity_text"), u"ERROR"_s);
    QCOMPARE(field(stored.at(1), "trace_id"), QString::fromLatin1(error.traceId.toHex()));
    QCOMPARE(field(stored.at(1), "span_id"), QString::fromLatin1(error.spanId.toHex()));
    QCOMPARE(field(stored.at(1), "exception_type"), u"KeyError"_s);
    QCOMPARE(field(stored.at(1), "exception_message"), u"'id'"_s);
    QCOMPARE(field(stored.at(1), "is_exception"), u"1"_s);
    QCOMPARE(field(stored.at(1), "source_line"), u"42"_s);

    QCOMPARE(field(stored.at(2), "severity_text"), u"WARN"_s); // derived from 14
    QCOMPARE(field(stored.at(2), "body_type"), u"JSON"_s);
    QCOMPARE(field(stored.at(2), "body"), uR"({"k":"v"})"_s);

    QCOMPARE(
        ClickHouseFixture::run(m_fixture.endpoint(),
            u"SELECT sum(total_logs), sum(error_logs), sum(warn_logs), sum(exception_logs) FROM telemetry.logs_error_summary"_s),
        u"3\t1\t1\t1"_s);
}

void TestClickHouseDirectExporter::upstreamPanelsCountWhatWasSent()
{
    // A known data set, sent through the backend...
    const SdkRecordBuilder omni = makeBuilder(u"omni"_s);
    const SdkRecordBuilder genie = makeBuilder(u"genie"_s);
    const quint64 now = quint64(QDateTime::currentSecsSinceEpoch() - 120) * 1000000000ull;
    QList<SpanRecord> spans;
    for (int i = 0; i < 30; ++i) {
        const SdkRecordBuilder& builder = i < 20 ? omni : genie;
        spans.append(i % 10 == 3 ? builder.trackError(u"E"_s, u"boom"_s, {}, now + quint64(i) * 1000000ull)
                                 : builder.trackEvent(i % 2 ? u"a"_s : u"b"_s, {}, now + quint64(i) * 1000000ull,
                                     quint64(10 + i) * 1000000ull));
    }
    QList<MetricPoint> metrics;
    for (int i = 0; i < 5; ++i)
        metrics.append(omni.trackMetric(u"cpu"_s, 10 + i, SdkRecordBuilder::MetricKind::Gauge, {}, now + quint64(i)));
    for (int i = 0; i < 3; ++i)
        metrics.append(omni.trackMetric(u"requests"_s, 1, SdkRecordBuilder::MetricKind::Counter, {}, now + quint64(i)));
    for (int i = 0; i < 2; ++i)
        metrics.append(
            omni.trackMetric(u"latency"_s, 100, SdkRecordBuilder::MetricKind::Histogram, {}, now + quint64(i)));
    QList<LogRecord> logs;
    const QList<int> severities { 9, 9, 9, 9, 9, 9, 13, 13, 17, 17, 17 };
    for (qsizetype i = 0; i < severities.size(); ++i)
        logs.append(omni.trackLog(u"line %1"_s.arg(i), severities.at(i), {}, now + quint64(i)));
    deliver(spans, metrics, logs);

    // ...and the upstream dashboards' own SQL over it, taken from their JSON unchanged.
    const qint64 to = QDateTime::currentSecsSinceEpoch() + 60;
    const qint64 from = to - 3600;
    QMap<QString, QString> answers;
    QString loadError;
    const QList<UpstreamPanels::Target> targets = UpstreamPanels::load(&loadError);
    QVERIFY2(!targets.isEmpty(), qPrintable(loadError));
    for (const UpstreamPanels::Target& target : targets) {
        const QString& title = target.title;
        // Expanded by the Query page's engine, as Grafana's ClickHouse plugin would, with
        // toStartOfInterval rewritten where the server lacks it (18.16).
        GrafanaMacroContext context;
        context.fromMs = from * 1000;
        context.toMs = to * 1000;
        context.serverHasToStartOfInterval = m_fixture.serverInfo().hasToStartOfInterval();
        context.serverHasDateTime64 = m_fixture.serverInfo().hasDateTime64();
        const GrafanaMacroExpander::Result expanded = GrafanaMacroExpander::expand(target.rawSql, context);
        QVERIFY2(expanded.ok(), qPrintable(title + u": "_s + expanded.error));
        const QString sql = expanded.sql;
        bool ok = false;
        const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok);
        QVERIFY2(ok, qPrintable(title + u": "_s + answer));
        QVERIFY2(!answer.isEmpty(), qPrintable(title + u" returned no rows"_s));
        answers.insert(target.dashboard + u"/"_s + title, answer);
    }
    QCOMPARE(answers.size(), 28);
    QCOMPARE(answers.value(u"telemetry-overview/Total Events"_s), u"30"_s);
    QCOMPARE(answers.value(u"telemetry-overview/Error Count"_s), u"3"_s);
    QCOMPARE(answers.value(u"telemetry-overview/Events by Project"_s), u"omni\t20\ngenie\t10"_s);
    QCOMPARE(answers.value(u"telemetry-overview/Top Events"_s).split(u'\n').size(), 3);
    QCOMPARE(answers.value(u"traces-dashboard/Total Traces (1h)"_s), u"30"_s);
    QCOMPARE(answers.value(u"traces-dashboard/Errors (1h)"_s), u"3"_s);
    QCOMPARE(answers.value(u"traces-dashboard/Active Services"_s), u"2"_s);
    // Average over the 27 events with a duration: 10..39 ms without i = 3, 13, 23.
    QCOMPARE(
        answers.value(u"traces-dashboard/Avg Duration (1h)"_s).toDouble(), (435.0 + 10 * 30 - (13 + 23 + 33)) / 27.0);
    QCOMPARE(answers.value(u"traces-dashboard/Recent Traces"_s).split(u'\n').size(), 30);
    QCOMPARE(answers.value(u"metrics-dashboard/Total Metrics (1h)"_s), u"10"_s);
    QCOMPARE(answers.value(u"metrics-dashboard/Unique Metrics"_s), u"3"_s);
    QCOMPARE(answers.value(u"metrics-dashboard/Counter Metrics (SUM)"_s).section(u'\t', 2), u"3"_s);
    QVERIFY2(answers.value(u"metrics-dashboard/Gauge Metrics"_s).endsWith(u"cpu\t12"_s),
        qPrintable(answers.value(u"metrics-dashboard/Gauge Metrics"_s)));
    QVERIFY(answers.value(u"metrics-dashboard/Metrics by Type"_s).contains(u"HISTOGRAM\t2"_s));
    QVERIFY(answers.value(u"metrics-dashboard/Histogram Metrics (Percentiles)"_s).contains(u"latency\t100\t100"_s));
    QCOMPARE(answers.value(u"logs-dashboard/Total Logs (1h)"_s), u"11"_s);
    QCOMPARE(answers.value(u"logs-dashboard/Errors (1h)"_s), u"3"_s);
    QCOMPARE(answers.value(u"logs-dashboard/Warnings (1h)"_s), u"2"_s);
    QCOMPARE(answers.value(u"logs-dashboard/Logs by Severity"_s), u"INFO\t6\nERROR\t3\nWARN\t2"_s);
}

void TestClickHouseDirectExporter::aValueTheTableCannotHoldGoesAsText()
{
    // A metrics table whose metric_type has no GAUGE: RowBinary cannot hold that row, so the rows
    // of the call go as JSONEachRow, and the server's refusal names the value (no stray bytes
    // before the rows, as the writer once left when it went after the fallback had begun).
    const QString allTypes =
        u"Enum8('GAUGE' = 1, 'SUM' = 2, 'HISTOGRAM' = 3, 'EXPONENTIAL_HISTOGRAM' = 4, 'SUMMARY' = 5)"_s;
    const QString problem = copyTable(u"metrics"_s, u"metrics_narrow"_s, allTypes, u"Enum8('SUM' = 2)"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    ClickHouseBackendConfig settings = config();
    settings.metricsTable = u"metrics_narrow"_s;
    settings.retry.maxRetries = 0;
    ClickHouseDirectExporter exporter(settings);
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    QVERIFY(exporter.waitUntilReady(20000));
    QSignalSpy errors(&exporter, &ClickHouseDirectExporter::errorOccurred);
    const SdkRecordBuilder builder = makeBuilder();
    const quint64 time = quint64(QDateTime::currentSecsSinceEpoch()) * 1000000000ull;
    exporter.trackMetrics({ builder.trackMetric(u"requests"_s, 3, SdkRecordBuilder::MetricKind::Counter, {}, time),
        builder.trackMetric(u"cpu"_s, 42.5, SdkRecordBuilder::MetricKind::Gauge, {}, time) });
    QVERIFY(exporter.flushAndWait(30000));
    QStringList said;
    for (const QList<QVariant>& arguments : std::as_const(errors))
        said.append(arguments.first().toString());
    QVERIFY2(said.size() >= 2, qPrintable(said.join(u'\n')));
    QCOMPARE(
        said.first(), u"rows for metrics_narrow written as JSONEachRow: GAUGE is not a value of Enum8('SUM' = 2)"_s);
    QVERIFY2(said.at(1).contains(u"GAUGE"_s), qPrintable(said.join(u'\n')));
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.rowBinaryRows, 0);
    QCOMPARE(statistics.rowsLost, 2); // no spool here: refused rows are counted and reported
}

void TestClickHouseDirectExporter::bulkBatchesKeepTheirByteLimit()
{
    // Bulk work seals a batch at a number of rows or of bytes, whichever comes first: records
    // handed over in one call are cut where the bytes run out too, and every row lands once.
    ClickHouseBackendConfig settings = config();
    settings.mode = ClickHouseBackendConfig::Mode::Throughput;
    settings.throughputBatchRows = 1000;
    settings.throughputBatchBytes = 3000;
    ClickHouseDirectExporter exporter(settings);
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    QVERIFY(exporter.waitUntilReady(20000));
    const SdkRecordBuilder builder = makeBuilder();
    const quint64 start = quint64(QDateTime::currentSecsSinceEpoch() - 60) * 1000000000ull;
    QList<SpanRecord> spans;
    for (int i = 0; i < 53; ++i)
        spans.append(builder.trackEvent(u"automagik.feature.used"_s,
            { { u"feature_name"_s, u"feature %1"_s.arg(i) }, { u"padding"_s, QString(100, u'x') } },
            start + quint64(i) * 1000, 1000));
    exporter.trackSpans(spans.first(3)); // the first piece of the next call fills what these leave
    exporter.trackSpans(spans.sliced(3));
    QVERIFY(exporter.flushAndWait(30000));
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.rowsDelivered, 53);
    QCOMPARE(statistics.rowBinaryRows, 53);
    QCOMPARE(statistics.rowsLost, 0);
    // On average an insert holds at most the limit and one row (rows here are well under 1,000
    // bytes); with the limit ignored, the 50 rows of the second call went in one insert.
    QVERIFY2(statistics.batchesDelivered * (3000 + 1000) >= statistics.bytesRaw,
        qPrintable(u"%1 inserts for %2 bytes"_s.arg(statistics.batchesDelivered).arg(statistics.bytesRaw)));
    QVERIFY2(statistics.bytesRaw > 4 * (3000 + 1000), qPrintable(QString::number(statistics.bytesRaw)));
    const auto stored = rows(m_fixture.endpoint(),
        u"SELECT count() AS n, uniqExact(span_id) AS ids FROM telemetry.traces FORMAT JSONEachRow"_s);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(field(stored.first(), "n"), u"53"_s);
    QCOMPARE(field(stored.first(), "ids"), u"53"_s);
}

void TestClickHouseDirectExporter::aTableAlteredUnderneathIsReadAgain()
{
    // RowBinary carries no types. A column widened while the exporter runs (duration_ms from
    // UInt32 to UInt64) makes the server read rows written for the old type wrongly: that batch
    // goes to the spool (as text, which names its columns) and lands from there, and the column
    // types are read again, so the rows after it go as RowBinary of the new types.
    const QString problem =
        copyTable(u"traces"_s, u"traces_altered"_s, u"duration_ms UInt32"_s, u"duration_ms UInt32"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTemporaryDir folder;
    ClickHouseBackendConfig settings = config();
    settings.tracesTable = u"traces_altered"_s;
    settings.spoolPath = folder.filePath(u"altered.spool"_s);
    settings.spoolRetryIntervalMs = 100;
    settings.retry.maxRetries = 0;
    ClickHouseDirectExporter exporter(settings);
    QString error;
    QVERIFY2(exporter.start(&error), qPrintable(error));
    QVERIFY(exporter.waitUntilReady(20000));
    const SdkRecordBuilder builder = makeBuilder();
    const quint64 start = quint64(QDateTime::currentSecsSinceEpoch() - 60) * 1000000000ull;
    auto spans = [&](int first) {
        QList<SpanRecord> out;
        for (int i = first; i < first + 10; ++i)
            out.append(builder.trackEvent(u"step %1"_s.arg(i), {}, start + quint64(i) * 1000, 7'000'000));
        return out;
    };
    exporter.trackSpans(spans(0));
    QVERIFY(exporter.flushAndWait(30000));
    QCOMPARE(exporter.statistics().rowBinaryRows, 10);
    bool ok = false;
    const QString answer = ClickHouseFixture::run(
        m_fixture.endpoint(), u"ALTER TABLE telemetry.traces_altered MODIFY COLUMN duration_ms UInt64"_s, &ok);
    QVERIFY2(ok, qPrintable(answer));
    QSignalSpy errors(&exporter, &ClickHouseDirectExporter::errorOccurred);
    exporter.trackSpans(spans(10));
    QVERIFY(exporter.flushAndWait(30000));
    QVERIFY2(!errors.isEmpty(), "the rows for the old type were taken: the test proves nothing");
    QVERIFY(exporter.waitUntilReady(20000)); // the types read again
    exporter.trackSpans(spans(20));
    QVERIFY(exporter.flushAndWait(30000));
    const auto statistics = exporter.statistics();
    QCOMPARE(statistics.rowsDelivered, 30);
    QCOMPARE(statistics.rowsLost, 0);
    QCOMPARE(statistics.rowBinaryRows, 20);
    const auto stored = rows(m_fixture.endpoint(),
        u"SELECT count() AS n, uniqExact(span_id) AS ids, min(duration_ms) AS low, max(duration_ms) AS high "
        u"FROM telemetry.traces_altered FORMAT JSONEachRow"_s);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(field(stored.first(), "n"), u"30"_s);
    QCOMPARE(field(stored.first(), "ids"), u"30"_s);
    QCOMPARE(field(stored.first(), "low"), u"7"_s);
    QCOMPARE(field(stored.first(), "high"), u"7"_s);
}

QTEST_GUILESS_MAIN(TestClickHouseDirectExporter)
#include "tst_clickhousedirectexporter.moc"
