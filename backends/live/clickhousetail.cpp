#include "clickhousetail.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "recordfingerprint.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {
const char* const tables[3] = { "traces", "metrics", "logs" };
/// A row's time in nanoseconds; rows of writers that leave timestamp_ns at 0 fall back to the second.
const QString startNs = u"if(timestamp_ns = 0, toUInt64(timestamp) * 1000000000, timestamp_ns)"_s;
/// The newest time a look may move on to: a row stamped far ahead by a wrong clock must not make
/// every later row look old.
constexpr quint64 aheadAllowedNs = 60ull * 1'000'000'000ull;

quint64 nowNs()
{
    return quint64(QDateTime::currentMSecsSinceEpoch()) * 1'000'000ull;
}
} // namespace

ClickHouseTail::ClickHouseTail(QObject* parent)
    : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &ClickHouseTail::lookNow);
    connect(&m_reading, &QFutureWatcherBase::finished, this, &ClickHouseTail::onRead);
}

ClickHouseTail::~ClickHouseTail()
{
    dropReplies();
    m_reading.waitForFinished();
}

void ClickHouseTail::setServer(const ClickHouseEndpoint& endpoint)
{
    dropReplies();
    m_endpoint = endpoint;
    m_client = std::make_unique<ClickHouseClient>(endpoint);
    const quint64 now = nowNs();
    for (quint64& from : m_fromNs)
        from = now;
}

void ClickHouseTail::start(int intervalMs)
{
    const quint64 now = nowNs();
    for (quint64& from : m_fromNs)
        from = qMax(from, now);
    m_timer.start(qMax(100, intervalMs));
}

void ClickHouseTail::stop()
{
    m_timer.stop();
}

QString ClickHouseTail::sqlFor(int table) const
{
    QString name = QLatin1StringView(tables[table]);
    if (!m_endpoint.database.isEmpty())
        name = ClickHouseClient::quoteIdentifier(m_endpoint.database) + u'.' + name;
    // The second's filter lets the server skip older partitions; the nanoseconds decide.
    return u"SELECT * FROM %1 WHERE timestamp >= toDateTime(%2) AND %3 >= %4 ORDER BY %3 LIMIT %5"_s.arg(name)
        .arg(m_fromNs[table] / 1'000'000'000ull)
        .arg(startNs)
        .arg(m_fromNs[table])
        .arg(rowsPerLook);
}

void ClickHouseTail::lookNow()
{
    if (!m_client || m_reading.isRunning())
        return;
    for (const QPointer<ClickHouseReply>& reply : m_replies) {
        if (reply)
            return; // the last look is still under way: a slow server is not asked twice
    }
    const ClickHouseClient::Settings settings { { u"default_format"_s, u"JSONEachRow"_s } };
    for (int table = 0; table < 3; ++table) {
        m_replies[table] = m_client->query(sqlFor(table), settings);
        connect(m_replies[table], &ClickHouseReply::finished, this, &ClickHouseTail::onAnswer);
    }
}

void ClickHouseTail::onAnswer()
{
    for (const QPointer<ClickHouseReply>& reply : m_replies) {
        if (!reply || !reply->isFinished())
            return;
    }
    std::unique_ptr<ClickHouseReply> answers[3] = { std::unique_ptr<ClickHouseReply>(m_replies[0].data()),
        std::unique_ptr<ClickHouseReply>(m_replies[1].data()), std::unique_ptr<ClickHouseReply>(m_replies[2].data()) };
    for (QPointer<ClickHouseReply>& reply : m_replies)
        reply = nullptr;
    ++m_looks;
    for (int table = 0; table < 3; ++table) {
        if (!answers[table]->isOk()) {
            m_lastError = u"%1: %2"_s.arg(QLatin1StringView(tables[table]), answers[table]->error().toString());
            Q_EMIT looked();
            return;
        }
    }
    m_lastError.clear();
    // Reading a few thousand rows takes longer than a frame: a pool thread reads them.
    m_reading.setFuture(
        QtConcurrent::run(&TableRows::read, answers[0]->body(), answers[1]->body(), answers[2]->body()));
}

void ClickHouseTail::onRead()
{
    if (m_reading.future().resultCount() == 0)
        return;
    const TableRows rows = m_reading.result();
    const quint64 limit = nowNs() + aheadAllowedNs;
    for (int table = 0; table < 3; ++table) {
        if (rows.newestNs[table] != 0)
            m_fromNs[table] = qMax(m_fromNs[table], qMin(rows.newestNs[table], limit));
    }
    if (rows.unreadable > 0)
        m_lastError = tr("%1 rows could not be read (%2)").arg(rows.unreadable).arg(rows.firstProblem);
    // Rows at the newest time are asked for again by the next look: the fingerprints keep them
    // from being shown twice, as they do for what the receiver already showed.
    auto fresh = [this](const auto& records, const QList<quint64>& prints) {
        std::remove_cvref_t<decltype(records)> out;
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (m_seen.contains(prints.at(i)))
                continue;
            remember(prints.at(i));
            out.append(records.at(i));
        }
        return out;
    };
    const QList<SpanRecord> spans = fresh(rows.spans, rows.spanPrints);
    const QList<MetricPoint> metrics = fresh(rows.metrics, rows.metricPrints);
    const QList<LogRecord> logs = fresh(rows.logs, rows.logPrints);
    if (!spans.isEmpty())
        Q_EMIT spansRead(spans);
    if (!metrics.isEmpty())
        Q_EMIT metricsRead(metrics);
    if (!logs.isEmpty())
        Q_EMIT logsRead(logs);
    Q_EMIT looked();
}

void ClickHouseTail::remember(quint64 fingerprint)
{
    if (m_seen.contains(fingerprint))
        return;
    m_seen.insert(fingerprint);
    m_seenOrder.push_back(fingerprint);
    if (qsizetype(m_seenOrder.size()) > rememberedRecords) {
        m_seen.remove(m_seenOrder.front());
        m_seenOrder.pop_front();
    }
}

void ClickHouseTail::noteSpans(const QList<SpanRecord>& spans)
{
    for (const SpanRecord& span : spans)
        remember(RecordFingerprint::of(span));
}

void ClickHouseTail::noteMetrics(const QList<MetricPoint>& points)
{
    for (const MetricPoint& point : points)
        remember(RecordFingerprint::of(point));
}

void ClickHouseTail::noteLogs(const QList<LogRecord>& logs)
{
    for (const LogRecord& log : logs)
        remember(RecordFingerprint::of(log));
}

void ClickHouseTail::dropReplies()
{
    for (QPointer<ClickHouseReply>& reply : m_replies) {
        if (reply) {
            reply->disconnect(this);
            reply->cancel(); // stops the query on the server too
            reply->deleteLater();
        }
        reply = nullptr;
    }
}
