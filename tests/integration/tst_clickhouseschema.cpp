#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseschema.h"
#include "clickhousefixture.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Dialect = ClickHouseServerInfo::Dialect;

namespace {
QString run(ClickHouseClient& client, const QString& sql, bool* ok = nullptr)
{
    std::unique_ptr<ClickHouseReply> reply(client.query(sql));
    const bool finished = ClickHouseFixture::waitFor(reply.get());
    if (ok)
        *ok = finished && reply->isOk();
    return reply->isOk() ? reply->text() : reply->error().toString();
}

bool finish(ClickHouseSchema& schema, void (ClickHouseSchema::*operation)(), QString* error)
{
    QSignalSpy finished(&schema, &ClickHouseSchema::finished);
    (schema.*operation)();
    if (finished.isEmpty() && !finished.wait(60000)) {
        *error = u"no answer"_s;
        return false;
    }
    *error = finished.first().at(1).toString();
    return finished.first().at(0).toBool();
}
} // namespace

class TestClickHouseSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverInfoIsDetected();
    void bothDialectsDefineTheSameTablesAndColumns();
    void installVerifyUpgradeResetDrop();
    void unknownSettingsAreLeftOutOnceTheServerIsKnown();

private:
    ClickHouseFixture m_fixture;
    ClickHouseServerInfo m_info;
};

void TestClickHouseSchema::initTestCase()
{
    // A server without the schema the managed one installs at start: these tests install it.
    LocalClickHouse::Options options;
    options.schemaDatabase.clear();
    QString startError;
    if (!m_fixture.start(&startError, options))
        QFAIL(qPrintable(startError));
    ClickHouseClient client(m_fixture.endpoint());
    bool ok = false;
    const QString answer = run(client, ClickHouseServerInfo::probeQuery(), &ok);
    QVERIFY2(ok, qPrintable(answer));
    QString error;
    QVERIFY2(ClickHouseServerInfo::fromProbeResult(answer, &m_info, &error), qPrintable(error));
}

void TestClickHouseSchema::serverInfoIsDetected()
{
    QCOMPARE(m_info.versionString(), m_fixture.server().serverVersion());
    QVERIFY(!m_info.timezone().isEmpty());
    QVERIFY(m_info.hasFormat(u"JSONCompact"_s));
    QVERIFY(m_info.knowsSetting(u"enable_http_compression"_s));
    QVERIFY(m_info.hasType(u"Nested"_s));
    if (m_info.versionString().startsWith(u"18."_s)) {
        // Debian 12's server: the old dialect, and the gaps reference/clickhouse-18.md lists.
        QCOMPARE(m_info.dialect(), Dialect::Legacy);
        QVERIFY(!m_info.hasMap());
        QVERIFY(!m_info.hasDateTime64());
        QVERIFY(!m_info.hasTtl());
        QVERIFY(!m_info.hasToStartOfInterval());
        QVERIFY(!m_info.knowsSetting(u"async_insert"_s));
        QVERIFY(!m_info.hasFormat(u"JSONCompactEachRow"_s));
    }
}

void TestClickHouseSchema::bothDialectsDefineTheSameTablesAndColumns()
{
    const auto modern = ClickHouseSchemaDefinition::load(Dialect::Modern, u"telemetry"_s);
    const auto legacy = ClickHouseSchemaDefinition::load(Dialect::Legacy, u"telemetry"_s);
    QStringList expected { u"traces"_s, u"metrics_hourly"_s, u"metrics_hourly_mv"_s, u"metrics"_s, u"logs"_s,
        u"metrics_5min"_s, u"metrics_5min_mv"_s, u"logs_error_summary"_s, u"logs_error_summary_mv"_s,
        u"trace_logs_correlation"_s };
    QStringList modernNames;
    for (const auto& object : modern.objects())
        modernNames.append(object.name);
    QCOMPARE(modernNames, expected);
    QCOMPARE(modern.objects().size(), legacy.objects().size());
    for (qsizetype i = 0; i < modern.objects().size(); ++i) {
        const auto& a = modern.objects().at(i);
        const auto& b = legacy.objects().at(i);
        QCOMPARE(a.name, b.name);
        QStringList aColumns;
        for (const auto& column : a.columns)
            aColumns.append(column.name.section(u'.', 0, 0));
        aColumns.removeDuplicates();
        QStringList bColumns;
        for (const auto& column : b.columns)
            bColumns.append(column.name.section(u'.', 0, 0));
        bColumns.removeDuplicates();
        QCOMPARE(aColumns, bColumns);
    }
    const auto* traces = legacy.object(u"traces"_s);
    QVERIFY(traces);
    QCOMPARE(traces->columns.size(), 28); // 27 columns, attributes as two Nested arrays
    QVERIFY(!legacy.statements().join(u'\n').contains(u"TTL "_s));
    QVERIFY(modern.statements().join(u'\n').contains(u"Map(String, String)"_s));
}

