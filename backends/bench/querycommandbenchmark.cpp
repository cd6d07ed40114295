#include "querycommandbenchmark.h"

#include "measuredprocess.h"

#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

QueryCommandBenchmark::QueryCommandBenchmark(BenchServer* server, QString program, qint64 rows, int rounds)
    : m_server(server)
    , m_program(std::move(program))
    , m_rows(rows)
    , m_rounds(rounds)
{ }

QString QueryCommandBenchmark::sql(qint64 rows)
{
    return u"SELECT number, toString(number) AS text, number * 2 AS twice FROM numbers(%1)"_s.arg(rows);
}

bool QueryCommandBenchmark::run(Result* result, QString* error)
{
    result->rows = m_rows;
    for (int round = 0; round < m_rounds; ++round) {
        for (qsizetype step = 0; step < 2; ++step) {
            double seconds = 0;
            double peak = 0;
            if (BenchSamples::roundOrder(round, step, 2) == 0) {
                if (!curlOnce(&seconds, error))
                    return false;
                result->curlSeconds.append(seconds);
            } else {
                if (!commandOnce(m_rows, &seconds, &peak, error))
                    return false;
                result->commandSeconds.append(seconds);
                result->commandPeakMiB.append(peak);
            }
        }
    }
    double seconds = 0;
    result->scaledRows = m_rows * scale;
    return commandOnce(result->scaledRows, &seconds, &result->scaledPeakMiB, error);
}

bool QueryCommandBenchmark::commandOnce(qint64 rows, double* seconds, double* peakMiB, QString* error)
{
    const ClickHouseEndpoint endpoint = m_server->endpoint();
    QTemporaryDir noManagedServer; // --endpoint decides; an empty data folder makes sure of it
    MeasuredProcess::Result run;
    if (!MeasuredProcess::run(m_program,
            { u"query"_s, sql(rows), u"--format"_s, u"csv"_s, u"--endpoint"_s, endpoint.url.toString(), u"--user"_s,
                endpoint.user, u"--database"_s, m_server->database(), u"--data-dir"_s, noManagedServer.path() },
            { { u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, endpoint.password } }, u"/dev/null"_s, &run, error))
        return false;
    // "1,000,000 rows in 0.52 s (...)": the command's own count, to know every row went out.
    const QByteArray expected = QLocale(QLocale::English).toString(rows).toUtf8() + " rows in ";
    if (run.exitCode != 0 || !run.standardError.contains(expected)) {
        *error = u"query exited %1 without writing %2 rows: %3"_s.arg(run.exitCode)
                     .arg(rows)
                     .arg(QString::fromUtf8(run.standardError));
        return false;
    }
    *seconds = run.seconds;
    *peakMiB = double(run.peakRssKib) / 1024.0;
    return true;
}

bool QueryCommandBenchmark::curlOnce(double* seconds, QString* error)
{
    const ClickHouseEndpoint endpoint = m_server->endpoint();
    QTemporaryDir folder;
    const QString config = folder.filePath(u"curl.conf"_s); // the password not on a command line
    {
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(u"user = \"%1:%2\"\n"_s.arg(endpoint.user, endpoint.password).toUtf8()) < 0) {
            *error = u"cannot write %1: %2"_s.arg(config, file.errorString());
            return false;
        }
    }
    QUrl url = endpoint.url;
    url.setPath(u"/"_s);
    url.setQuery(QUrlQuery { { u"default_format"_s, u"CSVWithNames"_s }, { u"database"_s, m_server->database() } });
    MeasuredProcess::Result run;
    if (!MeasuredProcess::run(u"curl"_s,
            { u"-sS"_s, u"--fail"_s, u"-K"_s, config, u"--data-binary"_s, sql(m_rows),
                url.toString(QUrl::FullyEncoded) },
            {}, u"/dev/null"_s, &run, error))
        return false;
    if (run.exitCode != 0) {
        *error = u"curl exited %1: %2 (install it: sudo apt-get install curl)"_s.arg(run.exitCode)
                     .arg(QString::fromUtf8(run.standardError));
        return false;
    }
    *seconds = run.seconds;
    return true;
}
