#include "clickhouseresultstream.h"

#include "clickhouseclient.h"
#include "clickhousereply.h"

#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace {
/// Qt's own buffer for unread answer bytes; when it is full, TCP slows the server down.
constexpr qint64 readBufferBytes = 1 << 20;
} // namespace

ClickHouseResultStream::ClickHouseResultStream(
    QNetworkReply* reply, QString queryId, int timeoutMs, ClickHouseClient* client)
    : m_reply(reply)
    , m_client(client)
    , m_queryId(std::move(queryId))
    , m_timeoutMs(timeoutMs)
{
    m_timer.start();
    reply->setReadBufferSize(readBufferBytes);
    connect(reply, &QNetworkReply::readyRead, this, &ClickHouseResultStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ClickHouseResultStream::onFinished);
}

ClickHouseResultStream::~ClickHouseResultStream()
{
    if (QNetworkReply* reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ClickHouseResultStream::onReadyRead()
{
    QNetworkReply* reply = m_reply.data();
    if (!reply || m_finished)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0 && status != 200)
        return; // an error answer: read it whole in onFinished()
    while (reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->read(readBufferBytes);
        if (!m_parser.feed(chunk)) {
            deliverRows();
            reply->disconnect(this);
            // The server said it failed, or sent something else: stop it and report.
            const ClickHouseError error = parserError();
            reply->abort();
            return complete(error);
        }
        if (m_parser.pendingRows() >= rowsPerBlock)
            deliverRows();
    }
    deliverRows();
}

void ClickHouseResultStream::deliverRows()
{
    if (!m_columnsAnnounced && m_parser.hasColumns()) {
        m_columnsAnnounced = true;
        Q_EMIT columnsReady(m_parser.columns());
    }
    while (m_parser.pendingRows() > 0) {
        QList<QVariantList> rows = m_parser.takeRows();
        if (rows.size() <= rowsPerBlock) {
            Q_EMIT rowsReady(rows);
            continue;
        }
        for (qsizetype start = 0; start < rows.size(); start += rowsPerBlock)
            Q_EMIT rowsReady(rows.mid(start, rowsPerBlock));
    }
}

void ClickHouseResultStream::onFinished()
{
    QNetworkReply* reply = m_reply.data();
    if (!reply || m_finished)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_cancelled)
        return complete(ClickHouseError::cancelled());
    if (status != 0 && status != 200) {
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        bool hasCode = false;
        const int headerCode = reply->rawHeader("X-ClickHouse-Exception-Code").toInt(&hasCode);
        return complete(ClickHouseError::fromHttp(status, body, hasCode ? headerCode : -1));
    }
    if (reply->error() != QNetworkReply::NoError) {
        const bool timedOut =
            reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError;
        return complete(
            timedOut ? ClickHouseError::timeout(m_timeoutMs) : ClickHouseError::network(reply->errorString()));
    }
    onReadyRead();
    if (m_finished)
        return;
    if (!m_parser.finish()) {
        deliverRows();
        return complete(parserError());
    }
    deliverRows();
    complete({});
}

ClickHouseError ClickHouseResultStream::parserError() const
{
    return m_parser.serverErrorCode() != 0 ? ClickHouseError::server(m_parser.serverErrorCode(), m_parser.error())
                                           : ClickHouseError::protocol(m_parser.error());
}

void ClickHouseResultStream::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_client && !m_queryId.isEmpty()) {
        ClickHouseReply* kill = m_client->kill(m_queryId);
        connect(kill, &ClickHouseReply::finished, kill, &QObject::deleteLater);
    }
    if (QNetworkReply* reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
    }
    complete(ClickHouseError::cancelled());
}

void ClickHouseResultStream::complete(const ClickHouseError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_elapsedMs = m_timer.elapsed();
    if (QNetworkReply* reply = m_reply.data()) {
        reply->disconnect(this);
        reply->deleteLater();
    }
    m_reply.clear();
    Q_EMIT finished();
}
