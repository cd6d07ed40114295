#include "otlpreceiver.h"

#include "clickhouse/clickhousedirectexporter.h"
#include "common/constanttime.h"
#include "delivery/deliveryticket.h"
#include "httpbody.h"
#include "httplistener.h"
#include "otlp/otlpcodec.h"
#include "otlp/otlpexportresponse.h"
#include "telemetry/capturesink.h"

#include <QPointer>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace {
// google.rpc.Code values for the Status bodies of error answers.
constexpr qint32 rpcInvalidArgument = 3;
constexpr qint32 rpcNotFound = 5;
constexpr qint32 rpcResourceExhausted = 8;
constexpr qint32 rpcUnimplemented = 12;
constexpr qint32 rpcUnavailable = 14;
constexpr qint32 rpcUnauthenticated = 16;

qint32 rpcCodeFor(int status)
{
    switch (status) {
    case 401:
        return rpcUnauthenticated;
    case 404:
        return rpcNotFound;
    case 405:
    case 415:
        return rpcUnimplemented;
    case 413:
    case 429:
        return rpcResourceExhausted;
    case 503:
        return rpcUnavailable;
    default:
        break;
    }
    return rpcInvalidArgument;
}

bool signalForPath(const QString& path, Otlp::Signal* signal)
{
    for (Otlp::Signal candidate : { Otlp::Signal::Traces, Otlp::Signal::Metrics, Otlp::Signal::Logs }) {
        const QByteArray expected = Otlp::defaultPath(candidate);
        if (path == QLatin1StringView(expected) || path == QLatin1StringView(expected + '/')) {
            *signal = candidate;
            return true;
        }
    }
    return false;
}

ListenerStatistics::Kind kindOf(Otlp::Signal signal)
{
    switch (signal) {
    case Otlp::Signal::Traces:
        return ListenerStatistics::Traces;
    case Otlp::Signal::Metrics:
        return ListenerStatistics::Metrics;
    case Otlp::Signal::Logs:
        break;
    }
    return ListenerStatistics::Logs;
}
} // namespace

OtlpReceiver::OtlpReceiver(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

OtlpReceiver::~OtlpReceiver() = default;

bool OtlpReceiver::start(QString* error)
{
    if (!m_listener) {
        m_listener = new HttpListener(
            [this](const QHttpServerRequest& request, HttpReply reply) { handle(request, std::move(reply)); }, this);
    }
    return m_listener->start(m_options.address, m_options.port, error);
}

void OtlpReceiver::stopListening()
{
    if (m_listener)
        m_listener->stopListening();
}

bool OtlpReceiver::isListening() const
{
    return m_listener && m_listener->port() != 0;
}

quint16 OtlpReceiver::port() const
{
    return m_listener ? m_listener->port() : 0;
}

QUrl OtlpReceiver::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_options.address.toString());
    url.setPort(port());
    return url;
}

ListenerStatistics OtlpReceiver::statistics() const
{
    QMutexLocker locker(&m_mutex);
    return m_statistics;
}

