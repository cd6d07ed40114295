#pragma once

#include "httpreply.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QSslConfiguration>

#include <functional>

/// A QtHttpServer listener that hands every complete request to one handler with an HttpReply to
/// answer it, now or later. The receiver and the gateway route themselves: QHttpServer's router
/// answers a wrong method with 404 and cannot defer an answer in Qt 6.4, so it is not used.
/// QtHttpServer reads the whole body before the handler runs; size limits are checked then.
class HttpListener final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<void(const QHttpServerRequest&, HttpReply)>;

    explicit HttpListener(Handler handler, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(HttpListener)

    /// Serves https with this certificate and key from the next start() on.
    void setTlsConfiguration(const QSslConfiguration& tls) { m_tls = tls; }
    /// Listens on address:port (0 = any free port); false with `error` set when it cannot.
    bool start(const QHostAddress& address, quint16 port, QString* error);
    quint16 port() const { return m_port; }
    /// Closes the listening socket; connections already open are answered still.
    void stopListening();

    /// A request header by name, case-insensitively (the first one).
    static QByteArray header(const QHttpServerRequest& request, QByteArrayView name);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Handler m_handler;
    QSslConfiguration m_tls;
    quint16 m_port = 0;
};
