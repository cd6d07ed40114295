#include "sampletelemetry.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 nanosPerSecond = 1000000000ull;
constexpr quint64 nanosPerMinute = 60 * nanosPerSecond;
constexpr quint64 nanosPerMs = 1000000ull;

struct ServiceSpec
{
    const char* name;
    const char* version;
    const char* environment;
    SdkIdentity::Flavor flavor;
    double share;
};

// The Automagik family, as a developer running it locally might have it.
constexpr ServiceSpec services[] = {
    { "automagik-omni", "1.4.2", "production", SdkIdentity::Flavor::Python, 0.34 },
    { "automagik-spark", "0.9.1", "production", SdkIdentity::Flavor::Python, 0.22 },
    { "automagik-forge", "2.0.0", "staging", SdkIdentity::Flavor::TypeScript, 0.20 },
    { "automagik-hive", "0.3.5", "production", SdkIdentity::Flavor::Python, 0.14 },
    { "automagik-tools", "1.1.0", "development", SdkIdentity::Flavor::TypeScript, 0.10 },
};

const QStringList features { u"workflow.run"_s, u"agent.create"_s, u"channel.connect"_s, u"message.send"_s,
    u"schedule.trigger"_s, u"memory.search"_s };
const QStringList routes { u"/api/v1/messages"_s, u"/api/v1/agents"_s, u"/api/v1/workflows/run"_s,
    u"/api/v1/instances"_s, u"/health"_s };
const QStringList commands { u"serve"_s, u"migrate"_s, u"agent list"_s, u"workflow run"_s, u"sync"_s };
const QStringList errorTypes { u"TimeoutError"_s, u"ConnectionError"_s, u"ValueError"_s, u"KeyError"_s,
    u"RateLimitError"_s };
const QStringList errorMessages { u"upstream did not answer within 30 s"_s, u"connection refused by 10.0.3.7:5432"_s,
    u"invalid channel id 'wa-0042'"_s, u"'session_token'"_s, u"model provider answered 429 Too Many Requests"_s };

double uniform(QRandomGenerator& random)
{
    return random.generateDouble();
}

/// A log-normal duration in milliseconds around `medianMs` (heavy right tail, as latencies are).
double latencyMs(QRandomGenerator& random, double medianMs, double spread = 0.6)
{
    // Box-Muller: one standard normal from two uniforms.
    const double u1 = std::max(uniform(random), 1e-12);
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * uniform(random));
    return std::max(0.2, medianMs * std::exp(spread * normal));
}

template<typename T>
const T& pick(const QList<T>& list, QRandomGenerator& random)
{
    return list.at(static_cast<qsizetype>(random.bounded(static_cast<quint32>(list.size()))));
}

quint64 atOffset(quint64 minuteStart, QRandomGenerator& random)
{
    return minuteStart + static_cast<quint64>(uniform(random) * double(nanosPerMinute - 1));
}
} // namespace

SampleTelemetry::SampleTelemetry(Options options)
    : m_options(options)
{
    m_options.hours = std::clamp(m_options.hours, 1, maxHours);
    m_options.eventsPerMinute = std::clamp(m_options.eventsPerMinute, 1, maxEventsPerMinute);
    m_end = m_options.endUnixNano != 0 ? m_options.endUnixNano : SdkRecordBuilder::nowUnixNano();
    m_firstMinute = m_end - quint64(minuteCount()) * nanosPerMinute;
    QRandomGenerator random(m_options.seed);
    for (const ServiceSpec& spec : services) {
        SdkIdentity identity;
        identity.projectName = QString::fromLatin1(spec.name);
        identity.projectVersion = QString::fromLatin1(spec.version);
        identity.environment = QString::fromLatin1(spec.environment);
        identity.flavor = spec.flavor;
        identity.userId = u"%1-user-%2"_s.arg(identity.projectName).arg(random.bounded(1000, 9999));
        identity.sessionId = u"session-%1"_s.arg(qulonglong(random.generate64()), 16, 16, QLatin1Char('0'));
        SystemInfo system;
        system.os = spec.flavor == SdkIdentity::Flavor::Python ? u"Linux"_s : u"linux"_s;
        system.osVersion = u"6.1.0-18-amd64"_s;
        system.architecture = u"x86_64"_s;
        system.runtimeVersion = spec.flavor == SdkIdentity::Flavor::Python ? u"3.12.3"_s : u"v20.11.1"_s;
        m_services.push_back({ SdkRecordBuilder(identity, system), spec.share });
    }
    qint64 sampled = 0;
    for (int index : { 0, minuteCount() / 2, minuteCount() - 1 }) {
        const Minute made = minute(index);
        sampled += made.spans.size() + made.metrics.size() + made.logs.size();
    }
    m_estimate = sampled * minuteCount() / 3;
}

quint64 SampleTelemetry::minuteStart(int index) const
{
    return m_firstMinute + quint64(index) * nanosPerMinute;
}

qint64 SampleTelemetry::estimatedRecords() const
{
    return m_estimate;
}

