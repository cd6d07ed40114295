#include "clickhousetail.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "recordfingerprint.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
const char* const tables[3] = { "traces", "metrics", "logs" };
constexpr quint64 nanosPerSecond = 1'000'000'000ull;

quint32 nowSecond()
{
    return quint32(QDateTime::currentSecsSinceEpoch());
}

quint32 secondOf(quint64 timeNs)
{
    return quint32(qMin<quint64>(timeNs / nanosPerSecond, std::numeric_limits<quint32>::max()));
}

/// The rows of a count answer: "second<TAB>rows" lines.
QList<TailSeconds::Count> countsOf(const QByteArray& answer)
{
    QList<TailSeconds::Count> counts;
    for (const QByteArray& line : answer.split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        bool secondOk = false;
        bool rowsOk = false;
        const quint32 second = line.first(qMax<qsizetype>(tab, 0)).toUInt(&secondOk);
        const quint64 rows = line.sliced(tab + 1).toULongLong(&rowsOk);
        if (tab > 0 && secondOk && rowsOk)
            counts.append({ second, rows });
    }
    return counts;
}
} // namespace

ClickHouseTail::ClickHouseTail(QObject* parent)
    : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &ClickHouseTail::lookNow);
    connect(&m_parsing, &QFutureWatcherBase::finished, this, &ClickHouseTail::onParsed);
}

ClickHouseTail::~ClickHouseTail()
{
    dropReplies();
    ClickHouseClient::retire(std::move(m_client)); // lets the kills reach the server
    m_parsing.waitForFinished();
}

void ClickHouseTail::setServer(const ClickHouseEndpoint& endpoint)
{
    restart();
    ClickHouseClient::retire(std::move(m_client));
    m_endpoint = endpoint;
    m_client = std::make_unique<ClickHouseClient>(endpoint);
}

void ClickHouseTail::restart()
{
    dropReplies();
    ++m_generation; // a read under way belongs to what is forgotten
    m_phase = Phase::Idle;
    for (QList<TailSeconds::Count>& reading : m_reading)
        reading.clear();
    m_startSecond = nowSecond() + 1;
    for (TailSeconds& seconds : m_seconds)
        seconds = TailSeconds();
}

void ClickHouseTail::start(int intervalMs)
{
    if (!isRunning())
        restart();
    m_timer.start(qMax(100, intervalMs));
}

void ClickHouseTail::stop()
{
    m_timer.stop();
}

qint64 ClickHouseTail::rowsNotShown() const
{
    quint64 rows = 0;
    for (const TailSeconds& seconds : m_seconds)
        rows += seconds.notShown();
    return qint64(rows);
}

QString ClickHouseTail::tableName(int table) const
{
    const QString name = QLatin1StringView(tables[table]);
    return m_endpoint.database.isEmpty() ? name : ClickHouseClient::quoteIdentifier(m_endpoint.database) + u'.' + name;
}

QString ClickHouseTail::countSql(int table) const
{
    // Not beyond aheadSeconds: rows a wrong clock stamped far ahead would stay remembered until
    // their time came.
    return u"SELECT toUInt32(timestamp) AS second, count() FROM %1 WHERE timestamp >= toDateTime(%2) AND timestamp "
           u"<= toDateTime(%3) GROUP BY second ORDER BY second"_s.arg(tableName(table))
               .arg(m_seconds[table].firstWatched())
               .arg(nowSecond() + aheadSeconds);
}

QString ClickHouseTail::readSql(int table) const
{
    const QList<TailSeconds::Count>& reading = m_reading[table];
    QStringList seconds;
    for (const TailSeconds::Count& count : reading)
        seconds.append(QString::number(count.first));
    // The range lets the server skip what the table's order and partitions rule out; the list
    // decides. In time order, so that rows beyond the limit (written since the count) are of the
    // newest second, which is then read again.
    return u"SELECT *, toUInt32(timestamp) AS %1 FROM %2 WHERE timestamp >= toDateTime(%3) AND timestamp <= "
           u"toDateTime(%4) AND toUInt32(timestamp) IN (%5) ORDER BY %1 LIMIT %6"_s
               .arg(QLatin1StringView(TableRows::secondColumn), tableName(table))
               .arg(reading.first().first)
               .arg(reading.last().first)
               .arg(seconds.join(u','))
               .arg(rowsPerLook);
}

