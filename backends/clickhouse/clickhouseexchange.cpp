#include "clickhouseexchange.h"

#include "clickhouseclient.h"
#include "clickhousehttpconnection.h"

using namespace Qt::StringLiterals;

ClickHouseExchange::ClickHouseExchange(
    ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client)
    : m_connection(connection)
    , m_client(client)
    , m_queryId(std::move(queryId))
    , m_timeoutMs(timeoutMs)
{
    m_timer.start();
    // Lambdas, not the virtual functions themselves: the subclass is not built yet here.
    connect(connection, &ClickHouseHttpConnection::bodyReceived, this, [this] {
        if (m_connection && !m_finished)
            onBody();
    });
    connect(connection, &ClickHouseHttpConnection::finished, this, [this](const QString& error, bool timedOut) {
        if (m_connection && !m_finished)
            onTransportFinished(error, timedOut);
    });
    // The client (and its connections) going away first ends the request too.
    connect(connection, &QObject::destroyed, this,
        [this] { complete(ClickHouseError::network(u"the client was destroyed"_s)); });
}

ClickHouseExchange::~ClickHouseExchange()
{
    if (!m_finished)
        releaseConnection(false);
}

ClickHouseHttpConnection* ClickHouseExchange::connection() const
{
    return m_connection.data();
}

void ClickHouseExchange::releaseConnection(bool reusable)
{
    ClickHouseHttpConnection* released = m_connection.data();
    m_connection.clear();
    if (!released)
        return;
    released->disconnect(this);
    if (!reusable)
        released->abort();
    if (m_client)
        m_client->release(released);
    else
        released->deleteLater();
}

ClickHouseError ClickHouseExchange::endTransport(const QString& networkError, bool timedOut, QByteArrayView errorBody)
{
    const HttpResponseParser& response = m_connection->response();
    ClickHouseError error;
    if (timedOut) {
        error = ClickHouseError::timeout(m_timeoutMs);
    } else if (!networkError.isEmpty()) {
        error = ClickHouseError::network(networkError);
    } else if (response.status() < 200 || response.status() >= 300) {
        // The server answered: its status and text say what went wrong.
        bool hasCode = false;
        const int headerCode = response.header("X-ClickHouse-Exception-Code").toInt(&hasCode);
        error = ClickHouseError::fromHttp(response.status(), errorBody, hasCode ? headerCode : -1);
    }
    releaseConnection(networkError.isEmpty() && !timedOut);
    return error;
}

void ClickHouseExchange::cancel()
{
    stopOnServer(ClickHouseError::cancelled());
}

void ClickHouseExchange::stopOnServer(const ClickHouseError& error)
{
    if (m_finished)
        return;
    releaseConnection(false);
    if (m_client && !m_queryId.isEmpty())
        m_client->killInBackground(m_queryId);
    complete(error);
}

void ClickHouseExchange::complete(const ClickHouseError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_elapsedMs = m_timer.elapsed();
    Q_EMIT finished();
}
