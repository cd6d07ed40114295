#include "clickhousereply.h"

#include "clickhouseclient.h"
#include "clickhousehttpconnection.h"

ClickHouseReply::ClickHouseReply(
    ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client)
    : ClickHouseExchange(connection, std::move(queryId), timeoutMs, client)
{ }

ClickHouseReply::~ClickHouseReply() = default;

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

void ClickHouseReply::abort()
{
    if (isFinished())
        return;
    releaseConnection(false);
    complete(ClickHouseError::cancelled());
}

void ClickHouseReply::onBody()
{
    m_body += connection()->takeBody();
}

void ClickHouseReply::onTransportFinished(const QString& networkError, bool timedOut)
{
    ClickHouseHttpConnection* transport = connection();
    const HttpResponseParser& response = transport->response();
    m_httpStatus = response.status();
    m_headers = response.headers();
    m_body += transport->takeBody();
    m_wireBodyBytes = transport->isCompressedAnswer() ? transport->compressedBodyBytes() : m_body.size();
    complete(endTransport(networkError, timedOut, m_body));
}

void ClickHouseReply::discard(QPointer<ClickHouseReply>* reply, const QObject* receiver)
{
    if (*reply) {
        (*reply)->disconnect(receiver);
        (*reply)->cancel(); // stops the query on the server too
        // With its client at the latest, should the event loop not run again.
        if ((*reply)->client())
            (*reply)->setParent((*reply)->client().data());
        (*reply)->deleteLater();
    }
    *reply = nullptr;
}
