#pragma once

#include "clickhouseendpoint.h"
#include "clickhouseserverinfo.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <memory>

class ClickHouseDownload;
class ClickHouseHttpConnection;
class ClickHouseReply;
class ClickHouseResultStream;
class QIODevice;

/// Talks to one ClickHouse server over its HTTP interface (port 8123), asynchronously on the
/// thread it lives in, over kept-alive connections of its own (ClickHouseHttpConnection says why
/// not QNetworkAccessManager). Every request carries a query_id of our own (a UUID) so that it can
/// be found in system.processes and killed; credentials go in a Basic Authorization header and are
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
    /// Also picks the default for response compression (see setResponseCompression()).
    void setEndpoint(const ClickHouseEndpoint& endpoint);

    /// Asks for gzip-compressed answers to queries (Accept-Encoding plus enable_http_compression).
    /// On by default for remote servers, where the wire is the limit (JSONCompact shrinks about
    /// 15x); off for loopback, where compressing and inflating only costs CPU (docs/PERFORMANCE.md).
    void setResponseCompression(bool enabled) { m_compressResponses = enabled; }
    bool responseCompression() const { return m_compressResponses; }

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
    /// INSERT with a body prepared by the caller (already gzip-compressed when `gzipped`), so the
    /// caller can measure and reuse it.
    ClickHouseReply* insertBody(
        const QString& statement, const QByteArray& body, bool gzipped, const Settings& settings = {});
    /// Runs a SELECT whose result is read as it arrives (JSONCompact), in blocks of rows: the
    /// SQL must not have a FORMAT clause of its own.
    ClickHouseResultStream* stream(const QString& sql, const Settings& settings = {});
    /// Runs `sql` with its answer in `format` (CSVWithNames, TabSeparatedWithNames, JSON, ...)
    /// written to `sink` as it arrives; the SQL must not have a FORMAT clause of its own. The
    /// sink must stay open until the download has finished.
    ClickHouseDownload* download(
        const QString& sql, const QString& format, QIODevice* sink, const Settings& settings = {});
    /// Asks the server to stop a running query (KILL QUERY ... ASYNC, on a new request). The
    /// reply says whether the server accepted the request, not when the query is gone.
    ClickHouseReply* kill(const QString& queryId);
    /// kill(), sent and left to itself: the reply goes when answered, or with the client when
    /// that goes first (nothing is left behind either way). waitForKills() lets an owner that is
    /// about to end make sure they reached the server.
    void killInBackground(const QString& queryId);
    /// Processes events until every background kill has its answer, for at most `timeoutMs`.
    void waitForKills(int timeoutMs);
    /// Lets go of a client that is being replaced: it is deleted once its background kills are
    /// answered (at the latest after its timeout, or with the application), so a query cancelled a
    /// moment before is still stopped on the server.
    static void retire(std::unique_ptr<ClickHouseClient> client);

    /// What the server can do; once set, settings the server does not know are left out of
    /// every request (an unknown setting fails the whole request on old servers).
    void setServerInfo(const ClickHouseServerInfo& info) { m_serverInfo = info; }
    const ClickHouseServerInfo& serverInfo() const { return m_serverInfo; }
    /// Settings this server knows, from `settings` (all of them while the server is unknown).
    Settings supportedSettings(const Settings& settings) const;

    /// A string literal for SQL: quotes and backslashes escaped.
    static QString quoteString(const QString& text);
    /// An identifier for SQL: `name`, backquotes escaped.
    static QString quoteIdentifier(const QString& name);

    /// Closes kept-alive connections that are idle, e.g. before the server is asked to shut down
    /// (it waits for open connections to go away).
    void closeIdleConnections();
    /// Takes a connection back from a finished request (reused when it can be).
    void release(ClickHouseHttpConnection* connection);

    static QString newQueryId();

    /// Kept-alive connections idle longer than this are not reused: servers close them after
    /// keep_alive_timeout (3 s by default today, 10 s on 18.16).
    static constexpr qint64 maxIdleMs = 2000;

private:
    /// Forgets the kills answered (or gone); true while any is still under way.
    bool killsPending();
    /// The whole HTTP request, headers and body, ready for one write.
    QByteArray makeRequest(const char* method, const QString& path, Settings parameters, const QString& queryId,
        const QByteArray& contentType, const QByteArray& body, bool gzipped) const;
    /// Its headers only, for a body sent apart (an insert's rows).
    QByteArray makeHead(const char* method, const QString& path, Settings parameters, const QString& queryId,
        const QByteArray& contentType, const QByteArray& body, bool gzipped) const;
    ClickHouseHttpConnection* acquire();
    ClickHouseReply* send(const QByteArray& request, const QString& queryId, const QByteArray& body = {});

    /// Query parameters for a request whose answer may come compressed.
    Settings withResponseCompression(Settings parameters) const;

    ClickHouseEndpoint m_endpoint;
    bool m_compressResponses = false;
    QList<ClickHouseHttpConnection*> m_idle;
    int m_timeoutMs = 30000;
    ClickHouseServerInfo m_serverInfo;
    QList<QPointer<ClickHouseReply>> m_kills; ///< background kills not answered yet
};
