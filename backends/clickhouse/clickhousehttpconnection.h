#pragma once

#include "common/gzipinflatestream.h"
#include "httpresponseparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class QTcpSocket;

/// One HTTP/1.1 connection to ClickHouse, one request at a time, kept alive between requests.
/// Hand-written over QTcpSocket instead of QNetworkAccessManager for two measured reasons: Qt's
/// HTTP stack leaves Nagle's algorithm on, so every POST stalled 40 ms on the server's delayed
/// ACK (an insert of 100 rows took 44 ms instead of 2), and it ignored the read-buffer limit, so a
/// "streamed" result was read into memory as fast as the server sent it. Here the socket has
/// TCP_NODELAY, the whole request goes out in one write, and reading stops when the consumer does.
class ClickHouseHttpConnection final : public QObject
{
    Q_OBJECT

public:
    ClickHouseHttpConnection(const QUrl& server, QObject* parent = nullptr);
    ~ClickHouseHttpConnection() override;
    Q_DISABLE_COPY_MOVE(ClickHouseHttpConnection)

    /// Sends one complete request (headers and body). If a kept-alive connection turns out to be
    /// closed before any answer byte arrived, it reconnects and sends once more. A large body may
    /// come apart as `body`: it follows `request` unchanged, never copied into it.
    void send(const QByteArray& request, int inactivityTimeoutMs, const QByteArray& body = {});
    /// Drops the request and the connection; finished() is not emitted.
    void abort();

    bool isBusy() const { return m_busy; }
    /// Stops reading the answer (the socket's buffer fills, then TCP makes the server wait) or
    /// goes on reading it. The inactivity timeout does not run while paused.
    void setReadingPaused(bool paused);
    bool isReadingPaused() const { return m_paused; }
    /// Idle, connected, and idle for less than `maxIdleMs`.
    bool isReusable(qint64 maxIdleMs) const;
    /// Status and headers of the current answer (its body comes from takeBody()).
    const HttpResponseParser& response() const { return m_parser; }
    /// Body bytes received since the last call, inflated if the server sent them gzip-compressed.
    QByteArray takeBody() { return std::exchange(m_body, {}); }
    /// Whether the current answer came gzip-compressed, and how many compressed bytes it had.
    bool isCompressedAnswer() const { return m_inflater != nullptr; }
    qint64 compressedBodyBytes() const { return m_inflater ? m_inflater->compressedBytes() : 0; }

Q_SIGNALS:
    void headersReceived();
    /// New body bytes are waiting in takeBody().
    void bodyReceived();
    /// The answer is complete (`error` empty) or the exchange failed (`timedOut` for inactivity).
    void finished(const QString& error, bool timedOut);

private:
    void connectSocket();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void finish(const QString& error, bool timedOut = false);
    /// Moves the parser's body bytes to m_body, inflating them when needed; false on bad gzip.
    bool collectBody();
    void resetAnswer();

    QUrl m_server;
    QTcpSocket* m_socket = nullptr;
    HttpResponseParser m_parser;
    std::unique_ptr<GzipInflateStream> m_inflater; ///< for a "Content-Encoding: gzip" answer
    QByteArray m_body;
    QByteArray m_request;
    QByteArray m_requestBody;
    QTimer m_inactivity;
    QElapsedTimer m_idleSince;
    bool m_busy = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_headersAnnounced = false;
    bool m_paused = false;
    bool m_closedWhilePaused = false;
};