void ClickHouseTail::lookNow()
{
    if (!m_client || m_phase != Phase::Idle || m_parsing.isRunning())
        return; // the last look is still under way: a slow server is not asked twice
    const quint32 now = nowSecond();
    const quint32 oldest = qMax(m_startSecond, now > quint32(watchedSeconds) ? now - watchedSeconds : 0u);
    m_errors.clear();
    m_phase = Phase::Counting;
    const ClickHouseClient::Settings settings { { u"default_format"_s, u"TabSeparated"_s } };
    for (int table = 0; table < tableCount; ++table) {
        m_seconds[table].forgetBefore(oldest);
        m_replies[table] = m_client->query(countSql(table), settings);
        connect(m_replies[table], &ClickHouseReply::finished, this, &ClickHouseTail::onCounted);
    }
}

bool ClickHouseTail::allAnswered() const
{
    for (const QPointer<ClickHouseReply>& reply : m_replies) {
        if (reply && !reply->isFinished())
            return false;
    }
    return true;
}

void ClickHouseTail::failTable(int table, const QString& error)
{
    m_errors.append(u"%1: %2"_s.arg(QLatin1StringView(tables[table]), error));
    m_reading[table].clear();
}

void ClickHouseTail::onCounted()
{
    if (!allAnswered())
        return;
    bool anyToRead = false;
    for (int table = 0; table < tableCount; ++table) {
        const QPointer<ClickHouseReply> reply = std::exchange(m_replies[table], nullptr);
        reply->deleteLater(); // not here: this may be the reply whose signal is running
        m_reading[table].clear();
        if (!reply->isOk()) {
            failTable(table, reply->error().toString()); // the other tables are still read
            continue;
        }
        // The oldest changed seconds first, as many as rowsPerLook holds (at least one).
        quint64 rows = 0;
        for (const TailSeconds::Count& count : m_seconds[table].changed(countsOf(reply->body()))) {
            if (!m_reading[table].isEmpty() && rows + count.second > quint64(rowsPerLook))
                break;
            m_reading[table].append(count);
            rows += count.second;
        }
        anyToRead = anyToRead || !m_reading[table].isEmpty();
    }
    if (!anyToRead) {
        finishLook();
        return;
    }
    m_phase = Phase::Reading;
    const ClickHouseClient::Settings settings { { u"default_format"_s, u"JSONEachRow"_s } };
    for (int table = 0; table < tableCount; ++table) {
        if (m_reading[table].isEmpty())
            continue;
        m_replies[table] = m_client->query(readSql(table), settings);
        connect(m_replies[table], &ClickHouseReply::finished, this, &ClickHouseTail::onRowsAnswered);
    }
}

void ClickHouseTail::onRowsAnswered()
{
    if (!allAnswered())
        return;
    QByteArray bodies[tableCount];
    for (int table = 0; table < tableCount; ++table) {
        const QPointer<ClickHouseReply> reply = std::exchange(m_replies[table], nullptr);
        if (!reply)
            continue;
        reply->deleteLater();
        if (reply->isOk())
            bodies[table] = reply->body();
        else
            failTable(table, reply->error().toString());
    }
    // Reading a few thousand rows takes longer than a frame: a pool thread reads them.
    m_phase = Phase::Parsing;
    m_parsingGeneration = m_generation;
    m_parsing.setFuture(QtConcurrent::run(&TableRows::read, bodies[0], bodies[1], bodies[2]));
}

