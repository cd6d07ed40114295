#include "benchserver.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseschemadefinition.h"

#include <QEventLoop>
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
