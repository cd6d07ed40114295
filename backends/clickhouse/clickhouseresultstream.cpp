#include "clickhouseresultstream.h"

#include "clickhousehttpconnection.h"

ClickHouseResultStream::ClickHouseResultStream(
    ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client)
    : ClickHouseExchange(connection, std::move(queryId), timeoutMs, client)
{ }

ClickHouseResultStream::~ClickHouseResultStream() = default;

void ClickHouseResultStream::onBody()
{
    ClickHouseHttpConnection* transport = connection();
    const QByteArray data = transport->takeBody();
    if (transport->response().status() != 200) {
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

void ClickHouseResultStream::onTransportFinished(const QString& networkError, bool timedOut)
{
    onBody();
    if (isFinished())
        return;
    const ClickHouseError error = endTransport(networkError, timedOut, m_errorBody);
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
    if (connection())
        connection()->setReadingPaused(true);
}

void ClickHouseResultStream::resume()
{
    m_paused = false;
    if (connection())
        connection()->setReadingPaused(false);
}
