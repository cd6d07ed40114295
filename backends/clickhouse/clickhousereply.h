#pragma once

#include "clickhouseexchange.h"

#include <QList>
#include <QPair>
#include <QPointer>

/// One request to ClickHouse whose whole answer is kept: the body, the status and headers, the
/// server's error decoded. Emits finished() exactly once, also after abort(). Owned by the caller
/// (delete it or use deleteLater()).
class ClickHouseReply final : public ClickHouseExchange
{
    Q_OBJECT

public:
    ~ClickHouseReply() override;
    Q_DISABLE_COPY_MOVE(ClickHouseReply)

    bool isOk() const { return isFinished() && !error().isError(); }
    int httpStatus() const { return m_httpStatus; }
    /// The whole answer (result rows in the requested format, or the error text).
    QByteArray body() const { return m_body; }
    /// The answer as text without the final newline ClickHouse appends.
    QString text() const;
    /// A response header (case-insensitive name).
    QByteArray header(QByteArrayView name) const;
    /// Bytes of the answer as they crossed the wire: less than body().size() when it came gzipped.
    qint64 wireBodyBytes() const { return m_wireBodyBytes; }

    /// Stops waiting for the answer; finished() follows with a Cancelled error. The query may go on
    /// running on the server (ClickHouse does not stop a query when its client goes away).
    void abort();
    /// Lets go of a reply no longer wanted: `receiver` hears nothing more from it, its query is
    /// stopped on the server, and it is deleted from the event loop (never inside its own signal).
    static void discard(QPointer<ClickHouseReply>* reply, const QObject* receiver);

private:
    friend class ClickHouseClient;
    ClickHouseReply(ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, ClickHouseClient* client);
    void onBody() override;
    void onTransportFinished(const QString& networkError, bool timedOut) override;

    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_httpStatus = 0;
    qint64 m_wireBodyBytes = 0;
};
