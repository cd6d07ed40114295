#pragma once

#include "httpreply.h"
#include "listenerstatistics.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QUrl>

class ClickHouseDirectExporter;
class HttpListener;
class QHttpServerRequest;

/// The ClickHouse ingest gateway: the part of ClickHouse's HTTP interface that the SDKs'
/// `clickhouse` backend uses, `POST /?query=INSERT INTO <db>.<table> FORMAT JSONEachRow` with a
/// (gzip) NDJSON body, answered as ClickHouse answers. The rows, written for the modern schema,
/// are converted to the server's dialect (IngestRowConverter) and delivered through the direct
/// exporter and its spool; a 200 means they are in ClickHouse or in the spool. Every other
/// statement gets a ClickHouse-style error that points at ClickHouse itself. With it, the
/// upstream SDK loses nothing on ClickHouse 18.16, which refuses its Map-shaped rows.
class ClickHouseIngestGateway final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 8124; ///< 0: any free port
        /// When set, clients must send this user and password (X-ClickHouse-User/-Key, basic
        /// auth, or the user/password parameters); when empty, any credentials are taken.
        QString user;
        QString password;
        qint64 maxBodyBytes = qint64(64) << 20; ///< after decompression
        int retryAfterSeconds = 5;
    };

    ClickHouseIngestGateway(Options options, ClickHouseDirectExporter* exporter, QObject* parent = nullptr);
    ~ClickHouseIngestGateway() override;
    Q_DISABLE_COPY_MOVE(ClickHouseIngestGateway)

    bool start(QString* error);
    /// Stops taking connections; answers still due are sent.
    void stopListening();
    bool isListening() const;
    quint16 port() const;
    QUrl url() const;
    ListenerStatistics statistics() const;
    /// Where clients are sent for anything but inserts (shown in the errors).
    void setClickHouseUrl(const QUrl& url) { m_clickHouseUrl = url; }

Q_SIGNALS:
    void statisticsChanged();

private:
    struct Exchange
    {
        HttpReply reply;
        QElapsedTimer timer;
    };

    void handle(const QHttpServerRequest& request, HttpReply reply);
    bool authorised(const QHttpServerRequest& request) const;
    void insert(Exchange exchange, const QString& table, const QByteArray& body);
    /// A ClickHouse-style error: "Code: N. DB::Exception: message", as text/plain.
    void fail(Exchange& exchange, int status, int code, const QString& message, const HttpReply::Headers& headers = {});
    void finish(Exchange& exchange, int status, const QByteArray& body, const HttpReply::Headers& headers = {});

    Options m_options;
    ClickHouseDirectExporter* m_exporter;
    HttpListener* m_listener = nullptr;
    QUrl m_clickHouseUrl;
    mutable QMutex m_mutex;
    ListenerStatistics m_statistics; ///< guarded by m_mutex
};
