#include "replayverifier.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "common/eventloopwait.h"

#include <QDeadlineTimer>
#include <QHash>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype listedKeys = 20;

QString attribute(ClickHouseRowMapper::Dialect dialect, const char* key)
{
    return dialect == ClickHouseRowMapper::Dialect::Modern
        ? u"attributes['%1']"_s.arg(QLatin1StringView(key))
        : u"attributes.value[indexOf(attributes.key, '%1')]"_s.arg(QLatin1StringView(key));
}
} // namespace

bool ReplayVerifier::Result::exactlyOnce() const
{
    if (!error.isEmpty())
        return false;
    for (const SignalResult& r : signalResults) {
        if (r.missing != 0 || r.duplicated != 0 || r.unexpected != 0)
            return false;
    }
    return true;
}

ReplayVerifier::ReplayVerifier(ClickHouseEndpoint endpoint, ClickHouseRowMapper::Dialect dialect)
    : m_endpoint(std::move(endpoint))
    , m_dialect(dialect)
{ }

ReplayVerifier::Result ReplayVerifier::verify(const QByteArray& replayId, const qint64 (&expected)[3], int timeoutMs)
{
    static const char* const tables[] = { "traces", "metrics", "logs" };
    const QDeadlineTimer deadline(timeoutMs);
    Result result;
    for (;;) {
        result = {};
        bool complete = true;
        for (int signal = 0; signal < 3; ++signal) {
            SignalResult part;
            if (!check(replayId, tables[signal], expected[signal], &part, &result.error))
                return result;
            complete = complete && part.missing == 0;
            result.signalResults.append(part);
        }
        if (complete || deadline.hasExpired())
            return result;
        // Some may still be on their way out of a spool: ask again in a second.
        runEventLoopUntil(1000, [] { return false; });
    }
}

bool ReplayVerifier::check(
    const QByteArray& replayId, const char* table, qint64 expected, SignalResult* result, QString* error)
{
    result->table = QLatin1StringView(table);
    result->expected = expected;
    const QString id = QString::fromUtf8(replayId).replace(u"'"_s, u"\\'"_s);
    const QString sql = u"SELECT %1 AS seq, count() FROM %2.%3 WHERE %4 = '%5' GROUP BY seq FORMAT TSV"_s.arg(
        attribute(m_dialect, "workbench.replay.seq"), m_endpoint.database, QLatin1StringView(table),
        attribute(m_dialect, "workbench.replay.id"), id);
    ClickHouseClient client(m_endpoint);
    std::unique_ptr<ClickHouseReply> reply(client.query(sql));
    runEventLoopUntil(client.timeoutMs() + 5000, [&] { return reply->isFinished(); });
    if (!reply->isOk()) {
        *error = u"verifying %1: %2"_s.arg(
            QLatin1StringView(table), reply->isFinished() ? reply->error().toString() : u"no answer"_s);
        return false;
    }
    QHash<qint64, qint64> counts;
    for (const QByteArray& line : reply->body().split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        bool numberOk = false;
        const qint64 sequence = line.left(tab).toLongLong(&numberOk);
        const qint64 count = line.mid(tab + 1).toLongLong();
        if (!numberOk || sequence < 0 || sequence >= expected) {
            result->unexpected += count;
            continue;
        }
        counts.insert(sequence, count);
    }
    result->found = counts.size();
    for (qint64 sequence = 0; sequence < expected; ++sequence) {
        const qint64 count = counts.value(sequence, 0);
        if (count == 0) {
            if (result->missingKeys.size() < listedKeys)
                result->missingKeys.append(sequence);
            ++result->missing;
        } else if (count > 1) {
            if (result->duplicatedKeys.size() < listedKeys)
                result->duplicatedKeys.append(sequence);
            ++result->duplicated;
        }
    }
    return true;
}