SampleTelemetry::Minute SampleTelemetry::minute(int index) const
{
    Minute out;
    const quint64 start = minuteStart(index);
    QRandomGenerator random(m_options.seed * 1000003u + quint32(index) * 7919u + 17u);

    // A day curve (busiest mid-afternoon, quietest before dawn) with noise and rare bursts.
    const double hourOfDay = double((start / nanosPerSecond) % 86400) / 3600.0;
    const double day = 1.0 + 0.45 * std::sin(2.0 * M_PI * (hourOfDay - 9.0) / 24.0);
    const double burst = uniform(random) < 0.02 ? 2.5 : 1.0;
    const double rate = m_options.eventsPerMinute * day * burst * (0.8 + 0.4 * uniform(random));
    const int events = std::max(1, int(std::lround(rate)));

    std::vector<int> requestsPerService(m_services.size(), 0);
    for (int i = 0; i < events; ++i) {
        double choice = uniform(random);
        std::size_t s = 0;
        while (s + 1 < m_services.size() && choice > m_services[s].share) {
            choice -= m_services[s].share;
            ++s;
        }
        const Service& service = m_services[s];
        const quint64 time = atOffset(start, random);
        const double kind = uniform(random);
        if (kind < 0.04) {
            addError(out, service, time, random);
        } else if (kind < 0.34) {
            addApiRequest(out, service, time, random);
            ++requestsPerService[s];
        } else {
            addEvent(out, service, time, random);
        }
    }
    for (std::size_t s = 0; s < m_services.size(); ++s)
        addMetrics(out, m_services[s], start, requestsPerService[s], random);
    // Once an hour every severity, TRACE to FATAL, so that every panel and filter has some.
    if (index % 60 == 30) {
        const Service& service = m_services[std::size_t(index / 60) % m_services.size()];
        for (qint32 severity : { 1, 5, 9, 13, 17, 21 })
            addLog(out, service, atOffset(start, random), severity, nullptr, random);
    }

    auto byTime = [](const auto& a, const auto& b) { return a.timeUnixNano < b.timeUnixNano; };
    std::sort(out.spans.begin(), out.spans.end(),
        [](const SpanRecord& a, const SpanRecord& b) { return a.startTimeUnixNano < b.startTimeUnixNano; });
    std::sort(out.metrics.begin(), out.metrics.end(), byTime);
    std::sort(out.logs.begin(), out.logs.end(), byTime);
    return out;
}

void SampleTelemetry::addEvent(Minute& out, const Service& service, quint64 time, QRandomGenerator& random) const
{
    const double kind = uniform(random);
    QVariantMap attributes;
    QString name;
    double durationMs = 0;
    if (kind < 0.55) {
        name = u"automagik.feature.used"_s;
        attributes = { { u"feature_name"_s, pick(features, random) }, { u"feature_category"_s, u"automation"_s },
            { u"success"_s, uniform(random) > 0.05 } };
        durationMs = latencyMs(random, 35);
    } else if (kind < 0.72) {
        name = u"automagik.cli.command"_s;
        attributes = { { u"command"_s, pick(commands, random) }, { u"exit_code"_s, uniform(random) < 0.97 ? 0 : 1 } };
        durationMs = latencyMs(random, 400, 0.9);
    } else if (kind < 0.90) {
        name = u"automagik.performance.latency"_s;
        const double measured = latencyMs(random, 120);
        attributes = { { u"operation"_s, pick(features, random) }, { u"duration_ms"_s, measured } };
        durationMs = measured;
    } else {
        name = u"automagik.health"_s;
        attributes = { { u"status"_s, uniform(random) < 0.98 ? u"healthy"_s : u"degraded"_s } };
        durationMs = latencyMs(random, 3, 0.3);
    }
    const quint64 ends = notAfterEnd(time + quint64(durationMs * nanosPerMs));
    const SpanRecord span = service.builder.trackEvent(name, attributes, time, ends - time);
    out.spans.append(span);
    if (uniform(random) < 0.35)
        addLog(out, service, ends, uniform(random) < 0.7 ? 9 : 5, &out.spans.last(), random);
}

