#pragma once

#include "clickhouseerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class ClickHouseClient;
class ClickHouseHttpConnection;
class QIODevice;

/// A query's answer written to a device as it arrives, in whatever text format the query asked
/// for (CSVWithNames, TabSeparatedWithNames, JSON, ...): the export of a result of any size,
/// never held in memory. A server that fails after it began answering writes its exception at
/// the end of the body; that is found and reported as the error. Cancel stops the query on the
/// server too (KILL QUERY).
class ClickHouseDownload final : public QObject
{
    Q_OBJECT

public:
    ~ClickHouseDownload() override;
    Q_DISABLE_COPY_MOVE(ClickHouseDownload)

    QString queryId() const { return m_queryId; }
    bool isFinished() const { return m_finished; }
    const ClickHouseError& error() const { return m_error; }
    qint64 bytesWritten() const { return m_bytes; }
    qint64 elapsedMs() const { return m_elapsedMs; }
    void cancel();

Q_SIGNALS:
    void progressed(qint64 bytesWritten);
    void finished();

private:
    friend class ClickHouseClient;
    ClickHouseDownload(
        ClickHouseHttpConnection* connection, QString queryId, QIODevice* sink, ClickHouseClient* client);
    void onBody();
    void onFinished(const QString& networkError, bool timedOut, int timeoutMs);
    void releaseConnection(bool reusable);
    /// Stops reading, asks the server to stop the query, and ends with `error`.
    void stop(const ClickHouseError& error);
    void complete(const ClickHouseError& error);
    /// The exception a server appended to a 200 answer, if the body ends in one.
    ClickHouseError trailingException() const;

    QPointer<ClickHouseHttpConnection> m_connection;
    QPointer<ClickHouseClient> m_client;
    QIODevice* m_sink;
    QString m_queryId;
    QByteArray m_tail; ///< the last bytes written, where a server's exception would be
    QByteArray m_errorBody;
    ClickHouseError m_error;
    QElapsedTimer m_timer;
    qint64 m_bytes = 0;
    qint64 m_elapsedMs = 0;
    bool m_finished = false;
};