void TestClickHouseSchema::installVerifyUpgradeResetDrop()
{
    ClickHouseClient client(m_fixture.endpoint());
    client.setServerInfo(m_info);
    ClickHouseSchema schema(&client, ClickHouseSchemaDefinition::load(m_info.dialect(), u"telemetry"_s));
    QString error;

    QVERIFY2(finish(schema, &ClickHouseSchema::verify, &error), qPrintable(error));
    QVERIFY(!schema.lastReport().databaseExists);

    QVERIFY2(finish(schema, &ClickHouseSchema::install, &error), qPrintable(error));
    QVERIFY2(finish(schema, &ClickHouseSchema::verify, &error), qPrintable(error));
    QVERIFY2(schema.lastReport().isComplete(), qPrintable(schema.lastReport().summary()));
    // Installing again is harmless.
    QVERIFY2(finish(schema, &ClickHouseSchema::install, &error), qPrintable(error));

    // Damage it the way an older installation would look, then upgrade.
    bool ok = false;
    run(client, u"ALTER TABLE telemetry.traces DROP COLUMN user_id"_s, &ok);
    QVERIFY(ok);
    run(client, u"DROP TABLE telemetry.logs_error_summary_mv"_s, &ok);
    QVERIFY(ok);
    QVERIFY2(finish(schema, &ClickHouseSchema::verify, &error), qPrintable(error));
    QCOMPARE(schema.lastReport().missingObjects, QStringList { u"logs_error_summary_mv"_s });
    QCOMPARE(schema.lastReport().missingColumns, QStringList { u"traces.user_id String"_s });
    QVERIFY(!schema.lastReport().isComplete());
    QVERIFY2(finish(schema, &ClickHouseSchema::upgrade, &error), qPrintable(error));
    QVERIFY2(schema.lastReport().isComplete(), qPrintable(schema.lastReport().summary()));

    // Reset empties the tables and keeps them.
    run(client,
        u"INSERT INTO telemetry.traces (trace_id, span_id, service_name, span_name, project_name, project_version) VALUES ('t', 's', 'svc', 'op', 'p', '1')"_s,
        &ok);
    QVERIFY(ok);
    QCOMPARE(run(client, u"SELECT count() FROM telemetry.traces"_s), u"1"_s);
    QCOMPARE(run(client, u"SELECT sum(total_count) FROM telemetry.metrics_hourly"_s), u"1"_s);
    QVERIFY2(finish(schema, &ClickHouseSchema::reset, &error), qPrintable(error));
    QCOMPARE(run(client, u"SELECT count() FROM telemetry.traces"_s), u"0"_s);
    QCOMPARE(run(client, u"SELECT count() FROM telemetry.metrics_hourly"_s), u"0"_s);
    // Still empty after a restart (a TRUNCATE on 18.16 would bring the rows back).
    QSignalSpy stopped(&m_fixture.server(), &LocalClickHouse::stopped);
    m_fixture.server().stop();
    QVERIFY(stopped.wait(30000));
    m_fixture.server().start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(m_fixture.server()));
    QVERIFY(m_fixture.server().isRunning());
    QCOMPARE(run(client, u"SELECT count() FROM telemetry.traces"_s), u"0"_s);
    QVERIFY2(finish(schema, &ClickHouseSchema::verify, &error), qPrintable(error));
    QVERIFY(schema.lastReport().isComplete());

    QVERIFY2(finish(schema, &ClickHouseSchema::drop, &error), qPrintable(error));
    QVERIFY2(finish(schema, &ClickHouseSchema::verify, &error), qPrintable(error));
    QVERIFY(!schema.lastReport().databaseExists);
    QCOMPARE(schema.lastReport().summary(), u"the database does not exist"_s);
}

void TestClickHouseSchema::unknownSettingsAreLeftOutOnceTheServerIsKnown()
{
    // A setting no server knows (on 18.16, async_insert is one too): sent blind, it fails the
    // whole request; once the server is known, the client leaves it out.
    const QString unknown = m_info.knowsSetting(u"async_insert"_s) ? u"workbench_no_such_setting"_s : u"async_insert"_s;
    ClickHouseClient client(m_fixture.endpoint());
    std::unique_ptr<ClickHouseReply> blind(client.query(u"SELECT 1"_s, { { unknown, u"0"_s } }));
    QVERIFY(ClickHouseFixture::waitFor(blind.get()));
    QCOMPARE(blind->error().code(), 115); // UNKNOWN_SETTING: the whole request fails
    client.setServerInfo(m_info);
    std::unique_ptr<ClickHouseReply> gated(
        client.query(u"SELECT 1"_s, { { unknown, u"0"_s }, { u"max_execution_time"_s, u"5"_s } }));
    QVERIFY(ClickHouseFixture::waitFor(gated.get()));
    QVERIFY2(gated->isOk(), qPrintable(gated->error().toString()));
}

QTEST_GUILESS_MAIN(TestClickHouseSchema)
#include "tst_clickhouseschema.moc"
