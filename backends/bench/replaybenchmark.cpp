#include "replaybenchmark.h"

#include "capture/capturewriter.h"
#include "capture/discardreplayoutput.h"
#include "capture/replayengine.h"
#include "telemetry/sampleevents.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {
constexpr int chunk = 10'000;
constexpr quint64 firstTime = 1'795'860'441'000'000'000ull;
} // namespace

ReplayBenchmark::ReplayBenchmark(BenchServer* server, QString program, int events, int rounds)
    : m_server(server)
    , m_program(std::move(program))
    , m_events(events)
    , m_rounds(rounds)
{ }

bool ReplayBenchmark::writeInputs(const QString& capture, const QString& rows, qint64* captureBytes, QString* error)
{
    // The same events twice: as a capture (lines of 1,000 spans, as a collector's batches are) and
    // as the rows clickhouse-client reads. Made in chunks: a million records do not fit in memory.
    CaptureWriter writer;
    if (!writer.open(capture, {}, error))
        return false;
    QFile rowsFile(rows);
    if (!rowsFile.open(QIODevice::WriteOnly)) {
        *error = u"cannot write "_s + rows;
        return false;
    }
    const ClickHouseRowMapper mapper(m_server->rowDialect());
    for (int done = 0; done < m_events; done += chunk) {
        const QList<SpanRecord> spans =
            SampleEvents::automagikEvents(qMin(chunk, m_events - done), firstTime + quint64(done) * 1'000'000ull);
        QByteArray text;
        for (const SpanRecord& span : spans)
            mapper.appendTraceRow(text, span);
        rowsFile.write(text);
        for (qsizetype i = 0; i < spans.size(); i += 1000)
            writer.captureSpans(spans.mid(i, 1000));
    }
    if (!writer.close()) {
        *error = writer.statistics().lastError;
        return false;
    }
    *captureBytes = QFileInfo(capture).size();
    return true;
}

bool ReplayBenchmark::replayRun(
    const QString& capture, const QString& dataDirectory, Result* result, double* seconds, QString* error)
{
    QProcess replay;
    replay.setProgram(m_program);
    const ClickHouseEndpoint endpoint = m_server->endpoint();
    replay.setArguments(
        { u"replay"_s, capture, u"--speed"_s, u"max"_s, u"--json"_s, u"--endpoint"_s, endpoint.url.toString(),
            u"--user"_s, endpoint.user, u"--database"_s, m_server->database(), u"--data-dir"_s, dataDirectory });
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, endpoint.password);
    replay.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    replay.start();
    if (!replay.waitForFinished(1'800'000) || replay.exitCode() != 0) {
        *error = u"replay exited %1: %2"_s.arg(replay.exitCode()).arg(QString::fromUtf8(replay.readAllStandardError()));
        return false;
    }
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    const QByteArray output = replay.readAllStandardOutput().trimmed();
    const QJsonObject summary = QJsonDocument::fromJson(output.mid(output.lastIndexOf('\n') + 1)).object();
    if (summary.value(u"spans"_s).toInteger() != m_events) {
        *error = u"replay sent %1 of %2 spans: %3"_s.arg(summary.value(u"spans"_s).toInteger())
                     .arg(m_events)
                     .arg(QString::fromUtf8(output));
        return false;
    }
    result->replayPeakMiB.append(double(summary.value(u"peak_rss_kib"_s).toInteger()) / 1024.0);
    result->replayDecodedPerSecond.append(double(summary.value(u"decoded_records_per_second"_s).toInteger()));
    return true;
}

bool ReplayBenchmark::timing(
    const QString& folder, double speed, double* relativeError, qint64* latestMs, QString* error)
{
    // 10,000 records over 10 s of capture time, replayed dry: only the schedule is measured.
    const QString path = folder + u"/timing.jsonl"_s;
    if (!QFileInfo::exists(path)) {
        CaptureWriter writer;
        if (!writer.open(path, {}, error))
            return false;
        for (int done = 0; done < 10'000; done += 1000)
            writer.captureSpans(SampleEvents::automagikEvents(1000, firstTime + quint64(done) * 1'000'000ull));
        writer.close();
    }
    ReplayEngine::Options options;
    options.files = { path };
    options.schedule.speed = speed;
    ReplayEngine engine(options, std::make_unique<DiscardReplayOutput>());
    ReplayEngine::Summary summary;
    QEventLoop loop;
    QObject::connect(&engine, &ReplayEngine::finished, &loop, [&](const ReplayEngine::Summary& done) {
        summary = done;
        loop.quit();
    });
    engine.start();
    if (summary.replayId.isEmpty())
        loop.exec();
    if (summary.totalSent() != 10'000) {
        *error = u"the timing replay sent %1 of 10000 records"_s.arg(summary.totalSent());
        return false;
    }
    const double expected = 9999.0 / speed;
    *relativeError = (double(summary.elapsedMs) - expected) / expected;
    *latestMs = summary.maxLagMs;
    return true;
}

bool ReplayBenchmark::checkCount(QString* error)
{
    bool ok = false;
    const QString answer = m_server->run(u"SELECT count() FROM %1.traces"_s.arg(m_server->database()), &ok);
    if (ok && answer == QString::number(m_events))
        return true;
    *error = u"expected %1 rows, found: %2"_s.arg(m_events).arg(answer);
    return false;
}

bool ReplayBenchmark::run(Result* result, QString* error)
{
    if (!m_server->hasClient()) {
        *error = u"clickhouse-client is the reference and is missing: run packaging/install-deps.sh"_s;
        return false;
    }
    QTemporaryDir folder;
    // BENCH_KEEP=1 leaves the capture behind for profiling a replay of it by hand.
    if (qEnvironmentVariableIsSet("BENCH_KEEP")) {
        folder.setAutoRemove(false);
        qInfo("capture and rows kept in %s", qPrintable(folder.path()));
    }
    const QString capture = folder.filePath(u"events.jsonl"_s);
    const QString rows = folder.filePath(u"rows.jsonl"_s);
    result->events = m_events;
    if (!writeInputs(capture, rows, &result->captureBytes, error))
        return false;
    const QStringList methods { u"clickhouse-client"_s, u"replay"_s };
    for (int round = 0; round < m_rounds; ++round) {
        for (qsizetype step = 0; step < methods.size(); ++step) {
            const QString& method = methods.at(BenchSamples::roundOrder(round, step, methods.size()));
            bool ok = false;
            const QString truncated = m_server->run(u"TRUNCATE TABLE %1.traces"_s.arg(m_server->database()), &ok);
            if (!ok) {
                *error = truncated;
                return false;
            }
            double seconds = 0;
            if (method == u"replay"_s)
                ok = replayRun(capture, folder.filePath(u"data"_s), result, &seconds, error);
            else
                ok = m_server->runClient(
                    u"INSERT INTO %1.traces FORMAT JSONEachRow"_s.arg(m_server->database()), rows, &seconds, error);
            if (!ok || !checkCount(error))
                return false;
            (method == u"replay"_s ? result->replayRowsPerSecond : result->clientRowsPerSecond)
                .append(double(m_events) / seconds);
        }
    }
    return timing(folder.path(), 1.0, &result->timingError1x, &result->timingLatest1xMs, error)
        && timing(folder.path(), 10.0, &result->timingError10x, &result->timingLatest10xMs, error);
}
