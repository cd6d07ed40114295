#pragma once

#include "clickhouseerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class ClickHouseClient;
class ClickHouseHttpConnection;
class HttpResponseParser;

/// One request to ClickHouse on a connection the client lent it, whatever its answer becomes (a
/// whole body, a streamed result, a download): the lifecycle every kind shares lives here. The
/// connection goes back to the client when the exchange ends (reused only when the transport
/// ended cleanly), the query is stopped on the server when cancelled (KILL QUERY by our own
/// query id), the client going away first ends the exchange, and finished() is emitted exactly
/// once, also after a cancel. Subclasses say what the answer's bytes become.
class ClickHouseExchange : public QObject
{
    Q_OBJECT

public:
    ~ClickHouseExchange() override;
    Q_DISABLE_COPY_MOVE(ClickHouseExchange)

    QString queryId() const { return m_queryId; }
    bool isFinished() const { return m_finished; }
    const ClickHouseError& error() const { return m_error; }
    qint64 elapsedMs() const { return m_elapsedMs; }
    /// Stops reading and asks the server to stop the query (KILL QUERY by its query id);
    /// finished() follows with a Cancelled error. Nothing happens once finished.
    void cancel();

Q_SIGNALS:
    void finished();

protected:
    ClickHouseExchange(ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client);

    /// The connection while this exchange uses it; null once released.
    ClickHouseHttpConnection* connection() const;
    const QPointer<ClickHouseClient>& client() const { return m_client; }
    int timeoutMs() const { return m_timeoutMs; }

    /// Bytes of the answer arrived (take them from connection()).
    virtual void onBody() = 0;
    /// The transport ended: the whole answer is in, or it failed or timed out.
    virtual void onTransportFinished(const QString& networkError, bool timedOut) = 0;

    /// Ends the use of the connection: back to the client when `reusable`, otherwise aborted.
    void releaseConnection(bool reusable);
    /// For onTransportFinished(): gives the connection back (reusable when the transport ended
    /// cleanly) and returns what the transport and the HTTP status say, with the server's text
    /// from `errorBody` for a non-2xx answer; no error for a 2xx answer.
    ClickHouseError endTransport(const QString& networkError, bool timedOut, QByteArrayView errorBody);
    /// Stops reading, asks the server to stop the query (KILL QUERY), and finishes with `error`.
    void stopOnServer(const ClickHouseError& error);
    /// Finishes with `error` (none: success); later calls do nothing.
    void complete(const ClickHouseError& error);

private:
    QPointer<ClickHouseHttpConnection> m_connection;
    QPointer<ClickHouseClient> m_client;
    QString m_queryId;
    int m_timeoutMs;
    QElapsedTimer m_timer;
    ClickHouseError m_error;
    qint64 m_elapsedMs = 0;
    bool m_finished = false;
};
