#include "httplistener.h"

#include <QSslServer>
#include <QTcpServer>

using namespace Qt::StringLiterals;

HttpListener::HttpListener(Handler handler, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

bool HttpListener::start(const QHostAddress& address, quint16 port, QString* error)
{
    QTcpServer* server = nullptr;
    if (m_tls.isNull()) {
        server = new QTcpServer(this);
    } else {
        // QSslServer offers a connection only once its handshake is done, so QtHttpServer reads
        // plain requests from it as from a QTcpServer.
        auto* tlsServer = new QSslServer(this);
        tlsServer->setSslConfiguration(m_tls);
        server = tlsServer;
    }
    if (!server->listen(address, port)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(server->errorString());
        delete server;
        return false;
    }
    m_port = server->serverPort();
    bind(server);
    return true;
}

void HttpListener::stopListening()
{
    const QList<QTcpServer*> listening = servers();
    for (QTcpServer* server : listening)
        server->close();
    m_port = 0;
}

QByteArray HttpListener::header(const QHttpServerRequest& request, QByteArrayView name)
{
    const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpListener::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const bool close = header(request, "connection").trimmed().compare("close", Qt::CaseInsensitive) == 0;
    m_handler(request, HttpReply(socket, close));
    return true;
}

void HttpListener::missingHandler(const QHttpServerRequest&, QTcpSocket*)
{
    // handleRequest() takes every request.
}