void ClickHouseTail::onParsed()
{
    if (m_parsingGeneration != m_generation)
        return; // read for a server, or a start, that has been replaced since
    if (m_parsing.future().resultCount() == 0) {
        m_errors.append(tr("the rows could not be read"));
        finishLook();
        return;
    }
    const TableRows rows = m_parsing.result();
    const quint32 keepFrom = nowSecond() - 2;
    QList<qsizetype> fresh[tableCount];
    for (int table = 0; table < tableCount; ++table) {
        fresh[table] = m_seconds[table].takeNew(rows.seconds[table], rows.prints[table]);
        const QList<TailSeconds::Count>& reading = m_reading[table];
        for (const TailSeconds::Count& count : reading) {
            const quint64 read = quint64(rows.seconds[table].count(count.first));
            // A second read whole is done until its count changes; one that the limit cut is done
            // only when it held more than a read takes (the rest are counted as not shown); else
            // it is read again on the next look.
            const bool crowded = reading.size() == 1 && count.second > quint64(rowsPerLook);
            if (read >= count.second || crowded)
                m_seconds[table].setCount(count.first, count.second, crowded && read < count.second);
        }
        m_reading[table].clear();
        m_seconds[table].forgetOldestBeyond(rememberedRecords, keepFrom);
    }
    if (rows.unreadable > 0)
        m_errors.append(tr("%Ln row(s) could not be read (%1)", nullptr,
            int(std::clamp<qint64>(rows.unreadable, 0, std::numeric_limits<int>::max())))
                            .arg(rows.firstProblem));
    const auto pick = [](const auto& records, const QList<qsizetype>& indexes) {
        std::remove_cvref_t<decltype(records)> out;
        out.reserve(indexes.size());
        for (const qsizetype index : indexes)
            out.append(records.at(index));
        return out;
    };
    if (!fresh[0].isEmpty())
        Q_EMIT spansRead(pick(rows.spans, fresh[0]));
    if (!fresh[1].isEmpty())
        Q_EMIT metricsRead(pick(rows.metrics, fresh[1]));
    if (!fresh[2].isEmpty())
        Q_EMIT logsRead(pick(rows.logs, fresh[2]));
    finishLook();
}

void ClickHouseTail::finishLook()
{
    ++m_looks;
    m_lastError = m_errors.join(u"; "_s);
    m_phase = Phase::Idle;
    Q_EMIT looked();
}

template<typename Record>
void ClickHouseTail::noteRecord(int table, quint32 second, quint32 lastWatched, const Record& record)
{
    // The count does not look beyond aheadSeconds either.
    if (second >= m_startSecond && second <= lastWatched)
        m_seconds[table].note(second, RecordFingerprint::of(record));
}

void ClickHouseTail::noteSpans(const QList<SpanRecord>& spans)
{
    if (!isRunning())
        return; // fingerprints cost time on this thread: only while they can be of use
    const quint32 lastWatched = nowSecond() + aheadSeconds;
    for (const SpanRecord& span : spans)
        noteRecord(0, secondOf(span.startTimeUnixNano), lastWatched, span);
}

void ClickHouseTail::noteMetrics(const QList<MetricPoint>& points)
{
    if (!isRunning())
        return;
    const quint32 lastWatched = nowSecond() + aheadSeconds;
    for (const MetricPoint& point : points)
        noteRecord(1, secondOf(point.timeUnixNano), lastWatched, point);
}

void ClickHouseTail::noteLogs(const QList<LogRecord>& logs)
{
    if (!isRunning())
        return;
    const quint32 lastWatched = nowSecond() + aheadSeconds;
    for (const LogRecord& log : logs) {
        const quint64 time = log.timeUnixNano != 0 ? log.timeUnixNano : log.observedTimeUnixNano;
        noteRecord(2, secondOf(time), lastWatched, log);
    }
}

void ClickHouseTail::dropReplies()
{
    for (QPointer<ClickHouseReply>& reply : m_replies)
        ClickHouseReply::discard(&reply, this);
}
