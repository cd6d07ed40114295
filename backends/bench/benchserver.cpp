#include "benchserver.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseschemadefinition.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

BenchServer::BenchServer(QString database)
    : m_database(std::move(database))
{ }

BenchServer::~BenchServer()
{
    if (m_managed)
        m_managed->stopAndWait();
}

QString BenchServer::run(const QString& sql, bool* ok) const
{
    ClickHouseClient client(m_endpoint);
    client.setTimeoutMs(600000);
    std::unique_ptr<ClickHouseReply> reply(client.query(sql));
    QEventLoop loop;
    QObject::connect(reply.get(), &ClickHouseReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    if (ok)
        *ok = reply->isOk();
    return reply->isOk() ? reply->text() : reply->error().toString();
}

bool BenchServer::start(QString* error, const ClickHouseEndpoint& external)
{
    if (external.isValid()) {
        m_endpoint = external;
    } else {
        LocalClickHouse::Options options;
        options.dataDirectory = m_directory.path();
        options.schemaDatabase = m_database; // installed by the server's start, as in the app
        m_managed = std::make_unique<LocalClickHouse>(options);
        QEventLoop loop;
        QObject::connect(m_managed.get(), &LocalClickHouse::ready, &loop, &QEventLoop::quit);
        QObject::connect(m_managed.get(), &LocalClickHouse::failed, &loop, &QEventLoop::quit);
        m_managed->start();
        if (m_managed->state() == LocalClickHouse::State::Starting)
            loop.exec();
        if (!m_managed->isRunning()) {
            *error = m_managed->errorString();
            return false;
        }
        if (!m_managed->schemaError().isEmpty()) {
            *error = m_managed->schemaError();
            return false;
        }
        m_endpoint = m_managed->endpoint();
        m_info = m_managed->serverInfo();
        return true;
    }
    bool ok = false;
    const QString probe = run(ClickHouseServerInfo::probeQuery(), &ok);
    if (!ok || !ClickHouseServerInfo::fromProbeResult(probe, &m_info, error)) {
        if (!ok)
            *error = probe;
        return false;
    }
    for (const QString& statement : ClickHouseSchemaDefinition::load(m_info.dialect(), m_database).statements()) {
        const QString answer = run(statement, &ok);
        if (!ok) {
            *error = answer;
            return false;
        }
    }
    return true;
}

ClickHouseEndpoint BenchServer::endpoint() const
{
    ClickHouseEndpoint endpoint = m_endpoint;
    endpoint.database = m_database;
    return endpoint;
}

quint16 BenchServer::tcpPort() const
{
    return m_managed ? m_managed->tcpPort() : 0;
}

bool BenchServer::hasClient() const
{
    return tcpPort() != 0 && !QStandardPaths::findExecutable(QStringLiteral("clickhouse-client")).isEmpty();
}

bool BenchServer::runClient(const QString& query, const QString& inputFile, double* seconds, QString* error) const
{
    QProcess client;
    client.setProgram(QStandardPaths::findExecutable(QStringLiteral("clickhouse-client")));
    client.setArguments({ QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
        QString::number(tcpPort()), QStringLiteral("--user"), user(), QStringLiteral("--password"), password(),
        QStringLiteral("--query"), query });
    if (!inputFile.isEmpty())
        client.setStandardInputFile(inputFile);
    QElapsedTimer timer;
    timer.start();
    client.start();
    if (!client.waitForFinished(600000) || client.exitCode() != 0) {
        *error = QStringLiteral("clickhouse-client failed: ") + QString::fromUtf8(client.readAllStandardError());
        return false;
    }
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    return true;
}

ClickHouseRowMapper::Dialect BenchServer::rowDialect() const
{
    return m_info.dialect() == ClickHouseServerInfo::Dialect::Modern ? ClickHouseRowMapper::Dialect::Modern
                                                                     : ClickHouseRowMapper::Dialect::Legacy;
}