void SampleTelemetry::addApiRequest(Minute& out, const Service& service, quint64 time, QRandomGenerator& random) const
{
    const QString route = pick(routes, random);
    const quint64 duration =
        notAfterEnd(time + quint64(latencyMs(random, route == u"/health"_s ? 4 : 180, 0.7) * nanosPerMs)) - time;
    const quint64 ends = time + duration;
    const bool slow = duration > 800 * nanosPerMs;
    const bool timedOut = slow && uniform(random) < 0.3;
    const QVariantMap attributes { { u"http.method"_s, route == u"/health"_s ? u"GET"_s : u"POST"_s },
        { u"http.route"_s, route }, { u"http.status_code"_s, timedOut ? 504 : 200 } };
    SpanRecord root = service.builder.trackEvent(u"automagik.api.request"_s, attributes, time, duration);
    root.kind = Otlp::SpanKind::Server;
    if (timedOut) {
        root.statusCode = Otlp::StatusCode::Error;
        root.statusMessage = "504 Gateway Timeout";
    }
    out.spans.append(root);
    const qsizetype rootIndex = out.spans.size() - 1;

    // Where the time went, inside the request: a database query, and for most routes a model
    // call after it. Children start after their parent and end before it.
    const quint64 queryStart = time + std::min<quint64>(nanosPerMs, duration / 20);
    const quint64 queryDuration = quint64(double(duration) * (0.1 + 0.25 * uniform(random)));
    SpanRecord query = service.builder.trackEvent(u"db.query"_s,
        { { u"db.system"_s, u"postgresql"_s }, { u"db.operation"_s, u"SELECT"_s } }, queryStart,
        std::min(queryDuration, ends - queryStart));
    query.traceId = root.traceId;
    query.parentSpanId = root.spanId;
    query.kind = Otlp::SpanKind::Client;
    out.spans.append(query);
    const quint64 modelStart = query.endTimeUnixNano + std::min<quint64>(nanosPerMs, duration / 50);
    if (route != u"/health"_s && modelStart < ends && uniform(random) < 0.6) {
        const quint64 modelDuration = quint64(double(ends - modelStart) * (0.5 + 0.4 * uniform(random)));
        SpanRecord model = service.builder.trackEvent(u"llm.completion"_s,
            { { u"llm.provider"_s, u"openai"_s }, { u"llm.tokens"_s, double(random.bounded(50, 4000)) } }, modelStart,
            modelDuration);
        model.traceId = root.traceId;
        model.parentSpanId = root.spanId;
        model.kind = Otlp::SpanKind::Client;
        out.spans.append(model);
    }
    const SpanRecord& logged = out.spans.at(rootIndex);
    if (slow)
        addLog(out, service, ends, 13, &logged, random);
    else if (uniform(random) < 0.3)
        addLog(out, service, ends, uniform(random) < 0.5 ? 9 : 5, &logged, random);
}

void SampleTelemetry::addError(Minute& out, const Service& service, quint64 time, QRandomGenerator& random) const
{
    const auto which = static_cast<qsizetype>(random.bounded(static_cast<quint32>(errorTypes.size())));
    const SpanRecord span = service.builder.trackError(
        errorTypes.at(which), errorMessages.at(which), { { u"feature_name"_s, pick(features, random) } }, time);
    out.spans.append(span);
    addLog(out, service, time, uniform(random) < 0.05 ? 21 : 17, &out.spans.last(), random);
}

void SampleTelemetry::addMetrics(
    Minute& out, const Service& service, quint64 minuteStart, int requests, QRandomGenerator& random) const
{
    const quint64 at = minuteStart + 59 * nanosPerSecond;
    const double phase = double(minuteStart / nanosPerMinute % 240) / 240.0 * 2.0 * M_PI;
    out.metrics.append(service.builder.trackMetric(u"process.memory.usage_mb"_s,
        220.0 + 60.0 * std::sin(phase) + 20.0 * uniform(random), SdkRecordBuilder::MetricKind::Gauge, {}, at));
    out.metrics.append(service.builder.trackMetric(u"queue.depth"_s, double(random.bounded(0, 40)),
        SdkRecordBuilder::MetricKind::Gauge, { { u"queue"_s, u"messages"_s } }, at));
    out.metrics.append(service.builder.trackMetric(
        u"api.requests"_s, double(requests), SdkRecordBuilder::MetricKind::Counter, { { u"unit"_s, u"1"_s } }, at));
    out.metrics.append(service.builder.trackMetric(u"api.request.duration_ms"_s, latencyMs(random, 180, 0.7),
        SdkRecordBuilder::MetricKind::Histogram, { { u"unit"_s, u"ms"_s } }, at));
}

void SampleTelemetry::addLog(Minute& out, const Service& service, quint64 time, qint32 severity,
    const SpanRecord* about, QRandomGenerator& random) const
{
    QString message;
    QVariantMap attributes;
    switch (severity) {
    case 1:
        message = u"entering %1"_s.arg(pick(features, random));
        break;
    case 5:
        message = u"cache lookup for %1: %2"_s.arg(pick(routes, random), uniform(random) < 0.8 ? u"hit"_s : u"miss"_s);
        break;
    case 9:
        message = about ? u"%1 done"_s.arg(QString::fromUtf8(about->name)) : u"worker heartbeat"_s;
        break;
    case 13:
        message = u"slow request: over 800 ms"_s;
        break;
    case 17:
    case 21:
        message = about ? QString::fromUtf8(about->statusMessage) : u"unhandled exception in worker"_s;
        if (message.isEmpty())
            message = u"unhandled exception in worker"_s;
        attributes.insert(u"exception.type"_s, pick(errorTypes, random));
        attributes.insert(u"exception.message"_s, message);
        break;
    default:
        break;
    }
    LogRecord log = service.builder.trackLog(message, severity, attributes, notAfterEnd(time));
    if (about) {
        log.traceId = about->traceId;
        log.spanId = about->spanId;
    }
    out.logs.append(log);
}
