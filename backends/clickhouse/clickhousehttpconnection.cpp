#include "clickhousehttpconnection.h"

#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

ClickHouseHttpConnection::ClickHouseHttpConnection(const QUrl& server, QObject* parent)
    : QObject(parent)
    , m_server(server)
{
    m_inactivity.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this,
        [this] { finish(u"no answer within %1 ms"_s.arg(m_inactivity.interval()), true); });
}

ClickHouseHttpConnection::~ClickHouseHttpConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool ClickHouseHttpConnection::isReusable(qint64 maxIdleMs) const
{
    return !m_busy && m_socket && m_socket->state() == QAbstractSocket::ConnectedState && m_idleSince.isValid()
        && m_idleSince.elapsed() < maxIdleMs && m_socket->bytesAvailable() == 0;
}

void ClickHouseHttpConnection::connectSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    const bool tls = m_server.scheme() == u"https"_s;
    QTcpSocket* socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
    m_socket = socket;
    // Small answers must not wait for the peer's delayed ACK; large ones lose nothing by it.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    // What the socket may buffer before the kernel (and then the server) must wait for us.
    socket->setReadBufferSize(1 << 20);
    connect(socket, &QTcpSocket::readyRead, this, &ClickHouseHttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &ClickHouseHttpConnection::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, &ClickHouseHttpConnection::onSocketError);
    const quint16 port = quint16(m_server.port(tls ? 443 : 8123));
    if (tls) {
        auto* ssl = static_cast<QSslSocket*>(socket);
        connect(ssl, &QSslSocket::encrypted, this, &ClickHouseHttpConnection::onConnected);
        ssl->connectToHostEncrypted(m_server.host(), port);
    } else {
        connect(socket, &QTcpSocket::connected, this, &ClickHouseHttpConnection::onConnected);
        socket->connectToHost(m_server.host(), port);
    }
}

void ClickHouseHttpConnection::send(const QByteArray& request, int inactivityTimeoutMs, const QByteArray& body)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_request = request;
    m_requestBody = body;
    m_paused = false;
    m_closedWhilePaused = false;
    resetAnswer();
    m_retried = false;
    m_inactivity.setInterval(inactivityTimeoutMs);
    m_inactivity.start();
    m_reused = m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    if (m_reused)
        onConnected();
    else
        connectSocket();
}

void ClickHouseHttpConnection::onConnected()
{
    if (!m_busy)
        return;
    m_inactivity.start();
    // Written together, before the event loop sends any of it; the socket keeps a body apart
    // as it is (a shared QByteArray), so an insert's rows are not copied again.
    m_socket->write(m_request);
    if (!m_requestBody.isEmpty())
        m_socket->write(m_requestBody);
}

void ClickHouseHttpConnection::setReadingPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!m_busy)
        return;
    if (paused) {
        m_inactivity.stop();
        return;
    }
    m_inactivity.start();
    // What arrived meanwhile is waiting in the socket; a close that came meanwhile is handled
    // after it. Later, from the event loop: the caller may be inside a signal of ours.
    QTimer::singleShot(0, this, [this] {
        if (!m_busy || m_paused)
            return;
        if (m_socket && m_socket->bytesAvailable() > 0)
            onReadyRead();
        if (m_busy && !m_paused && m_closedWhilePaused) {
            m_closedWhilePaused = false;
            onDisconnected();
        }
    });
}

void ClickHouseHttpConnection::onReadyRead()
{
    if (m_busy && m_paused)
        return; // read on resume
    if (!m_busy) {
        // Bytes on an idle connection: the server is closing it or sent garbage; drop it.
        m_socket->readAll();
        m_socket->abort();
        return;
    }
    m_inactivity.start();
    const QByteArray data = m_socket->readAll();
    if (!m_parser.feed(data))
        return finish(m_parser.error());
    if (!m_headersAnnounced && m_parser.hasHeaders()) {
        m_headersAnnounced = true;
        if (m_parser.header("Content-Encoding").compare("gzip", Qt::CaseInsensitive) == 0)
            m_inflater = std::make_unique<GzipInflateStream>();
        Q_EMIT headersReceived();
        if (!m_busy)
            return;
    }
    if (!collectBody())
        return finish(u"bad compressed answer: "_s + m_inflater->error());
    Q_EMIT bodyReceived();
    if (m_busy && m_parser.isComplete())
        finish({});
}

void ClickHouseHttpConnection::onDisconnected()
{
    if (!m_busy)
        return;
    if (m_paused) {
        m_closedWhilePaused = true; // the rest of the answer is still in the socket's buffer
        return;
    }
    // A kept-alive connection the server closed while we were not looking: try once more anew.
    if (m_reused && !m_retried && m_parser.bodyBytesSeen() == 0 && !m_parser.hasHeaders()) {
        m_retried = true;
        m_reused = false;
        resetAnswer();
        connectSocket();
        return;
    }
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_busy)
        return;
    if (!m_parser.connectionClosed())
        return finish(m_parser.error());
    if (!collectBody())
        return finish(u"bad compressed answer: "_s + m_inflater->error());
    Q_EMIT bodyReceived();
    finish({});
}

void ClickHouseHttpConnection::onSocketError()
{
    if (!m_busy || m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return; // handled by onDisconnected()
    if (m_reused && !m_retried && m_parser.bodyBytesSeen() == 0 && !m_parser.hasHeaders()
        && m_socket->error() == QAbstractSocket::NetworkError) {
        m_retried = true;
        m_reused = false;
        connectSocket();
        return;
    }
    finish(m_socket->errorString());
}

void ClickHouseHttpConnection::resetAnswer()
{
    m_parser = HttpResponseParser();
    m_inflater.reset();
    m_body.clear();
    m_headersAnnounced = false;
}

bool ClickHouseHttpConnection::collectBody()
{
    const QByteArray raw = m_parser.takeBody();
    if (!m_inflater) {
        m_body += raw;
        return true;
    }
    if (!m_inflater->feed(raw, &m_body))
        return false;
    return !m_parser.isComplete() || m_inflater->finish();
}

void ClickHouseHttpConnection::finish(const QString& error, bool timedOut)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_inactivity.stop();
    m_request.clear();
    m_requestBody.clear();
    if (!error.isEmpty() || !m_parser.keepAlive()) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_idleSince.start();
    Q_EMIT finished(error, timedOut);
}

void ClickHouseHttpConnection::abort()
{
    m_busy = false;
    m_inactivity.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}
