#include "clickhousereply.h"

#include "clickhouseclient.h"
#include "clickhouseexchange.h"
#include "clickhousehttpconnection.h"

using namespace Qt::StringLiterals;

ClickHouseReply::ClickHouseReply(
    ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client)
    : m_connection(connection)
    , m_client(client)
    , m_queryId(std::move(queryId))
    , m_timeoutMs(timeoutMs)
{
    m_timer.start();
    connect(connection, &ClickHouseHttpConnection::bodyReceived, this, [this] {
        if (m_connection)
            m_body += m_connection->takeBody();
    });
    connect(connection, &ClickHouseHttpConnection::finished, this, &ClickHouseReply::onFinished);
    // The client (and its connections) going away first ends the request too.
    connect(connection, &QObject::destroyed, this,
        [this] { complete(ClickHouseError::network(u"the client was destroyed"_s)); });
}

ClickHouseReply::~ClickHouseReply()
{
    if (!m_finished)
        releaseConnection(false);
}

QString ClickHouseReply::text() const
{
    QString text = QString::fromUtf8(m_body);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

QByteArray ClickHouseReply::header(QByteArrayView name) const
{
    for (const auto& [key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void ClickHouseReply::releaseConnection(bool reusable)
{
    ClickHouseExchange::release(m_connection, m_client, this, reusable);
}

void ClickHouseReply::abort()
{
    if (m_finished)
        return;
    releaseConnection(false);
    complete(ClickHouseError::cancelled());
}

void ClickHouseReply::cancel()
{
    const bool running = !m_finished;
    abort();
    if (running)
        ClickHouseExchange::kill(m_client, m_queryId);
}

void ClickHouseReply::onFinished(const QString& networkError, bool timedOut)
{
    ClickHouseHttpConnection* connection = m_connection.data();
    if (!connection || m_finished)
        return;
    const HttpResponseParser& response = connection->response();
    m_httpStatus = response.status();
    m_headers = response.headers();
    m_body += connection->takeBody();
    m_wireBodyBytes = connection->isCompressedAnswer() ? connection->compressedBodyBytes() : m_body.size();
    const ClickHouseError error = ClickHouseExchange::outcome(response, networkError, timedOut, m_timeoutMs, m_body);
    releaseConnection(networkError.isEmpty() && !timedOut);
    complete(error);
}

void ClickHouseReply::complete(const ClickHouseError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_elapsedMs = m_timer.elapsed();
    Q_EMIT finished();
}
