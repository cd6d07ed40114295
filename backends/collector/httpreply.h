#pragma once

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QTcpSocket>

#include <utility>

/// The answer to one HTTP request, written when the answer is known, which may be long after the
/// request arrived (the receiver answers only once its records are safe). It holds the connection
/// weakly: a client that went away meanwhile simply gets nothing. Used on the listener's thread.
class HttpReply final
{
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    HttpReply() = default;
    HttpReply(QTcpSocket* socket, bool closeAfter)
        : m_socket(socket)
        , m_closeAfter(closeAfter)
    { }

    /// Headers every answer to this request carries (CORS).
    void addHeader(QByteArray name, QByteArray value) { m_headers.append({ std::move(name), std::move(value) }); }
    /// Writes status line, headers and body; later calls do nothing. Returns the bytes written.
    qint64 send(int status, const QByteArray& contentType, const QByteArray& body, const Headers& headers = {});
    bool isSent() const { return m_sent; }
    /// Closes the connection without an answer (a server that goes away mid-request).
    void drop()
    {
        m_sent = true;
        if (m_socket)
            m_socket->abort();
    }
    bool isConnected() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }

    static QByteArray reasonPhrase(int status);

private:
    QPointer<QTcpSocket> m_socket;
    Headers m_headers;
    bool m_closeAfter = false;
    bool m_sent = false;
};
