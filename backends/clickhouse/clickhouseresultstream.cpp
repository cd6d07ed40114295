#include "clickhouseresultstream.h"

#include "clickhouseclient.h"
#include "clickhouseexchange.h"
#include "clickhousehttpconnection.h"
#include "clickhousereply.h"

using namespace Qt::StringLiterals;

ClickHouseResultStream::ClickHouseResultStream(
    ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client)
    : m_connection(connection)
    , m_client(client)
    , m_queryId(std::move(queryId))
    , m_timeoutMs(timeoutMs)
{
    m_timer.start();
    connect(connection, &ClickHouseHttpConnection::bodyReceived, this, &ClickHouseResultStream::onBody);
    connect(connection, &ClickHouseHttpConnection::finished, this, &ClickHouseResultStream::onFinished);
    connect(connection, &QObject::destroyed, this,
        [this] { complete(ClickHouseError::network(u"the client was destroyed"_s)); });
}

ClickHouseResultStream::~ClickHouseResultStream()
{
    if (!m_finished)
        releaseConnection(false);
}

void ClickHouseResultStream::releaseConnection(bool reusable)
{
    ClickHouseExchange::release(m_connection, m_client, this, reusable);
}

void ClickHouseResultStream::onBody()
{
    ClickHouseHttpConnection* connection = m_connection.data();
    if (!connection || m_finished)
        return;
    const QByteArray data = connection->takeBody();
    if (connection->response().status() != 200) {
        m_errorBody += data.left(64 * 1024 - m_errorBody.size()); // an error text, not a result
        return;
    }
    if (!m_parser.feed(data)) {
        deliverRows();
        const ClickHouseError error = parserError();
        releaseConnection(false); // the server may still be sending: stop reading it
        return complete(error);
    }
    deliverRows();
}

void ClickHouseResultStream::deliverRows()
{
    if (!m_columnsAnnounced && m_parser.hasColumns()) {
        m_columnsAnnounced = true;
        Q_EMIT columnsReady(m_parser.columns());
    }
    // The parser cuts blocks of at most rowsPerBlock as it fills them: nothing is copied here.
    for (const ResultRows& rows : m_parser.takeBlocks())
        Q_EMIT rowsReady(rows);
}

void ClickHouseResultStream::onFinished(const QString& networkError, bool timedOut)
{
    ClickHouseHttpConnection* connection = m_connection.data();
    if (!connection || m_finished)
        return;
    onBody();
    if (m_finished)
        return;
    const ClickHouseError error =
        ClickHouseExchange::outcome(connection->response(), networkError, timedOut, m_timeoutMs, m_errorBody);
    releaseConnection(networkError.isEmpty() && !timedOut);
    if (error.isError())
        return complete(error);
    if (!m_parser.finish()) {
        deliverRows();
        return complete(parserError());
    }
    deliverRows();
    complete({});
}

ClickHouseError ClickHouseResultStream::parserError() const
{
    return m_parser.serverErrorCode() != 0 ? ClickHouseError::server(m_parser.serverErrorCode(), m_parser.error())
                                           : ClickHouseError::protocol(m_parser.error());
}

void ClickHouseResultStream::pause()
{
    m_paused = true;
    if (m_connection)
        m_connection->setReadingPaused(true);
}

void ClickHouseResultStream::resume()
{
    m_paused = false;
    if (m_connection)
        m_connection->setReadingPaused(false);
}

void ClickHouseResultStream::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    releaseConnection(false);
    ClickHouseExchange::kill(m_client, m_queryId);
    complete(ClickHouseError::cancelled());
}

void ClickHouseResultStream::complete(const ClickHouseError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_elapsedMs = m_timer.elapsed();
    Q_EMIT finished();
}
