#include "clickhousefixture.h"

#include "clickhouse/clickhousebackendconfig.h"
#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseschema.h"
#include "telemetry/sampletelemetry.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

ClickHouseFixture::ClickHouseFixture()
    : m_directory(QDir::tempPath() + u"/workbench-clickhouse-XXXXXX"_s)
{ }

ClickHouseFixture::~ClickHouseFixture()
{
    if (m_server)
        m_server->stopAndWait();
}

bool ClickHouseFixture::start(QString* error, LocalClickHouse::Options options)
{
    if (LocalClickHouse::findServerBinary(options.serverBinary).isEmpty()) {
        *error = u"This test needs a real clickhouse-server. "_s + LocalClickHouse::installHint();
        return false;
    }
    if (!m_directory.isValid()) {
        *error = u"cannot create a temporary folder: "_s + m_directory.errorString();
        return false;
    }
    if (options.dataDirectory.isEmpty())
        options.dataDirectory = m_directory.path();
    m_server = std::make_unique<LocalClickHouse>(options);
    m_server->start();
    if (!waitForStartOutcome(*m_server)) {
        *error = u"clickhouse-server neither started nor failed within 90 s"_s;
        return false;
    }
    if (!m_server->isRunning()) {
        *error = u"clickhouse-server failed to start: "_s + m_server->errorString();
        return false;
    }
    // The managed server learned what it can do and installed the telemetry schema, as in the app.
    if (!m_server->schemaError().isEmpty()) {
        *error = m_server->schemaError();
        return false;
    }
    m_info = m_server->serverInfo();
    return true;
}

bool ClickHouseFixture::waitFor(ClickHouseReply* reply, int timeoutMs)
{
    return QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs);
}

bool ClickHouseFixture::waitForStartOutcome(LocalClickHouse& server, int timeoutMs)
{
    return QTest::qWaitFor(
        [&server] {
            return server.state() == LocalClickHouse::State::Running
                || server.state() == LocalClickHouse::State::Failed;
        },
        timeoutMs);
}

QString ClickHouseFixture::run(const ClickHouseEndpoint& endpoint, const QString& sql, bool* ok)
{
    ClickHouseClient client(endpoint);
    std::unique_ptr<ClickHouseReply> reply(client.query(sql));
    const bool finished = waitFor(reply.get());
    if (ok)
        *ok = finished && reply->isOk();
    return reply->isOk() ? reply->text() : reply->error().toString();
}

bool ClickHouseFixture::installSchema(QString* error, const QString& database)
{
    // start() learned what the server can do, which decides the dialect.
    ClickHouseClient client(endpoint());
    client.setServerInfo(m_info);
    ClickHouseSchema schema(&client, ClickHouseSchemaDefinition::load(m_info.dialect(), database));
    QSignalSpy finished(&schema, &ClickHouseSchema::finished);
    schema.install();
    if (finished.isEmpty() && !finished.wait(60000)) {
        *error = u"installing the schema did not finish"_s;
        return false;
    }
    *error = finished.first().at(1).toString();
    return finished.first().at(0).toBool();
}

LocalClickHouse::Options ClickHouseFixture::optionsIn(const QString& dataDirectory)
{
    LocalClickHouse::Options options;
    options.dataDirectory = dataDirectory;
    // At the tests' priority: a server yielding to every test process on two busy cores would
    // turn their time limits into a lottery. tst_localclickhouse checks the window's default.
    options.niceness = 0;
    return options;
}

bool ClickHouseFixture::damageSchemaIn(const QString& dataDirectory, QString* error)
{
    LocalClickHouse server(optionsIn(dataDirectory));
    server.start();
    if (!waitForStartOutcome(server) || !server.isRunning() || !server.schemaError().isEmpty()) {
        *error = u"the server to damage did not start: "_s + server.errorString() + server.schemaError();
        return false;
    }
    for (const QString& sql :
        { u"DROP TABLE telemetry.metrics_hourly_mv"_s, u"ALTER TABLE telemetry.traces DROP COLUMN duration_ms"_s }) {
        bool ok = false;
        const QString answer = run(server.endpoint(), sql, &ok);
        if (!ok) {
            *error = sql + u": "_s + answer;
            return false;
        }
    }
    return server.stopAndWait();
}

ClickHouseRowMapper::Dialect ClickHouseFixture::rowDialect() const
{
    return m_info.dialect() == ClickHouseServerInfo::Dialect::Modern ? ClickHouseRowMapper::Dialect::Modern
                                                                     : ClickHouseRowMapper::Dialect::Legacy;
}

bool ClickHouseFixture::loadSample(int hours, QString* error)
{
    // The upstream dashboards filter on now() - INTERVAL 1 HOUR and 12 HOUR, edges that move
    // while a test runs: a record near one would leave a panel between the panel's run and the
    // test's own run of its SQL. So the minutes within five minutes of those edges stay empty.
    const quint64 end = quint64(QDateTime::currentMSecsSinceEpoch()) * 1'000'000;
    SampleTelemetry::Options options;
    options.endUnixNano = end;
    options.hours = hours;
    const SampleTelemetry sample(options);
    const auto nearAnEdge = [](int minutesAgo) {
        // The minute starting `minutesAgo` minutes ago ends one minute later.
        for (const int edge : { 60, 12 * 60 })
            if (minutesAgo > edge - 5 && minutesAgo - 1 < edge + 5)
                return true;
        return false;
    };
    const ClickHouseRowMapper mapper(rowDialect());
    QByteArray rows[3];
    for (int index = 0; index < sample.minuteCount(); ++index) {
        if (nearAnEdge(sample.minuteCount() - index))
            continue;
        const SampleTelemetry::Minute minute = sample.minute(index);
        for (const SpanRecord& span : minute.spans)
            mapper.appendTraceRow(rows[0], span);
        for (const MetricPoint& point : minute.metrics)
            mapper.appendMetricRow(rows[1], point);
        for (const LogRecord& log : minute.logs)
            mapper.appendLogRow(rows[2], log);
    }
    ClickHouseClient client(endpoint());
    const char* tables[] = { "traces", "metrics", "logs" };
    for (int table = 0; table < 3; ++table) {
        const QString statement =
            u"INSERT INTO telemetry.%1 FORMAT JSONEachRow"_s.arg(QLatin1StringView(tables[table]));
        std::unique_ptr<ClickHouseReply> reply(client.insert(statement, rows[table]));
        if (!waitFor(reply.get()) || !reply->isOk()) {
            *error = u"sample rows into %1: %2"_s.arg(QLatin1StringView(tables[table]), reply->error().toString());
            return false;
        }
    }
    return true;
}
