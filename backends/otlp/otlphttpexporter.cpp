#include "otlphttpexporter.h"

#include "common/eventloopwait.h"
#include "otlpcodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {
constexpr Otlp::Signal allSignals[] = { Otlp::Signal::Traces, Otlp::Signal::Metrics, Otlp::Signal::Logs };

QString destinationOf(Otlp::Signal signal)
{
    return QString::fromLatin1(Otlp::defaultPath(signal)).section(u'/', -1);
}

bool signalOf(const QString& destination, Otlp::Signal* signal)
{
    for (Otlp::Signal candidate : allSignals) {
        if (destinationOf(candidate) == destination) {
            *signal = candidate;
            return true;
        }
    }
    return false;
}

/// A request body for `records` with one (empty) key per record, so the spool counts records.
DeliveryBatch batchOf(Otlp::Signal signal, QByteArray body, qsizetype records)
{
    DeliveryBatch batch;
    batch.destination = destinationOf(signal);
    batch.rows = std::move(body);
    batch.keys = QList<QByteArray>(records);
    batch.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    return batch;
}
} // namespace

OtlpHttpExporter::OtlpHttpExporter(OtlpHttpExporterConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    m_flushTimer.setInterval(m_config.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &OtlpHttpExporter::sealAll);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &OtlpHttpExporter::drainSpool);
    RetryPolicy drainPolicy = m_config.retry;
    drainPolicy.maxRetries = 0; // the drain timer does the retrying, with the spool's order kept
    m_spoolSender = new OtlpHttpSender(m_network.get(), drainPolicy, this);
    connect(m_spoolSender, &OtlpHttpSender::finished, this, &OtlpHttpExporter::onSpoolSenderFinished);
}

OtlpHttpExporter::~OtlpHttpExporter()
{
    shutdown(0);
}

bool OtlpHttpExporter::start(QString* error)
{
    if (!m_config.caFile.isEmpty()) {
        m_caCertificates = QSslCertificate::fromPath(m_config.caFile, QSsl::Pem);
        if (m_caCertificates.isEmpty()) {
            *error = u"no PEM certificate could be read from %1"_s.arg(m_config.caFile);
            return false;
        }
    }
    if (!m_config.spoolPath.isEmpty()) {
        m_spool = std::make_unique<DurableSpool>(m_config.spoolPath, m_config.spoolMaxBytes);
        QString warning;
        if (!m_spool->open(error, &warning)) {
            m_spool.reset();
            return false;
        }
        if (!warning.isEmpty())
            reportError(warning);
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.spooledBatches = m_spool->pendingBatches();
            m_statistics.spooledRecords = m_spool->pendingRows();
        }
        if (!m_spool->isEmpty())
            m_drainTimer.start(0);
    }
    m_flushTimer.start();
    return true;
}

OtlpHttpSender::Request OtlpHttpExporter::requestFor(Otlp::Signal signal) const
{
    OtlpHttpSender::Request request;
    request.url = m_config.url(signal);
    request.signal = signal;
    request.encoding = m_config.encoding;
    request.gzip = m_config.gzip;
    request.headers = m_config.headers;
    request.timeoutMs = m_config.timeoutMs;
    request.caCertificates = m_caCertificates;
    return request;
}

void OtlpHttpExporter::trackSpans(const QList<SpanRecord>& spans)
{
    bool full = false;
    {
        QMutexLocker locker(&m_mutex);
        lane(Otlp::Signal::Traces).spans += spans;
        m_statistics.recordsTracked += spans.size();
        full = lane(Otlp::Signal::Traces).spans.size() >= m_config.batchSize;
    }
    if (full)
        QMetaObject::invokeMethod(
            this, [this] { seal(Otlp::Signal::Traces); }, Qt::QueuedConnection);
}

void OtlpHttpExporter::trackMetrics(const QList<MetricPoint>& points)
{
    bool full = false;
    {
        QMutexLocker locker(&m_mutex);
        lane(Otlp::Signal::Metrics).points += points;
        m_statistics.recordsTracked += points.size();
        full = lane(Otlp::Signal::Metrics).points.size() >= m_config.batchSize;
    }
    if (full)
        QMetaObject::invokeMethod(
            this, [this] { seal(Otlp::Signal::Metrics); }, Qt::QueuedConnection);
}

void OtlpHttpExporter::trackLogs(const QList<LogRecord>& logs)
{
    bool full = false;
    {
        QMutexLocker locker(&m_mutex);
        lane(Otlp::Signal::Logs).logs += logs;
        m_statistics.recordsTracked += logs.size();
        full = lane(Otlp::Signal::Logs).logs.size() >= m_config.batchSize;
    }
    if (full)
        QMetaObject::invokeMethod(
            this, [this] { seal(Otlp::Signal::Logs); }, Qt::QueuedConnection);
}