void OtlpReceiver::handle(const QHttpServerRequest& request, HttpReply reply)
{
    Exchange exchange;
    exchange.timer.start();
    exchange.reply = std::move(reply);
    const QByteArray origin = HttpListener::header(request, "origin");
    if (m_options.cors.allows(origin)) {
        exchange.reply.addHeader("Access-Control-Allow-Origin", origin);
        exchange.reply.addHeader("Vary", "Origin");
    }
    {
        QMutexLocker locker(&m_mutex);
        ++m_statistics.requests;
        m_statistics.bytesReceived += request.body().size();
    }
    // Error answers use the request's encoding when it names one it can read.
    if (HttpListener::header(request, "content-type").trimmed().toLower().startsWith("application/x-protobuf"))
        exchange.encoding = Otlp::Encoding::Protobuf;
    if (!checkRequest(request, exchange))
        return;

    const HttpBody body =
        HttpBody::decode(request.body(), HttpListener::header(request, "content-encoding"), m_options.maxBodyBytes);
    if (!body.ok())
        return fail(exchange, body.status, body.error);
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.bytesDecoded += body.data.size();
    }
    if (m_exporter && m_exporter->isBackedUp()) {
        return fail(exchange, 503, u"ClickHouse is not answering and the spool is full; try again later"_s,
            { { "Retry-After", QByteArray::number(m_options.retryAfterSeconds) } });
    }
    if (m_recordsInFlight >= m_options.maxRecordsInFlight) {
        return fail(exchange, 429,
            u"%1 records are still on their way to ClickHouse; try again shortly"_s.arg(m_recordsInFlight),
            { { "Retry-After", "1" } });
    }
    switch (exchange.signal) {
    case Otlp::Signal::Traces: {
        auto batch = OtlpCodec::decodeTraces(body.data, exchange.encoding);
        if (!batch.ok())
            return fail(exchange, 400, batch.error);
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.bends.add(batch.bends);
        }
        return dispatch(std::move(exchange), std::move(batch.records), batch.rejected, batch.rejections);
    }
    case Otlp::Signal::Metrics: {
        auto batch = OtlpCodec::decodeMetrics(body.data, exchange.encoding);
        if (!batch.ok())
            return fail(exchange, 400, batch.error);
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.bends.add(batch.bends);
        }
        return dispatch(std::move(exchange), std::move(batch.records), batch.rejected, batch.rejections);
    }
    case Otlp::Signal::Logs:
        break;
    }
    auto batch = OtlpCodec::decodeLogs(body.data, exchange.encoding);
    if (!batch.ok())
        return fail(exchange, 400, batch.error);
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.bends.add(batch.bends);
    }
    dispatch(std::move(exchange), std::move(batch.records), batch.rejected, batch.rejections);
}

bool OtlpReceiver::checkRequest(const QHttpServerRequest& request, Exchange& exchange)
{
    const QString path = request.url().path();
    if (!signalForPath(path, &exchange.signal)) {
        fail(exchange, 404, u"no OTLP endpoint at %1: use /v1/traces, /v1/metrics or /v1/logs"_s.arg(path.left(200)));
        return false;
    }
    if (request.method() == QHttpServerRequest::Method::Options) {
        answerPreflight(request, exchange);
        return false;
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        fail(exchange, 405, u"%1 takes POST only"_s.arg(path), { { "Allow", "POST, OPTIONS" } });
        return false;
    }
    if (!m_options.bearerToken.isEmpty()) {
        const QByteArray authorization = HttpListener::header(request, "authorization").trimmed();
        const bool bearer =
            authorization.size() > 7 && authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
        if (!bearer || !constantTimeEquals(authorization.sliced(7).trimmed(), m_options.bearerToken)) {
            fail(exchange, 401, u"a valid bearer token is required (Authorization: Bearer <token>)"_s,
                { { "WWW-Authenticate", "Bearer" } });
            return false;
        }
    }
    const QByteArray contentType = HttpListener::header(request, "content-type");
    const qsizetype parameters = contentType.indexOf(';');
    const QByteArray mediaType = (parameters < 0 ? contentType : contentType.first(parameters)).trimmed().toLower();
    if (mediaType == "application/x-protobuf") {
        exchange.encoding = Otlp::Encoding::Protobuf;
    } else if (mediaType == "application/json") {
        exchange.encoding = Otlp::Encoding::Json;
    } else {
        fail(exchange, 415,
            u"Content-Type \"%1\" is not OTLP: use application/x-protobuf or application/json"_s.arg(
                QString::fromLatin1(contentType.left(80))));
        return false;
    }
    return true;
}

void OtlpReceiver::answerPreflight(const QHttpServerRequest& request, Exchange& exchange)
{
    const QByteArray origin = HttpListener::header(request, "origin");
    if (!m_options.cors.allows(origin)) {
        fail(exchange, 403,
            u"origin \"%1\" may not send telemetry here (allowed: %2)"_s.arg(
                QString::fromLatin1(origin.left(120)), m_options.cors.allowedOrigins().join(u", "_s)));
        return;
    }
    QByteArray headers = HttpListener::header(request, "access-control-request-headers");
    if (headers.isEmpty())
        headers = "Content-Type, Content-Encoding, Authorization";
    finish(exchange, 204, {}, {},
        { { "Access-Control-Allow-Methods", "POST, OPTIONS" }, { "Access-Control-Allow-Headers", headers },
            { "Access-Control-Max-Age", "86400" } });
}

