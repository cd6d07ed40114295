#include "clickhousedownload.h"

#include "clickhouseclient.h"
#include "clickhouseexchange.h"
#include "clickhousehttpconnection.h"
#include "clickhousereply.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype tailBytes = 64 * 1024;
} // namespace

ClickHouseDownload::ClickHouseDownload(
    ClickHouseHttpConnection* connection, QString queryId, QIODevice* sink, ClickHouseClient* client)
    : m_connection(connection)
    , m_client(client)
    , m_sink(sink)
    , m_queryId(std::move(queryId))
{
    m_timer.start();
    const int timeoutMs = client->timeoutMs();
    connect(connection, &ClickHouseHttpConnection::bodyReceived, this, &ClickHouseDownload::onBody);
    connect(connection, &ClickHouseHttpConnection::finished, this,
        [this, timeoutMs](const QString& error, bool timedOut) { onFinished(error, timedOut, timeoutMs); });
    connect(connection, &QObject::destroyed, this,
        [this] { complete(ClickHouseError::network(u"the client was destroyed"_s)); });
}

ClickHouseDownload::~ClickHouseDownload()
{
    if (!m_finished)
        releaseConnection(false);
}

void ClickHouseDownload::releaseConnection(bool reusable)
{
    ClickHouseExchange::release(m_connection, m_client, this, reusable);
}

void ClickHouseDownload::onBody()
{
    ClickHouseHttpConnection* connection = m_connection.data();
    if (!connection || m_finished)
        return;
    const QByteArray data = connection->takeBody();
    if (connection->response().status() != 200) {
        m_errorBody += data.left(tailBytes - m_errorBody.size());
        return;
    }
    if (m_sink->write(data) != data.size())
        return stop(ClickHouseError::network(u"cannot write the file: "_s + m_sink->errorString()));
    m_bytes += data.size();
    m_tail += data;
    if (m_tail.size() > 2 * tailBytes)
        m_tail = m_tail.right(tailBytes);
    Q_EMIT progressed(m_bytes);
}

void ClickHouseDownload::onFinished(const QString& networkError, bool timedOut, int timeoutMs)
{
    ClickHouseHttpConnection* connection = m_connection.data();
    if (!connection || m_finished)
        return;
    onBody();
    if (m_finished)
        return;
    const ClickHouseError error =
        ClickHouseExchange::outcome(connection->response(), networkError, timedOut, timeoutMs, m_errorBody);
    releaseConnection(networkError.isEmpty() && !timedOut);
    complete(error.isError() ? error : trailingException());
}

ClickHouseError ClickHouseDownload::trailingException() const
{
    // 18.16: "Code: 395, e.displayText() = DB::Exception: ..." on a line of its own; newer
    // servers: "Code: 395. DB::Exception: ...". Only the last such line counts.
    const qsizetype at = m_tail.lastIndexOf("Code: ");
    if (at < 0 || (at > 0 && m_tail.at(at - 1) != '\n'))
        return {};
    int code = 0;
    QString message;
    if (!ClickHouseError::parseExceptionText(QString::fromUtf8(m_tail.mid(at)).trimmed(), &code, &message))
        return {};
    return ClickHouseError::server(code, message);
}

void ClickHouseDownload::cancel()
{
    stop(ClickHouseError::cancelled());
}

void ClickHouseDownload::stop(const ClickHouseError& error)
{
    if (m_finished)
        return;
    releaseConnection(false);
    ClickHouseExchange::kill(m_client, m_queryId);
    complete(error);
}

void ClickHouseDownload::complete(const ClickHouseError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_elapsedMs = m_timer.elapsed();
    Q_EMIT finished();
}