void OtlpHttpExporter::flush()
{
    QMetaObject::invokeMethod(this, &OtlpHttpExporter::sealAll, Qt::QueuedConnection);
}

void OtlpHttpExporter::sealAll()
{
    for (Otlp::Signal signal : allSignals)
        seal(signal);
}

void OtlpHttpExporter::seal(Otlp::Signal signal)
{
    // Take the records under the lock, encode outside it, one request per batchSize records.
    QList<SpanRecord> spans;
    QList<MetricPoint> points;
    QList<LogRecord> logs;
    {
        QMutexLocker locker(&m_mutex);
        spans = std::exchange(lane(signal).spans, {});
        points = std::exchange(lane(signal).points, {});
        logs = std::exchange(lane(signal).logs, {});
    }
    const qsizetype size = m_config.batchSize;
    for (qsizetype i = 0; i < spans.size(); i += size) {
        const QList<SpanRecord> part = spans.mid(i, size);
        enqueue(signal, batchOf(signal, OtlpCodec::encodeTraces(part, m_config.encoding), part.size()));
    }
    for (qsizetype i = 0; i < points.size(); i += size) {
        const QList<MetricPoint> part = points.mid(i, size);
        enqueue(signal, batchOf(signal, OtlpCodec::encodeMetrics(part, m_config.encoding), part.size()));
    }
    for (qsizetype i = 0; i < logs.size(); i += size) {
        const QList<LogRecord> part = logs.mid(i, size);
        enqueue(signal, batchOf(signal, OtlpCodec::encodeLogs(part, m_config.encoding), part.size()));
    }
}

void OtlpHttpExporter::enqueue(Otlp::Signal signal, DeliveryBatch batch)
{
    // While older batches wait in the spool, newer ones queue behind them: order is kept.
    if (m_spool && !m_spool->isEmpty()) {
        spool(std::move(batch));
        return;
    }
    lane(signal).queue.append(std::move(batch));
    pump(signal);
}

void OtlpHttpExporter::pump(Otlp::Signal signal)
{
    Lane& current = lane(signal);
    while (!m_shuttingDown && !current.queue.isEmpty()) {
        OtlpHttpSender* idle = nullptr;
        for (OtlpHttpSender* sender : current.senders) {
            if (!sender->isBusy()) {
                idle = sender;
                break;
            }
        }
        if (!idle && current.senders.size() < size_t(qMax(1, m_config.concurrentRequests))) {
            idle = new OtlpHttpSender(m_network.get(), m_config.retry, this);
            connect(idle, &OtlpHttpSender::finished, this,
                [this, signal](const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome) {
                    onSenderFinished(signal, batch, outcome);
                });
            current.senders.push_back(idle);
        }
        if (!idle)
            return;
        idle->send(requestFor(signal), current.queue.takeFirst());
    }
}

void OtlpHttpExporter::count(const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome)
{
    QMutexLocker locker(&m_mutex);
    m_statistics.retries += outcome.retries;
    m_statistics.bytesRaw += outcome.bytesRaw;
    m_statistics.bytesSent += outcome.bytesSent;
    if (outcome.delivered) {
        m_statistics.recordsDelivered += batch.rowCount() - outcome.rejected;
        m_statistics.recordsRejected += outcome.rejected;
        ++m_statistics.requestsDelivered;
        m_statistics.lastLatencyMs = outcome.latencyMs;
    } else if (outcome.permanent) {
        m_statistics.recordsFailed += batch.rowCount();
    }
}

void OtlpHttpExporter::onSenderFinished(
    Otlp::Signal signal, const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome)
{
    count(batch, outcome);
    if (outcome.delivered && outcome.rejected > 0) {
        // The spec: a partial success is reported, never retried.
        reportError(u"%1 refused %2 of %3 records: %4"_s.arg(requestFor(signal).url.toString())
                        .arg(outcome.rejected)
                        .arg(batch.rowCount())
                        .arg(outcome.partialMessage));
    } else if (!outcome.delivered && outcome.permanent) {
        reportError(u"%1 records dropped: %2"_s.arg(batch.rowCount()).arg(outcome.error));
    } else if (!outcome.delivered) {
        const qsizetype records = batch.rowCount();
        if (spool(batch, outcome.error)) {
            reportError(u"%1 records not delivered after %2 retries, kept for later: %3"_s.arg(records)
                            .arg(outcome.retries)
                            .arg(outcome.error));
        }
        // The endpoint is away: the batches queued behind this one join it in the spool.
        while (!lane(signal).queue.isEmpty() && m_spool)
            spool(lane(signal).queue.takeFirst());
    }
    Q_EMIT statisticsChanged();
    pump(signal);
}

