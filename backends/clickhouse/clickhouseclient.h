#pragma once

#include "clickhouseendpoint.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>

class ClickHouseReply;
class QNetworkRequest;

/// Talks to one ClickHouse server over its HTTP interface (port 8123), asynchronously on the
/// thread it lives in. Every request carries a query_id of our own (a UUID) so that it can be
/// found in system.processes and killed; credentials go in a Basic Authorization header and are
/// never put in the URL, where server and proxy logs would keep them.
class ClickHouseClient final : public QObject
{
    Q_OBJECT

public:
    using Settings = QList<QPair<QString, QString>>;

    explicit ClickHouseClient(ClickHouseEndpoint endpoint, QObject* parent = nullptr);
    ~ClickHouseClient() override;
    Q_DISABLE_COPY_MOVE(ClickHouseClient)

    const ClickHouseEndpoint& endpoint() const { return m_endpoint; }
    void setEndpoint(const ClickHouseEndpoint& endpoint) { m_endpoint = endpoint; }

    /// Inactivity limit for every request: no byte for this long and the request fails as Timeout.
    void setTimeoutMs(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeoutMs() const { return m_timeoutMs; }

    /// GET /ping, which needs no credentials: "is something listening that speaks ClickHouse?".
    ClickHouseReply* ping();
    /// Runs one statement sent as the POST body (POST, because GET is read-only for ClickHouse).
    /// `settings` become URL parameters; the caller must only pass settings the server knows.
    ClickHouseReply* query(const QString& sql, const Settings& settings = {});
    /// INSERT with the rows in the body, e.g. statement "INSERT INTO t FORMAT JSONEachRow" and
    /// NDJSON rows. The body is gzip-compressed on the wire unless `compress` is false.
    ClickHouseReply* insert(const QString& statement, const QByteArray& rows, bool compress = true);

    /// Closes kept-alive connections that are idle, e.g. before the server is asked to shut down
    /// (it waits for open connections to go away).
    void closeIdleConnections();

    static QString newQueryId();

private:
    QNetworkRequest makeRequest(Settings parameters, const QString& queryId) const;
    ClickHouseReply* track(QNetworkReply* reply, const QString& queryId);

    ClickHouseEndpoint m_endpoint;
    QNetworkAccessManager m_network;
    int m_timeoutMs = 30000;
};
