#pragma once

#include "clickhouseerror.h"

#include <QPointer>

class ClickHouseClient;
class ClickHouseHttpConnection;
class HttpResponseParser;
class QObject;

/// What every kind of ClickHouse request (a whole answer, a streamed result, a download) does
/// the same way with the connection it was given: hand it back when done, stop the query on the
/// server when cancelled, and say what a finished exchange's transport and status mean.
namespace ClickHouseExchange {

/// Ends `user`'s use of `connection` (and clears it): back to the client for reuse when
/// `reusable`, otherwise aborted; deleted later if the client is gone.
void release(QPointer<ClickHouseHttpConnection>& connection, const QPointer<ClickHouseClient>& client, QObject* user,
    bool reusable);

/// Asks the server to stop `queryId` (KILL QUERY, on a request that deletes itself).
void kill(const QPointer<ClickHouseClient>& client, const QString& queryId);

/// The error of a finished exchange, from the transport (timeout, network) or a non-2xx status
/// (with the server's text from `errorBody`); none for a 2xx answer.
ClickHouseError outcome(const HttpResponseParser& response, const QString& networkError, bool timedOut, int timeoutMs,
    QByteArrayView errorBody);

} // namespace ClickHouseExchange