template<typename Record>
void OtlpReceiver::dispatch(Exchange exchange, QList<Record> records, qint64 rejected, const QStringList& rejections)
{
    const qint64 count = records.size();
    if (count > 0) {
        if constexpr (std::is_same_v<Record, SpanRecord>) {
            Q_EMIT spansReceived(records);
            if (m_capture)
                m_capture->captureSpans(records);
        } else if constexpr (std::is_same_v<Record, MetricPoint>) {
            Q_EMIT metricsReceived(records);
            if (m_capture)
                m_capture->captureMetrics(records);
        } else {
            Q_EMIT logsReceived(records);
            if (m_capture)
                m_capture->captureLogs(records);
        }
    }
    if (!m_exporter || count == 0)
        return succeed(exchange, count, rejected, rejections);

    m_recordsInFlight += count;
    {
        QMutexLocker locker(&m_mutex);
        ++m_statistics.inFlight;
    }
    QPointer<OtlpReceiver> self(this);
    auto ticket = std::make_shared<DeliveryTicket>(
        [self, exchange, count, rejected, rejections](bool safe, const QString& error, bool refused) mutable {
            // Settled on the exporter's thread; answered on the receiver's.
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(), [self, exchange, count, rejected, rejections, safe, error, refused]() mutable {
                    if (!self)
                        return;
                    self->m_recordsInFlight -= count;
                    {
                        QMutexLocker locker(&self->m_mutex);
                        --self->m_statistics.inFlight;
                    }
                    if (safe)
                        return self->succeed(exchange, count, rejected, rejections);
                    // Refused for good by ClickHouse (a schema that does not fit): a resend cannot help,
                    // and 500 is not retried by OTLP clients.
                    if (refused)
                        return self->fail(exchange, 500, u"ClickHouse refused the records: "_s + error);
                    self->fail(exchange, 503, u"the records could not be stored: "_s + error,
                        { { "Retry-After", QByteArray::number(self->m_options.retryAfterSeconds) } });
                });
        });
    if constexpr (std::is_same_v<Record, SpanRecord>)
        m_exporter->trackSpans(records, ticket);
    else if constexpr (std::is_same_v<Record, MetricPoint>)
        m_exporter->trackMetrics(records, ticket);
    else
        m_exporter->trackLogs(records, ticket);
    ticket->release();
}

void OtlpReceiver::succeed(Exchange& exchange, qint64 records, qint64 rejected, const QStringList& rejections)
{
    OtlpExportResponse response;
    if (rejected > 0) {
        response.partialSuccess = true;
        response.rejected = rejected;
        response.errorMessage = u"%1 record(s) refused: %2"_s.arg(rejected).arg(rejections.join(u"; "_s)).toUtf8();
    }
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.accepted[size_t(kindOf(exchange.signal))] += records;
        m_statistics.rejected[size_t(kindOf(exchange.signal))] += rejected;
    }
    finish(exchange, 200, Otlp::contentType(exchange.encoding), response.encode(exchange.signal, exchange.encoding));
}

void OtlpReceiver::fail(Exchange& exchange, int status, const QString& message, const HttpReply::Headers& headers)
{
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.lastError = u"%1: %2"_s.arg(status).arg(message);
    }
    const OtlpStatus body { rpcCodeFor(status), message.toUtf8() };
    finish(exchange, status, Otlp::contentType(exchange.encoding), body.encode(exchange.encoding), headers);
}

void OtlpReceiver::finish(Exchange& exchange, int status, const QByteArray& contentType, const QByteArray& body,
    const HttpReply::Headers& headers)
{
    exchange.reply.send(status, contentType, body, headers);
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.recordAnswer(status, exchange.timer.elapsed());
    }
    Q_EMIT statisticsChanged();
}
