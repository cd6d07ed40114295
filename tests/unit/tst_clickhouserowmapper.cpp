#include "clickhouse/clickhouseschemadefinition.h"
#include "common/jsonreader.h"
#include "telemetry/clickhouserowmapper.h"
#include "telemetry/sdkrecordbuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Dialect = ClickHouseRowMapper::Dialect;

namespace {
JsonValue parse(const QByteArray& line)
{
    JsonValue value;
    JsonReader reader;
    if (!reader.parse(line, &value))
        qFatal("row is not JSON: %s", qPrintable(reader.error()));
    return value;
}

QByteArray text(const JsonValue& row, const char* column)
{
    const JsonValue* value = row.member(column);
    return value ? value->text() : QByteArray("<absent>");
}

SdkRecordBuilder builder()
{
    SdkIdentity identity;
    identity.projectName = u"omni"_s;
    identity.projectVersion = u"1"_s;
    identity.userId = u"u"_s;
    identity.sessionId = u"s"_s;
    return SdkRecordBuilder(identity, SystemInfo {});
}
} // namespace

class TestClickHouseRowMapper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapColumnsFollowTheDialect_data();
    void mapColumnsFollowTheDialect();
    void everyRowIsOneLineWithAllColumns_data();
    void everyRowIsOneLineWithAllColumns();
    void valuesJsonCannotHoldAreWrittenAsNull();
    void keysFindTheRowAgain();
    void severityAndStatusTexts();
};

void TestClickHouseRowMapper::mapColumnsFollowTheDialect_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addRow("modern") << Dialect::Modern;
    QTest::addRow("legacy") << Dialect::Legacy;
}

void TestClickHouseRowMapper::mapColumnsFollowTheDialect()
{
    QFETCH(Dialect, dialect);
    const ClickHouseRowMapper mapper(dialect);
    SpanRecord span = builder().trackEvent(u"e"_s, { { u"k"_s, u"v"_s } }, 5000000000ull);
    span.attributes.append({ "k", AttributeValue::fromString(QByteArray("second")) }); // a Map keeps one value per key
    QByteArray out;
    mapper.appendTraceRow(out, span);
    const JsonValue row = parse(out.trimmed());
    if (dialect == Dialect::Modern) {
        const JsonValue* attributes = row.member("attributes");
        QVERIFY(attributes && attributes->isObject());
        QCOMPARE(attributes->member("k")->text(), QByteArray("second"));
        QVERIFY(!row.member("attributes.key"));
    } else {
        QVERIFY(!row.member("attributes"));
        const auto& keys = row.member("attributes.key")->elements();
        const auto& values = row.member("attributes.value")->elements();
        QCOMPARE(keys.size(), values.size());
        qsizetype found = 0;
        for (size_t i = 0; i < keys.size(); ++i) {
            if (keys[i].text() == "k") {
                ++found;
                QCOMPARE(values[i].text(), QByteArray("second"));
            }
        }
        QCOMPARE(found, 1);
    }
    MetricPoint summary = builder().trackMetric(u"m"_s, 1);
    summary.type = MetricPoint::Type::Summary;
    summary.quantileValues = { { 0.99, 4 } };
    QByteArray metric;
    mapper.appendMetricRow(metric, summary);
    const JsonValue metricRow = parse(metric.trimmed());
    if (dialect == Dialect::Modern)
        QCOMPARE(metricRow.member("quantile_values")->member("0.99")->text(), QByteArray("4"));
    else
        QCOMPARE(metricRow.member("quantile_values.key")->elements().at(0).text(), QByteArray("0.99"));
}

void TestClickHouseRowMapper::everyRowIsOneLineWithAllColumns_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::newRow("legacy") << Dialect::Legacy;
    QTest::newRow("modern") << Dialect::Modern;
}

