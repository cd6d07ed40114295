#include "otlphttpsender.h"

#include "common/gzip.h"
#include "common/retryafter.h"
#include "otlpexportresponse.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

OtlpHttpSender::OtlpHttpSender(QNetworkAccessManager* network, RetryPolicy retry, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_retry(retry)
{
    qRegisterMetaType<OtlpHttpSender::Outcome>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &OtlpHttpSender::attempt);
}

OtlpHttpSender::~OtlpHttpSender()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OtlpHttpSender::send(const Request& request, const DeliveryBatch& batch)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_request = request;
    m_batch = batch;
    m_outcome = {};
    m_outcome.bytesRaw = batch.rows.size();
    m_body = request.gzip ? Gzip::compress(batch.rows) : batch.rows;
    attempt();
}

void OtlpHttpSender::abort()
{
    if (!m_busy)
        return;
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply* reply = std::exchange(m_reply, nullptr);
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish(false, false, u"cancelled"_s);
}

void OtlpHttpSender::attempt()
{
    QNetworkRequest request(m_request.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, Otlp::contentType(m_request.encoding));
    if (m_request.gzip)
        request.setRawHeader("Content-Encoding", "gzip");
    for (const auto& [name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);
    request.setTransferTimeout(m_request.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_request.caCertificates.isEmpty() && m_request.url.scheme() == u"https"_s) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_request.caCertificates);
        request.setSslConfiguration(tls);
    }
    m_attemptTimer.start();
    m_outcome.bytesSent += m_body.size();
    m_reply = m_network->post(request, m_body);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void OtlpHttpSender::onReplyFinished(QNetworkReply* reply)
{
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_outcome.latencyMs = m_attemptTimer.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_outcome.status = status;
    const QByteArray body = reply->readAll();
    if (status == 0 && reply->error() == QNetworkReply::SslHandshakeFailedError) {
        // An untrusted or mismatched certificate gives the same answer every time: fail now
        // (the spool keeps the records until the configuration is mended), never retry.
        return finish(false, false, u"TLS with %1 failed: %2"_s.arg(m_request.url.host(), reply->errorString()));
    }
    if (status == 0) {
        // No HTTP answer: refused, dropped or timed out; the spec retries these.
        const QString error = reply->errorString();
        return retryAfter(-1, error);
    }
    if (status >= 200 && status < 300) {
        OtlpExportResponse response;
        QString error;
        const auto encoding =
            reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(u"application/json"_s)
            ? Otlp::Encoding::Json
            : Otlp::Encoding::Protobuf;
        if (!body.isEmpty() && OtlpExportResponse::decode(m_request.signal, encoding, body, &response, &error)
            && response.partialSuccess) {
            m_outcome.rejected = response.rejected;
            m_outcome.partialMessage = QString::fromUtf8(response.errorMessage);
        }
        return finish(true, false, {});
    }
    const QString message =
        u"HTTP %1 from %2: %3"_s.arg(status).arg(m_request.url.toString(), errorMessage(reply, body));
    if (isRetryable(status))
        return retryAfter(retryAfterMs(reply->rawHeader("Retry-After")), message);
    finish(false, true, message);
}

void OtlpHttpSender::retryAfter(qint64 delayMs, const QString& error)
{
    m_outcome.retryAfterMs = delayMs;
    if (m_outcome.retries >= m_retry.maxRetries)
        return finish(false, false, error);
    ++m_outcome.retries;
    m_outcome.error = error;
    const qint64 wait = delayMs >= 0 ? delayMs : m_retry.delayMs(m_outcome.retries);
    m_retryTimer.start(int(qMin<qint64>(wait, m_retry.maxDelayMs)));
}

void OtlpHttpSender::finish(bool delivered, bool permanent, const QString& error)
{
    m_outcome.delivered = delivered;
    m_outcome.permanent = permanent;
    m_outcome.error = delivered ? QString() : error;
    m_busy = false;
    const DeliveryBatch batch = std::exchange(m_batch, {});
    m_body.clear();
    Q_EMIT finished(batch, m_outcome);
}

QString OtlpHttpSender::errorMessage(QNetworkReply* reply, const QByteArray& body) const
{
    // A google.rpc.Status in either encoding, else the text as it came.
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    const bool jsonBody = type.startsWith(u"application/json"_s);
    OtlpStatus status;
    QString error;
    if ((jsonBody || type.startsWith(u"application/x-protobuf"_s))
        && OtlpStatus::decode(jsonBody ? Otlp::Encoding::Json : Otlp::Encoding::Protobuf, body, &status, &error)
        && !status.message.isEmpty())
        return QString::fromUtf8(status.message);
    const QString text = QString::fromUtf8(body.left(500)).trimmed();
    return text.isEmpty() ? reply->errorString() : text;
}