bool OtlpHttpExporter::spool(DeliveryBatch batch, const QString& reason)
{
    QString error;
    if (!m_spool || !m_spool->append(&batch, &error)) {
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.recordsFailed += batch.rowCount();
        }
        const QString why = reason.isEmpty() ? QString() : u" (%1)"_s.arg(reason);
        reportError(m_spool ? u"%1 records lost%2: %3"_s.arg(batch.rowCount()).arg(why, error)
                            : u"%1 records lost%2: no spool is configured"_s.arg(batch.rowCount()).arg(why));
        return false;
    }
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.spooledBatches = m_spool->pendingBatches();
        m_statistics.spooledRecords = m_spool->pendingRows();
    }
    if (!m_drainTimer.isActive() && !m_spoolSender->isBusy())
        m_drainTimer.start(m_config.spoolRetryIntervalMs);
    return true;
}

void OtlpHttpExporter::drainSpool()
{
    if (!m_spool || m_spool->isEmpty() || m_spoolSender->isBusy() || m_shuttingDown)
        return;
    QString error;
    const std::optional<DeliveryBatch> batch = m_spool->front(&error);
    Otlp::Signal signal = Otlp::Signal::Traces;
    if (!batch || !signalOf(batch->destination, &signal)) {
        reportError(batch
                ? u"spooled batch %1 is for an unknown signal %2"_s.arg(batch->sequence).arg(batch->destination)
                : error);
        m_drainTimer.start(m_config.spoolRetryIntervalMs * 8);
        return;
    }
    m_spoolSender->send(requestFor(signal), *batch);
}

void OtlpHttpExporter::onSpoolSenderFinished(const DeliveryBatch& batch, const OtlpHttpSender::Outcome& outcome)
{
    count(batch, outcome);
    if (outcome.delivered || outcome.permanent) {
        if (outcome.permanent)
            reportError(u"%1 spooled records dropped: %2"_s.arg(batch.rowCount()).arg(outcome.error));
        QString error;
        if (!m_spool->acknowledgeFront(&error))
            reportError(error);
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.spooledBatches = m_spool->pendingBatches();
            m_statistics.spooledRecords = m_spool->pendingRows();
        }
        Q_EMIT statisticsChanged();
        m_drainTimer.start(0);
        return;
    }
    // A server that said when to come back (503 or 429 with Retry-After) is not asked sooner.
    if (outcome.error != u"cancelled"_s)
        m_drainTimer.start(outcome.retryAfterMs >= 0
                ? int(qMin<qint64>(outcome.retryAfterMs, m_config.retry.maxDelayMs))
                : m_config.spoolRetryIntervalMs);
}

void OtlpHttpExporter::reportError(const QString& error)
{
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.lastError = error;
    }
    Q_EMIT errorOccurred(error);
}

OtlpHttpExporter::Statistics OtlpHttpExporter::statistics() const
{
    QMutexLocker locker(&m_mutex);
    return m_statistics;
}

bool OtlpHttpExporter::isIdle() const
{
    {
        QMutexLocker locker(&m_mutex);
        for (const Lane& each : m_lanes) {
            if (!each.spans.isEmpty() || !each.points.isEmpty() || !each.logs.isEmpty())
                return false;
        }
    }
    for (const Lane& each : m_lanes) {
        if (!each.queue.isEmpty())
            return false;
        for (const OtlpHttpSender* sender : each.senders) {
            if (sender->isBusy())
                return false;
        }
    }
    return !m_spoolSender->isBusy() && (!m_spool || m_spool->isEmpty());
}

bool OtlpHttpExporter::flushAndWait(int timeoutMs)
{
    Q_ASSERT(QThread::currentThread() == thread());
    return runEventLoopUntil(timeoutMs, [this] {
        sealAll();
        return isIdle();
    });
}

void OtlpHttpExporter::shutdown(int timeoutMs)
{
    if (m_shuttingDown)
        return;
    if (timeoutMs > 0)
        flushAndWait(timeoutMs);
    m_flushTimer.stop();
    m_drainTimer.stop();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    sealAll();
    m_shuttingDown = true;
    for (Otlp::Signal signal : allSignals) {
        Lane& current = lane(signal);
        for (OtlpHttpSender* sender : current.senders)
            sender->abort(); // finished() puts the batch in the spool
        while (!current.queue.isEmpty())
            spool(current.queue.takeFirst());
    }
    m_spoolSender->abort();
    m_drainTimer.stop();
}
