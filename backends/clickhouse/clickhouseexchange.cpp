#include "clickhouseexchange.h"

#include "clickhouseclient.h"
#include "clickhousehttpconnection.h"
#include "clickhousereply.h"

namespace ClickHouseExchange {

void release(QPointer<ClickHouseHttpConnection>& connection, const QPointer<ClickHouseClient>& client, QObject* user,
    bool reusable)
{
    ClickHouseHttpConnection* released = connection.data();
    connection.clear();
    if (!released)
        return;
    released->disconnect(user);
    if (!reusable)
        released->abort();
    if (client)
        client->release(released);
    else
        released->deleteLater();
}

void kill(const QPointer<ClickHouseClient>& client, const QString& queryId)
{
    if (!client || queryId.isEmpty())
        return;
    ClickHouseReply* reply = client->kill(queryId);
    QObject::connect(reply, &ClickHouseReply::finished, reply, &QObject::deleteLater);
}

ClickHouseError outcome(const HttpResponseParser& response, const QString& networkError, bool timedOut, int timeoutMs,
    QByteArrayView errorBody)
{
    if (timedOut)
        return ClickHouseError::timeout(timeoutMs);
    if (!networkError.isEmpty())
        return ClickHouseError::network(networkError);
    const int status = response.status();
    if (status >= 200 && status < 300)
        return {};
    // The server answered: its status and text say what went wrong.
    bool hasCode = false;
    const int headerCode = response.header("X-ClickHouse-Exception-Code").toInt(&hasCode);
    return ClickHouseError::fromHttp(status, errorBody, hasCode ? headerCode : -1);
}

} // namespace ClickHouseExchange
