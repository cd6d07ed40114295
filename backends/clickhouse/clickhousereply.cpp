#include "clickhousereply.h"

#include "clickhouseclient.h"

#include <QNetworkReply>

using namespace Qt::StringLiterals;

ClickHouseReply::ClickHouseReply(QNetworkReply* reply, QString queryId, int timeoutMs, ClickHouseClient* client)
    : QObject(nullptr)
    , m_reply(reply)
    , m_client(client)
    , m_queryId(std::move(queryId))
    , m_timeoutMs(timeoutMs)
{
    m_timer.start();
    connect(reply, &QNetworkReply::finished, this, &ClickHouseReply::complete);
}

ClickHouseReply::~ClickHouseReply()
{
    if (QNetworkReply* reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QString ClickHouseReply::text() const
{
    QString text = QString::fromUtf8(m_body);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

void ClickHouseReply::abort()
{
    QNetworkReply* reply = m_reply.data();
    if (m_finished || !reply)
        return;
    m_abortedByCaller = true;
    reply->abort(); // emits QNetworkReply::finished synchronously, which completes us
}

void ClickHouseReply::cancel()
{
    const bool running = !m_finished;
    abort();
    if (!running || !m_client || m_queryId.isEmpty())
        return;
    ClickHouseReply* kill = m_client->kill(m_queryId);
    connect(kill, &ClickHouseReply::finished, kill, &QObject::deleteLater);
}

void ClickHouseReply::complete()
{
    if (m_finished || !m_reply)
        return;
    m_finished = true;
    m_elapsedMs = m_timer.elapsed();
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = m_reply->isOpen() ? m_reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError networkError = m_reply->error();

    if (m_abortedByCaller) {
        m_error = ClickHouseError::cancelled();
    } else if (m_httpStatus >= 200 && m_httpStatus < 300 && networkError == QNetworkReply::NoError) {
        m_error = {};
    } else if (m_httpStatus != 0 && (m_httpStatus < 200 || m_httpStatus >= 300)) {
        // The server answered: its status and text say what went wrong.
        bool hasCode = false;
        const int headerCode = m_reply->rawHeader("X-ClickHouse-Exception-Code").toInt(&hasCode);
        m_error = ClickHouseError::fromHttp(m_httpStatus, m_body, hasCode ? headerCode : -1);
    } else if (networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError) {
        // Not cancelled by the caller, so the transfer timeout fired.
        m_error = ClickHouseError::timeout(m_timeoutMs);
    } else {
        m_error = ClickHouseError::network(m_reply->errorString());
    }
    m_reply->deleteLater();
    m_reply.clear();
    Q_EMIT finished();
}
