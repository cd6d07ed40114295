#include "receivebenchmark.h"

#include "clickhouse/clickhousedirectexporter.h"
#include "collector/localcollector.h"
#include "otlp/otlphttpexporter.h"
#include "telemetry/sampleevents.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>

#include <future>

using namespace Qt::StringLiterals;

namespace {
constexpr int chunk = 1000;

ClickHouseBackendConfig configFor(const BenchServer& server)
{
    ClickHouseBackendConfig config;
    config.endpoint = server.endpoint();
    config.dialect = server.info().dialect() == ClickHouseServerInfo::Dialect::Modern
        ? ClickHouseRowMapper::Dialect::Modern
        : ClickHouseRowMapper::Dialect::Legacy;
    config.mode = ClickHouseBackendConfig::Mode::Throughput;
    config.compressionLevel = 0; // loopback
    config.timeoutMs = 60000;
    return config;
}
} // namespace

ReceiveBenchmark::ReceiveBenchmark(BenchServer* server, int events, int rounds)
    : m_server(server)
    , m_events(events)
    , m_rounds(rounds)
{ }

bool ReceiveBenchmark::resetTable(QString* error)
{
    bool ok = false;
    const QString answer = m_server->run(u"TRUNCATE TABLE %1.traces"_s.arg(m_server->database()), &ok);
    if (!ok)
        *error = answer;
    return ok;
}

bool ReceiveBenchmark::checkCount(QString* error)
{
    bool ok = false;
    const QString answer =
        m_server->run(u"SELECT count(), uniqExact(span_id) FROM %1.traces"_s.arg(m_server->database()), &ok);
    if (ok && answer == u"%1\t%1"_s.arg(m_events))
        return true;
    *error = u"expected %1 rows (all distinct), found: %2"_s.arg(m_events).arg(answer);
    return false;
}

bool ReceiveBenchmark::directRun(double* seconds, QString* error)
{
    const QList<SpanRecord> records = SampleEvents::automagikEvents(m_events);
    ClickHouseDirectExporter exporter(configFor(*m_server));
    if (!exporter.start(error))
        return false;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < records.size(); i += chunk)
        exporter.trackSpans(records.mid(i, chunk));
    const bool done = exporter.flushAndWait(600000);
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!done || exporter.statistics().rowsDelivered != m_events) {
        *error = u"the direct backend delivered %1 of %2 rows: %3"_s.arg(exporter.statistics().rowsDelivered)
                     .arg(m_events)
                     .arg(exporter.statistics().lastError);
        return false;
    }
    return true;
}

bool ReceiveBenchmark::receiverRun(bool gzip, double* seconds, QString* error)
{
    const QList<SpanRecord> records = SampleEvents::automagikEvents(m_events);
    QTemporaryDir spool;
    // The collector on its own thread, started there (its sockets belong to that thread).
    std::promise<QString> started;
    QEventLoop* collectorLoop = nullptr;
    quint16 port = 0;
    QThread* thread = QThread::create([&] {
        LocalCollector::Options options;
        options.clickHouse = configFor(*m_server);
        options.clickHouse.spoolPath = spool.filePath(u"bench.spool"_s);
        options.receiver.port = 0;
        options.withGateway = false;
        LocalCollector collector(options);
        QString startError;
        const bool ok = collector.start(&startError);
        port = ok ? collector.receiver()->port() : 0;
        QEventLoop loop;
        collectorLoop = &loop;
        started.set_value(startError);
        if (ok)
            loop.exec();
        collector.stop(60000);
    });
    thread->start();
    const QString startError = started.get_future().get();
    auto stopCollector = [&] {
        QMetaObject::invokeMethod(collectorLoop, &QEventLoop::quit, Qt::QueuedConnection);
        thread->wait();
        delete thread;
    };
    if (!startError.isEmpty()) {
        *error = startError;
        stopCollector();
        return false;
    }
    OtlpHttpExporterConfig config;
    config.tracesUrl = QUrl(u"http://127.0.0.1:%1/v1/traces"_s.arg(port));
    config.encoding = Otlp::Encoding::Protobuf;
    config.gzip = gzip;
    config.batchSize = chunk;
    config.timeoutMs = 60000;
    OtlpHttpExporter exporter(config);
    if (!exporter.start(error)) {
        stopCollector();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < records.size(); i += chunk)
        exporter.trackSpans(records.mid(i, chunk));
    // Every request is answered only once its spans are stored: idle means all are in ClickHouse.
    const bool done = exporter.flushAndWait(600000);
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    const auto statistics = exporter.statistics();
    stopCollector();
    if (!done || statistics.recordsDelivered != m_events) {
        *error = u"the receiver took %1 of %2 spans: %3"_s.arg(statistics.recordsDelivered)
                     .arg(m_events)
                     .arg(statistics.lastError);
        return false;
    }
    return true;
}

QList<ReceiveBenchmark::Method> ReceiveBenchmark::run(QString* error)
{
    QList<Method> methods { { u"direct backend, throughput mode, no gzip"_s, {} },
        { u"OTLP protobuf -> receiver -> ClickHouse, no gzip"_s, {} },
        { u"OTLP protobuf -> receiver -> ClickHouse, gzip"_s, {} } };
    for (int round = 0; round < m_rounds; ++round) {
        for (qsizetype step = 0; step < methods.size(); ++step) {
            Method& method = methods[BenchSamples::roundOrder(round, step, methods.size())];
            if (!resetTable(error))
                return {};
            double seconds = 0;
            const bool ok = method.name.startsWith(u"direct"_s)
                ? directRun(&seconds, error)
                : receiverRun(method.name.endsWith(u", gzip"_s), &seconds, error);
            if (!ok || !checkCount(error))
                return {};
            method.spansPerSecond.append(double(m_events) / seconds);
        }
    }
    return methods;
}