void TestClickHouseRowMapper::everyRowIsOneLineWithAllColumns()
{
    // 18.16 does not apply DEFAULT expressions to omitted JSONEachRow fields: every column of the
    // schema must be sent, and nothing the table does not have.
    QFETCH(Dialect, dialect);
    const ClickHouseRowMapper mapper(dialect);
    const auto definition = ClickHouseSchemaDefinition::load(
        dialect == Dialect::Modern ? ClickHouseServerInfo::Dialect::Modern : ClickHouseServerInfo::Dialect::Legacy,
        u"telemetry"_s);
    const auto checkColumns = [&](const QByteArray& line, const QString& table) {
        QCOMPARE(line.count('\n'), 1);
        QStringList sent;
        const JsonValue row = parse(line.trimmed());
        for (const auto& member : row.members())
            sent.append(QString::fromUtf8(member.first));
        QStringList expected;
        const auto* object = definition.object(table);
        QVERIFY2(object, qPrintable(table));
        for (const auto& column : object->columns)
            expected.append(column.name);
        sent.sort();
        expected.sort();
        QCOMPARE(sent, expected);
    };
    QByteArray out;
    SpanRecord span = builder().trackEvent(u"line\nbreak"_s);
    span.resource = nullptr; // a record without a resource still maps
    mapper.appendTraceRow(out, span);
    checkColumns(out, u"traces"_s);
    const JsonValue row = parse(out.trimmed());
    QCOMPARE(text(row, "span_name"), QByteArray("line\nbreak"));
    QCOMPARE(text(row, "service_name"), QByteArray("unknown"));
    QCOMPARE(text(row, "environment"), QByteArray("production"));
    QByteArray log;
    mapper.appendLogRow(log, builder().trackLog(u"x"_s));
    checkColumns(log, u"logs"_s);
    QByteArray metric;
    mapper.appendMetricRow(metric, builder().trackMetric(u"m"_s, 1));
    checkColumns(metric, u"metrics"_s);
}

void TestClickHouseRowMapper::valuesJsonCannotHoldAreWrittenAsNull()
{
    const ClickHouseRowMapper mapper(Dialect::Legacy);
    MetricPoint point = builder().trackMetric(u"m"_s, std::numeric_limits<double>::quiet_NaN());
    point.explicitBounds = { 1.0, std::numeric_limits<double>::infinity() };
    QByteArray out;
    mapper.appendMetricRow(out, point);
    const JsonValue row = parse(out.trimmed());
    QVERIFY(row.member("value_double")->isNull());
    QVERIFY(row.member("histogram_explicit_bounds")->elements().at(1).isNull());
}

void TestClickHouseRowMapper::keysFindTheRowAgain()
{
    const ClickHouseRowMapper mapper(Dialect::Legacy);
    const SpanRecord span = builder().trackEvent(u"e"_s, {}, 1234567890123456789ull);
    QByteArray out;
    const QByteArray key = mapper.appendTraceRow(out, span);
    QCOMPARE(key, span.spanId.toHex() + "/1234567890123456789");
    QByteArray metrics;
    const QByteArray first = mapper.appendMetricRow(metrics, builder().trackMetric(u"m"_s, 1));
    const QByteArray second = mapper.appendMetricRow(metrics, builder().trackMetric(u"m"_s, 1));
    QVERIFY(first != second);
    QCOMPARE(parse(metrics.split('\n').at(0)).member("metric_id")->text(), first);
}

void TestClickHouseRowMapper::severityAndStatusTexts()
{
    QCOMPARE(ClickHouseRowMapper::severityText(1), QByteArray("TRACE"));
    QCOMPARE(ClickHouseRowMapper::severityText(12), QByteArray("INFO"));
    QCOMPARE(ClickHouseRowMapper::severityText(16), QByteArray("WARN"));
    QCOMPARE(ClickHouseRowMapper::severityText(24), QByteArray("FATAL"));
    QCOMPARE(ClickHouseRowMapper::severityText(0), QByteArray("UNSPECIFIED"));
    QCOMPARE(QByteArray(ClickHouseRowMapper::statusText(Otlp::StatusCode::Unset)), QByteArray("OK"));
    QCOMPARE(QByteArray(ClickHouseRowMapper::statusText(Otlp::StatusCode::Error)), QByteArray("ERROR"));
    QCOMPARE(QByteArray(ClickHouseRowMapper::spanKindText(Otlp::SpanKind::Producer)), QByteArray("PRODUCER"));
}

QTEST_GUILESS_MAIN(TestClickHouseRowMapper)
#include "tst_clickhouserowmapper.moc"
