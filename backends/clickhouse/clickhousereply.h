#pragma once

#include "clickhouseerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class ClickHouseClient;
class ClickHouseHttpConnection;

/// One request to ClickHouse in flight, in ClickHouse's terms: the query id we gave it, the
/// server's error decoded, the elapsed time. Emits finished() exactly once, also after abort().
/// Owned by the caller (delete it or use deleteLater()).
class ClickHouseReply final : public QObject
{
    Q_OBJECT

public:
    ~ClickHouseReply() override;
    Q_DISABLE_COPY_MOVE(ClickHouseReply)

    QString queryId() const { return m_queryId; }
    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    const ClickHouseError& error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    /// The whole answer (result rows in the requested format, or the error text).
    QByteArray body() const { return m_body; }
    /// The answer as text without the final newline ClickHouse appends.
    QString text() const;
    /// A response header (case-insensitive name).
    QByteArray header(QByteArrayView name) const;
    qint64 elapsedMs() const { return m_elapsedMs; }
    /// Bytes of the answer as they crossed the wire: less than body().size() when it came gzipped.
    qint64 wireBodyBytes() const { return m_wireBodyBytes; }

    /// Stops waiting for the answer; finished() follows with a Cancelled error. The query may go on
    /// running on the server (ClickHouse does not stop a query when its client goes away).
    void abort();
    /// abort() and ask the server to stop the query too (KILL QUERY by its query_id).
    void cancel();

Q_SIGNALS:
    void finished();

private:
    friend class ClickHouseClient;
    ClickHouseReply(ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client);
    void onFinished(const QString& networkError, bool timedOut);
    void complete(const ClickHouseError& error);
    void releaseConnection(bool reusable);

    QPointer<ClickHouseHttpConnection> m_connection;
    QPointer<ClickHouseClient> m_client;
    QString m_queryId;
    int m_timeoutMs = 0;
    QElapsedTimer m_timer;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    ClickHouseError m_error;
    int m_httpStatus = 0;
    qint64 m_elapsedMs = 0;
    qint64 m_wireBodyBytes = 0;
    bool m_finished = false;
};
