#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

#include <utility>

/// A plain HTTP client for tests of the workbench's own servers: sends one request with
/// QNetworkAccessManager and waits for the answer while the event loop runs (the server under
/// test usually lives on the same thread). No automatic decompression or redirects.
class HttpTestClient final
{
public:
    struct Answer
    {
        int status = 0; ///< 0 when no HTTP answer came (see error)
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QString error;

        QByteArray header(QByteArrayView name) const;
    };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    Answer send(const QByteArray& verb, const QUrl& url, const QByteArray& body = {}, const Headers& headers = {},
        int timeoutMs = 60000);
    Answer post(const QUrl& url, const QByteArray& contentType, const QByteArray& body, Headers headers = {})
    {
        headers.append(std::pair<QByteArray, QByteArray>("Content-Type", contentType));
        return send("POST", url, body, headers);
    }

private:
    QNetworkAccessManager m_manager;
};
