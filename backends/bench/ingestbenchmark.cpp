#include "ingestbenchmark.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousedirectexporter.h"
#include "clickhouse/clickhousereply.h"
#include "telemetry/clickhouserowmapper.h"
#include "telemetry/sampleevents.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;

IngestBenchmark::IngestBenchmark(BenchServer* server, int events, int sdkEvents, int rounds)
    : m_server(server)
    , m_events(events)
    , m_sdkEvents(sdkEvents)
    , m_rounds(rounds)
{ }

bool IngestBenchmark::resetTable(QString* error)
{
    bool ok = false;
    const QString answer = m_server->run(u"TRUNCATE TABLE %1.traces"_s.arg(m_server->database()), &ok);
    if (!ok)
        *error = answer;
    return ok;
}

bool IngestBenchmark::checkCount(qint64 expected, QString* error)
{
    bool ok = false;
    const QString answer =
        m_server->run(u"SELECT count(), uniqExact(span_id) FROM %1.traces"_s.arg(m_server->database()), &ok);
    if (ok && answer == u"%1\t%1"_s.arg(expected))
        return true;
    *error = u"expected %1 rows (all distinct), found: %2"_s.arg(expected).arg(answer);
    return false;
}

bool IngestBenchmark::plainHttpRun(int batchRows, int events, double* seconds, QString* error)
{
    // The floor under SDK mode: pre-rendered rows, one POST at a time on a kept-alive connection,
    // nothing else. The direct backend's SDK mode is compared with this in the same run.
    const ClickHouseRowMapper mapper(m_server->rowDialect());
    const QList<SpanRecord> records = SampleEvents::automagikEvents(events);
    QList<QByteArray> batches;
    for (qsizetype first = 0; first < records.size(); first += batchRows) {
        QByteArray batch;
        for (qsizetype i = first; i < std::min<qsizetype>(first + batchRows, records.size()); ++i)
            mapper.appendTraceRow(batch, records.at(i));
        batches.append(batch);
    }
    ClickHouseClient client(m_server->endpoint());
    client.setServerInfo(m_server->info());
    const QString statement = u"INSERT INTO %1.traces FORMAT JSONEachRow"_s.arg(m_server->database());
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray& body : std::as_const(batches)) {
        ClickHouseReply* reply = client.insertBody(statement, body, false);
        QEventLoop loop;
        QObject::connect(reply, &ClickHouseReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        if (!reply->isOk()) {
            *error = reply->error().toString();
            return false;
        }
    }
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    return true;
}

bool IngestBenchmark::directRun(
    bool throughput, int compressionLevel, bool groupCommit, int events, double* seconds, QString* error)
{
    const QList<SpanRecord> records = SampleEvents::automagikEvents(events);
    ClickHouseBackendConfig config;
    config.endpoint = m_server->endpoint();
    config.dialect = m_server->rowDialect();
    config.mode = throughput ? ClickHouseBackendConfig::Mode::Throughput : ClickHouseBackendConfig::Mode::Sdk;
    config.compressionLevel = compressionLevel;
    if (!groupCommit)
        config.sdkCoalescedRows = config.batchSize; // every insert exactly one batch of 100
    config.timeoutMs = 60000;
    ClickHouseDirectExporter exporter(config);
    QString startError;
    if (!exporter.start(&startError)) {
        *error = startError;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    // A producer thread maps and tracks, as a replay or a receiver would, while this thread sends.
    std::atomic<bool> produced = false;
    const int chunk = throughput ? 1000 : 100;
    std::thread producer([&] {
        for (qsizetype i = 0; i < records.size(); i += chunk)
            exporter.trackSpans(records.mid(i, chunk));
        produced = true;
    });
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (produced)
            loop.quit();
    });
    poll.start(2);
    loop.exec();
    producer.join();
    const double producedAt = double(timer.nsecsElapsed()) / 1e9;
    const bool done = exporter.flushAndWait(600000);
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    if (qEnvironmentVariableIsSet("BENCH_DEBUG"))
        qInfo("produced at %.2f s; batches %lld, average insert latency %.1f ms, retries %lld", producedAt,
            exporter.statistics().batchesDelivered, exporter.statistics().averageLatencyMs,
            exporter.statistics().retries);
    if (!done || exporter.statistics().rowsDelivered != events) {
        *error = u"the direct backend delivered %1 of %2 rows: %3"_s.arg(exporter.statistics().rowsDelivered)
                     .arg(events)
                     .arg(exporter.statistics().lastError);
        return false;
    }
    return true;
}

