#include "sendjob.h"

#include <algorithm>
#include <cmath>
#include <limits>

SendJob::SendJob(SendRequest request, const SdkRecordBuilder& builder, ReplayOutput* output, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_builder(builder)
    , m_output(output)
{
    qRegisterMetaType<SendJob::Summary>();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SendJob::sendDue);
}

SendJob::~SendJob() = default;

void SendJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_sent = 0;
    m_first = {};
    m_clock.start();
    m_timer.start(0);
}

void SendJob::cancel()
{
    if (m_running)
        end(true);
}

void SendJob::sendDue()
{
    const qint64 left = m_request.count - m_sent;
    if (left <= 0)
        return end(false);
    qint64 due = 0; // with a rate: the records due by now
    if (m_request.rate <= 0) {
        // As fast as the output takes them: wait while it is behind.
        if (m_output->outstanding() > maxOutstanding) {
            m_timer.start(5);
            return;
        }
        sendSome(qMin<qint64>(chunk, left));
    } else {
        due = qMin<qint64>(m_request.count, qint64(double(m_clock.elapsed()) * m_request.rate / 1000.0) + 1);
        if (due > m_sent)
            sendSome(qMin<qint64>(chunk, due - m_sent));
    }
    Q_EMIT progressed(m_sent, m_request.count);
    if (!m_running) // a slot connected to progressed() cancelled
        return;
    if (m_sent >= m_request.count)
        return end(false);
    if (m_request.rate <= 0 || due > m_sent) {
        m_timer.start(0); // as fast as possible, or more were due than one chunk holds
        return;
    }
    // Not sooner than a tick: at thousands of records a second, a timer per record kept a core
    // busy spinning the event loop. The records due within a tick go together; the rate holds,
    // since what is due is counted from the start. Rounded up: the next record is due then.
    const qint64 nextDueMs = qint64(std::ceil(double(m_sent) * 1000.0 / m_request.rate));
    m_timer.start(int(std::clamp<qint64>(nextDueMs - m_clock.elapsed(), tickMs, std::numeric_limits<int>::max())));
}

void SendJob::sendSome(qint64 n)
{
    switch (m_request.signal) {
    case SendRequest::Signal::Metric: {
        QList<MetricPoint> points;
        points.reserve(n);
        for (qint64 i = 0; i < n; ++i)
            points.append(
                m_builder.trackMetric(m_request.name, m_request.value, m_request.metricKind, m_request.attributes));
        if (m_sent == 0)
            m_first.points = points.mid(0, 1);
        m_output->sendMetrics(points);
        break;
    }
    case SendRequest::Signal::Log: {
        QList<LogRecord> logs;
        logs.reserve(n);
        for (qint64 i = 0; i < n; ++i)
            logs.append(m_builder.trackLog(m_request.name, m_request.severity, m_request.attributes));
        if (m_sent == 0)
            m_first.logs = logs.mid(0, 1);
        m_output->sendLogs(logs);
        break;
    }
    case SendRequest::Signal::Event:
    case SendRequest::Signal::Error: {
        QList<SpanRecord> spans;
        spans.reserve(n);
        for (qint64 i = 0; i < n; ++i) {
            spans.append(m_request.signal == SendRequest::Signal::Error
                    ? m_builder.trackError(m_request.name, m_request.message, m_request.attributes)
                    : m_builder.trackEvent(m_request.name, m_request.attributes));
        }
        if (m_sent == 0)
            m_first.spans = spans.mid(0, 1);
        m_output->sendSpans(spans);
        break;
    }
    }
    m_sent += n;
}

void SendJob::end(bool cancelled)
{
    m_timer.stop();
    m_running = false;
    Summary summary;
    summary.sent = m_sent;
    summary.elapsedMs = m_clock.elapsed();
    summary.cancelled = cancelled;
    m_output->finish(finishTimeoutMs);
    summary.statistics = m_output->statistics();
    summary.first = m_first;
    Q_EMIT finished(summary);
}
