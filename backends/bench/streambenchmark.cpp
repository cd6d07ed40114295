#include "streambenchmark.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseresultstream.h"
#include "curlfetch.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>

#include <unistd.h>

using namespace Qt::StringLiterals;

StreamBenchmark::StreamBenchmark(BenchServer* server, qint64 rows, int rounds)
    : m_server(server)
    , m_rows(rows)
    , m_rounds(rounds)
{ }

qint64 StreamBenchmark::residentKb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * (::sysconf(_SC_PAGESIZE) / 1024) : 0;
}

QString StreamBenchmark::sql() const
{
    return u"SELECT number, toString(number) AS text, number * 2 AS twice FROM numbers(%1)"_s.arg(m_rows);
}

bool StreamBenchmark::run(Result* result, QString* error)
{
    using Step = bool (StreamBenchmark::*)(Result*, QString*);
    const Step steps[] = { &StreamBenchmark::curlOnce, &StreamBenchmark::streamOnce, &StreamBenchmark::bufferedOnce };
    constexpr qsizetype count = sizeof(steps) / sizeof(steps[0]);
    for (int round = 0; round < m_rounds; ++round) {
        for (qsizetype step = 0; step < count; ++step) {
            if (!(this->*steps[BenchSamples::roundOrder(round, step, count)])(result, error))
                return false;
        }
    }
    return true;
}

bool StreamBenchmark::curlOnce(Result* result, QString* error)
{
    // What the client sends with a stream (StreamBenchmark's client knows this server).
    QList<QPair<QString, QString>> parameters { { u"default_format"_s, u"JSONCompact"_s } };
    if (m_server->info().knowsSetting(u"output_format_json_quote_64bit_integers"_s))
        parameters.append({ u"output_format_json_quote_64bit_integers"_s, u"1"_s });
    CurlFetch::Result fetched;
    if (!CurlFetch::run(m_server->endpoint(), sql(), parameters, &fetched, error))
        return false;
    result->curlSeconds.append(fetched.seconds);
    return true;
}

bool StreamBenchmark::streamOnce(Result* result, QString* error)
{
    ClickHouseClient client(m_server->endpoint());
    client.setServerInfo(m_server->info());
    client.setTimeoutMs(600000);
    const qint64 baseline = residentKb();
    qint64 peak = baseline;
    qint64 rows = 0;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<ClickHouseResultStream> stream(client.stream(sql()));
    QObject::connect(stream.get(), &ClickHouseResultStream::rowsReady, stream.get(), [&](const ResultRows& block) {
        rows += block.rowCount(); // a consumer that keeps nothing: the client's own footprint shows
        peak = qMax(peak, residentKb());
    });
    QEventLoop loop;
    QObject::connect(stream.get(), &ClickHouseResultStream::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (stream->error().isError() || rows != m_rows) {
        *error = u"streaming gave %1 of %2 rows: %3"_s.arg(rows).arg(m_rows).arg(stream->error().toString());
        return false;
    }
    result->streamSeconds.append(seconds);
    result->rows = rows;
    result->answerBytes = stream->statistics().bytesReceived;
    result->streamPeakExtraKb = qMax(result->streamPeakExtraKb, peak - baseline);
    return true;
}

bool StreamBenchmark::bufferedOnce(Result* result, QString* error)
{
    // The same answer read whole, as a naive client would.
    ClickHouseClient client(m_server->endpoint());
    client.setServerInfo(m_server->info());
    client.setTimeoutMs(600000);
    const qint64 baseline = residentKb();
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<ClickHouseReply> reply(client.query(sql() + u" FORMAT JSONCompact"_s));
    QEventLoop loop;
    QObject::connect(reply.get(), &ClickHouseReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 extra = residentKb() - baseline;
    if (!reply->isOk()) {
        *error = reply->error().toString();
        return false;
    }
    result->bufferedSeconds.append(seconds);
    result->bufferedPeakExtraKb = qMax(result->bufferedPeakExtraKb, extra);
    return true;
}
