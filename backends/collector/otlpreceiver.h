#pragma once

#include "corspolicy.h"
#include "httpreply.h"
#include "listenerstatistics.h"
#include "otlp/otlpencoding.h"
#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QUrl>

class CaptureSink;
class ClickHouseDirectExporter;
class HttpListener;
class QHttpServerRequest;

/// The OTLP/HTTP receiver (the local collector's front door): POST /v1/traces, /v1/metrics and
/// /v1/logs in protobuf or JSON, gzip or deflate, with the status codes of the OTLP/HTTP
/// specification. Accepted records go to the ClickHouse direct exporter (a 200 is sent only once
/// they are in ClickHouse or in its durable spool), to the live signals and to a capture sink,
/// each optional. Known clients' departures from the spec (the upstream SDKs' JSON) are accepted
/// and counted. Lives on one thread; statistics() may be called from any.
class OtlpReceiver final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 4318; ///< 0: any free port
        QByteArray bearerToken; ///< empty: no authentication
        CorsPolicy cors;
        qint64 maxBodyBytes = qint64(64) << 20; ///< after decompression
        qint64 maxRecordsInFlight = 500000; ///< waiting to be safe; beyond it, 429
        int retryAfterSeconds = 5; ///< told to clients when ClickHouse is away and the spool full
    };

    explicit OtlpReceiver(Options options, QObject* parent = nullptr);
    ~OtlpReceiver() override;
    Q_DISABLE_COPY_MOVE(OtlpReceiver)

    /// Where accepted records are stored; none: they are only shown and captured.
    void setExporter(ClickHouseDirectExporter* exporter) { m_exporter = exporter; }
    void setCaptureSink(CaptureSink* sink) { m_capture = sink; }

    bool start(QString* error);
    /// Stops taking connections; answers still due are sent.
    void stopListening();
    bool isListening() const;
    quint16 port() const;
    QUrl url() const;
    const Options& options() const { return m_options; }
    ListenerStatistics statistics() const;

Q_SIGNALS:
    // The live stream: every accepted batch, as it was decoded (queued to other threads).
    void spansReceived(const QList<SpanRecord>& spans);
    void metricsReceived(const QList<MetricPoint>& points);
    void logsReceived(const QList<LogRecord>& logs);
    void statisticsChanged();

private:
    struct Exchange
    {
        HttpReply reply;
        Otlp::Signal signal = Otlp::Signal::Traces;
        Otlp::Encoding encoding = Otlp::Encoding::Json;
        QElapsedTimer timer;
    };

    void handle(const QHttpServerRequest& request, HttpReply reply);
    bool checkRequest(const QHttpServerRequest& request, Exchange& exchange);
    void answerPreflight(const QHttpServerRequest& request, Exchange& exchange);
    template<typename Record>
    void dispatch(Exchange exchange, QList<Record> records, qint64 rejected, const QStringList& rejections);
    void fail(Exchange& exchange, int status, const QString& message, const HttpReply::Headers& headers = {});
    void succeed(Exchange& exchange, qint64 records, qint64 rejected, const QStringList& rejections);
    void finish(Exchange& exchange, int status, const QByteArray& contentType, const QByteArray& body,
        const HttpReply::Headers& headers = {});

    Options m_options;
    HttpListener* m_listener = nullptr;
    ClickHouseDirectExporter* m_exporter = nullptr;
    CaptureSink* m_capture = nullptr;
    qint64 m_recordsInFlight = 0;
    mutable QMutex m_mutex;
    ListenerStatistics m_statistics; ///< guarded by m_mutex
};
