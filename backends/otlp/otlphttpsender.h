#pragma once

#include "delivery/deliverybatch.h"
#include "delivery/retrypolicy.h"
#include "otlpencoding.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

/// Sends one OTLP/HTTP request body (a sealed batch) as the OTLP/HTTP specification says a client
/// should: retried only on 429, 502, 503, 504 and on dropped connections or timeouts, after the
/// server's Retry-After (seconds or an HTTP date) when it gives one, otherwise with exponential
/// backoff and jitter; a partial success is reported and not retried; any other error is final,
/// with the server's message read from a google.rpc.Status or plain text.
class OtlpHttpSender final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl url;
        Otlp::Signal signal = Otlp::Signal::Traces;
        Otlp::Encoding encoding = Otlp::Encoding::Protobuf;
        bool gzip = true;
        QList<std::pair<QByteArray, QByteArray>> headers;
        int timeoutMs = 10000;
        QList<QSslCertificate> caCertificates; ///< trusted for https, besides the system's
    };

    struct Outcome
    {
        bool delivered = false;
        bool permanent = false; ///< refused for good (4xx other than 429): do not keep it
        int status = 0; ///< of the last answer, 0 when none came
        QString error;
        qint64 rejected = 0; ///< records refused in a partial success
        QString partialMessage;
        int retries = 0;
        qint64 bytesRaw = 0;
        qint64 bytesSent = 0;
        qint64 latencyMs = 0; ///< of the last attempt
        /// What the last answer's Retry-After asked for (ms); -1 when it said nothing. The spool's
        /// drain, which does not retry by itself, waits that long before its next try.
        qint64 retryAfterMs = -1;
    };

    OtlpHttpSender(QNetworkAccessManager* network, RetryPolicy retry, QObject* parent = nullptr);
    ~OtlpHttpSender() override;
    Q_DISABLE_COPY_MOVE(OtlpHttpSender)

    bool isBusy() const { return m_busy; }
    void send(const Request& request, const DeliveryBatch& batch);
    /// Gives up now; finished() follows with delivered = false.
    void abort();

    static bool isRetryable(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

Q_SIGNALS:
    void finished(const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome);

private:
    void attempt();
    void onReplyFinished(QNetworkReply* reply);
    void retryAfter(qint64 delayMs, const QString& error);
    void finish(bool delivered, bool permanent, const QString& error);
    QString errorMessage(QNetworkReply* reply, const QByteArray& body) const;

    QNetworkAccessManager* m_network;
    RetryPolicy m_retry;
    Request m_request;
    DeliveryBatch m_batch;
    QByteArray m_body;
    QNetworkReply* m_reply = nullptr;
    QTimer m_retryTimer;
    QElapsedTimer m_attemptTimer;
    Outcome m_outcome;
    bool m_busy = false;
};

Q_DECLARE_METATYPE(OtlpHttpSender::Outcome)
