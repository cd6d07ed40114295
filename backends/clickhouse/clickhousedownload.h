#pragma once

#include "clickhouseexchange.h"

class QIODevice;

/// A query's answer written to a device as it arrives, in whatever text format the query asked
/// for (CSVWithNames, TabSeparatedWithNames, JSON, ...): the export of a result of any size,
/// never held in memory. A server that fails after it began answering writes its exception at
/// the end of the body; that is found and reported as the error. Cancel stops the query on the
/// server too (KILL QUERY).
class ClickHouseDownload final : public ClickHouseExchange
{
    Q_OBJECT

public:
    ~ClickHouseDownload() override;
    Q_DISABLE_COPY_MOVE(ClickHouseDownload)

    qint64 bytesWritten() const { return m_bytes; }

Q_SIGNALS:
    void progressed(qint64 bytesWritten);

private:
    friend class ClickHouseClient;
    ClickHouseDownload(ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, QIODevice* sink,
        ClickHouseClient* client);
    void onBody() override;
    void onTransportFinished(const QString& networkError, bool timedOut) override;
    /// The exception a server appended to a 200 answer, if the body ends in one.
    ClickHouseError trailingException() const;

    QIODevice* m_sink;
    QByteArray m_tail; ///< the last bytes written, where a server's exception would be
    QByteArray m_errorBody;
    qint64 m_bytes = 0;
};
