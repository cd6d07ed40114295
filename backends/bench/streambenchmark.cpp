#include "streambenchmark.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseresultstream.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>

#include <unistd.h>

using namespace Qt::StringLiterals;

StreamBenchmark::StreamBenchmark(BenchServer* server, qint64 rows)
    : m_server(server)
    , m_rows(rows)
{ }

qint64 StreamBenchmark::residentKb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * (::sysconf(_SC_PAGESIZE) / 1024) : 0;
}

bool StreamBenchmark::run(Result* result, QString* error)
{
    const QString sql = u"SELECT number, toString(number) AS text, number * 2 AS twice FROM numbers(%1)"_s.arg(m_rows);
    ClickHouseClient client(m_server->endpoint());
    client.setServerInfo(m_server->info());
    client.setTimeoutMs(600000);

    const qint64 baseline = residentKb();
    qint64 peak = baseline;
    qint64 rows = 0;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<ClickHouseResultStream> stream(client.stream(sql));
    QObject::connect(stream.get(), &ClickHouseResultStream::rowsReady, stream.get(), [&](const ResultRows& block) {
        rows += block.rowCount(); // a consumer that keeps nothing: the client's own footprint shows
        peak = qMax(peak, residentKb());
    });
    QEventLoop loop;
    QObject::connect(stream.get(), &ClickHouseResultStream::finished, &loop, &QEventLoop::quit);
    loop.exec();
    result->streamSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (stream->error().isError() || rows != m_rows) {
        *error = u"streaming gave %1 of %2 rows: %3"_s.arg(rows).arg(m_rows).arg(stream->error().toString());
        return false;
    }
    result->rows = rows;
    result->answerBytes = stream->statistics().bytesReceived;
    result->streamPeakExtraKb = peak - baseline;
    stream.reset();

    // The same answer read whole, as a naive client would.
    const qint64 bufferedBaseline = residentKb();
    timer.restart();
    std::unique_ptr<ClickHouseReply> reply(client.query(sql + u" FORMAT JSONCompact"_s));
    QEventLoop bufferedLoop;
    QObject::connect(reply.get(), &ClickHouseReply::finished, &bufferedLoop, &QEventLoop::quit);
    bufferedLoop.exec();
    result->bufferedSeconds = double(timer.nsecsElapsed()) / 1e9;
    result->bufferedPeakExtraKb = residentKb() - bufferedBaseline;
    if (!reply->isOk()) {
        *error = reply->error().toString();
        return false;
    }
    return true;
}