QList<IngestBenchmark::Method> IngestBenchmark::run(QString* error)
{
    // clickhouse-client's input: the same events, already rendered as rows (its best case).
    QTemporaryDir directory;
    const QString rowsFile = directory.filePath(u"events.jsonl"_s);
    {
        QFile file(rowsFile);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = u"cannot write "_s + rowsFile;
            return {};
        }
        const ClickHouseRowMapper mapper(m_server->rowDialect());
        QByteArray rows;
        for (const SpanRecord& span : SampleEvents::automagikEvents(m_events)) {
            mapper.appendTraceRow(rows, span);
            if (rows.size() > (8 << 20))
                file.write(std::exchange(rows, {}));
        }
        file.write(rows);
    }
    const bool haveClient = m_server->hasClient();
    QList<Method> methods;
    if (haveClient)
        methods.append({ u"clickhouse-client, JSONEachRow file (native protocol)"_s, {}, m_events });
    methods.append({ u"direct backend, throughput mode, no gzip"_s, {}, m_events });
    methods.append({ u"direct backend, throughput mode, gzip 1"_s, {}, m_events });
    methods.append({ u"plain HTTP, 100 pre-rendered rows per POST (floor)"_s, {}, m_sdkEvents });
    methods.append({ u"direct backend, SDK mode (batches of 100), no gzip"_s, {}, m_sdkEvents });
    methods.append({ u"direct backend, SDK mode (batches of 100), gzip 1"_s, {}, m_sdkEvents });
    methods.append({ u"direct backend, SDK mode, no group commit, no gzip"_s, {}, m_sdkEvents });

    for (int round = 0; round < m_rounds; ++round) {
        if (haveClient) {
            double seconds = 0;
            if (!m_server->runClient(u"SELECT 1"_s, {}, &seconds, error))
                return {};
            m_clientStart.append(seconds);
        }
        for (qsizetype step = 0; step < methods.size(); ++step) {
            Method& method = methods[BenchSamples::roundOrder(round, step, methods.size())];
            if (!resetTable(error))
                return {};
            double seconds = 0;
            bool ok = false;
            if (method.name.startsWith(u"clickhouse-client"_s))
                ok = m_server->runClient(
                    u"INSERT INTO %1.traces FORMAT JSONEachRow"_s.arg(m_server->database()), rowsFile, &seconds, error);
            else if (method.name.startsWith(u"plain HTTP"_s))
                ok = plainHttpRun(100, m_sdkEvents, &seconds, error);
            else if (method.name.contains(u"SDK mode"_s))
                ok = directRun(false, method.name.endsWith(u"gzip 1"_s) ? 1 : 0,
                    !method.name.contains(u"no group commit"_s), m_sdkEvents, &seconds, error);
            else
                ok = directRun(true, method.name.endsWith(u"gzip 1"_s) ? 1 : 0, true, m_events, &seconds, error);
            if (!ok || !checkCount(method.rows, error))
                return {};
            if (qEnvironmentVariableIsSet("BENCH_DEBUG"))
                qInfo("%s: %.2f s; server events: %s", qPrintable(method.name), seconds,
                    qPrintable(
                        m_server
                            ->run(
                                u"SELECT groupArray(concat(event, '=', toString(value))) FROM system.events WHERE event IN ('DelayedInserts', 'DelayedInsertsMilliseconds', 'RejectedInserts', 'InsertQuery')"_s)
                            .simplified()));
            method.rowsPerSecond.append(double(method.rows) / seconds);
        }
    }
    return methods;
}
