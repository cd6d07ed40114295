#include "httptestclient.h"

#include <QNetworkReply>
#include <QSignalSpy>

QByteArray HttpTestClient::Answer::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpTestClient::Answer HttpTestClient::send(
    const QByteArray& verb, const QUrl& url, const QByteArray& body, const Headers& headers, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Without this QNetworkAccessManager asks for gzip and inflates the answer on its own.
    request.setRawHeader("Accept-Encoding", "identity");
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_manager.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer answer;
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        answer.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        reply->abort();
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs())
        answer.headers.append({ pair.first, pair.second });
    if (answer.status == 0 && answer.error.isEmpty())
        answer.error = reply->errorString();
    reply->deleteLater();
    return answer;
}
