#include "clickhousefiguresprobe.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhousetsv.h"
#include "clickhouseprobe.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace {
constexpr int requestTimeoutMs = 5000;

QDateTime fromUnixSeconds(const QString& text)
{
    const qint64 seconds = text.toLongLong();
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}
} // namespace

ClickHouseFiguresProbe::ClickHouseFiguresProbe(QObject* parent)
    : QObject(parent)
{ }

ClickHouseFiguresProbe::~ClickHouseFiguresProbe()
{
    delete m_inFlight;
}

void ClickHouseFiguresProbe::follow(ClickHouseProbe* probe, int minimumIntervalMs)
{
    m_probe = probe;
    m_minimumIntervalMs = minimumIntervalMs;
    connect(probe, &ClickHouseProbe::sampled, this, [this](const ClickHouseProbeSample& sample) {
        // A look still under way is let finish: on a slow server, starting over at every
        // sample would never finish one.
        if (sample.reachable && !m_inFlight && (!m_sinceLast.isValid() || m_sinceLast.elapsed() >= m_minimumIntervalMs))
            refresh();
    });
    connect(probe, &ClickHouseProbe::reachabilityChanged, this, [this](bool reachable) {
        m_insertedRows = -1; // a restarted server counts from zero again
        if (reachable)
            return refresh();
        // What is shown no longer stands: say so at once instead of waiting for a look.
        delete std::exchange(m_inFlight, nullptr);
        m_refreshAgain = false;
        finish(tr("ClickHouse does not answer."));
    });
}

QString ClickHouseFiguresProbe::loadStatement()
{
    // The look's own query is one of system.processes' rows.
    return u"SELECT uptime(), (SELECT count() FROM system.processes) - 1, "
           "(SELECT sum(value) FROM system.events WHERE event = 'InsertedRows') FORMAT TabSeparated"_s;
}

QString ClickHouseFiguresProbe::partsStatement(const QString& database)
{
    return u"SELECT table, sum(partition_rows), sum(partition_bytes), max(partition_parts) FROM ("
           "SELECT table, partition, sum(rows) AS partition_rows, sum(bytes_on_disk) AS partition_bytes, "
           "count() AS partition_parts FROM system.parts WHERE active AND database = %1 GROUP BY table, partition) "
           "GROUP BY table ORDER BY table FORMAT TabSeparated"_s.arg(ClickHouseClient::quoteString(database));
}

QString ClickHouseFiguresProbe::newestRowStatement(const QString& database, const QStringList& tables)
{
    QStringList selects;
    for (const QString& table : tables)
        selects.append(
            u"SELECT %1, toUnixTimestamp(max(timestamp)) FROM %2.%3"_s.arg(ClickHouseClient::quoteString(table),
                ClickHouseClient::quoteIdentifier(database), ClickHouseClient::quoteIdentifier(table)));
    return selects.join(u" UNION ALL "_s) + u" FORMAT TabSeparated"_s;
}

QString ClickHouseFiguresProbe::failedInsertsStatement()
{
    // type 3 and 4: ExceptionBeforeStart and ExceptionWhileProcessing (a UInt8 on 18.16, an
    // Enum8 later; toUInt8 reads both).
    return uR"(SELECT toUnixTimestamp(event_time), user, if(http_user_agent != '', http_user_agent, client_name), )"
           uR"(IPv6NumToString(address), substring(query, 1, 300), exception FROM system.query_log )"
           uR"(WHERE event_date >= yesterday() AND event_time >= now() - 86400 AND toUInt8(type) IN (3, 4) )"
           uR"(AND match(query, '^\\s*[Ii][Nn][Ss][Ee][Rr][Tt]') AND http_user_agent NOT LIKE 'automagik-workbench/%' )"
           uR"(ORDER BY event_time DESC LIMIT %1 FORMAT TabSeparated)"_s.arg(failedInsertsLimit);
}

void ClickHouseFiguresProbe::refresh()
{
    if (m_inFlight) {
        m_refreshAgain = true;
        return;
    }
    if (!m_probe || !m_probe->hasEndpoint())
        return;
    ClickHouseEndpoint endpoint = m_probe->endpoint();
    endpoint.database.clear(); // the database may not exist
    if (!m_client || !(m_client->endpoint() == endpoint)) {
        m_client = std::make_unique<ClickHouseClient>(endpoint);
        m_client->setTimeoutMs(requestTimeoutMs);
        m_insertedRows = -1;
        m_figures = {}; // another server's figures are not this one's
    }
    m_sinceLast.start();
    m_next = {};
    ask(loadStatement(), [this](ClickHouseReply* reply) { onLoad(reply); });
}

void ClickHouseFiguresProbe::ask(const QString& sql, Step then)
{
    // Looks every few seconds would fill the managed server's query log, which they read.
    ClickHouseClient::Settings settings;
    if (m_probe->followsManagedServer())
        settings.append({ u"log_queries"_s, u"0"_s });
    m_inFlight = m_client->query(sql, settings);
    connect(m_inFlight, &ClickHouseReply::finished, this, [this, reply = m_inFlight, then = std::move(then)] {
        reply->deleteLater();
        if (reply != m_inFlight)
            return;
        m_inFlight = nullptr;
        then(reply);
    });
}

void ClickHouseFiguresProbe::onLoad(ClickHouseReply* reply)
{
    if (!reply->isOk())
        return finish(reply->error().toString());
    const QList<QStringList> rows = ClickHouseTsv::rows(reply->text());
    if (rows.isEmpty() || rows.first().size() != 3)
        return finish(tr("The server's figures came in an unexpected shape: %1").arg(reply->text().left(200)));
    const QStringList& fields = rows.first();
    m_next.uptimeSeconds = fields.at(0).toLongLong();
    m_next.queriesRunning = qMax<qint64>(0, fields.at(1).toLongLong());
    const qint64 inserted = fields.at(2).toLongLong();
    if (m_insertedRows >= 0 && inserted >= m_insertedRows && m_sinceInsertedRows.elapsed() > 0)
        m_next.insertedRowsPerSecond =
            double(inserted - m_insertedRows) * 1000.0 / double(m_sinceInsertedRows.elapsed());
    m_insertedRows = inserted;
    m_sinceInsertedRows.start();
    ask(partsStatement(m_database), [this](ClickHouseReply* next) { onParts(next); });
}

void ClickHouseFiguresProbe::onParts(ClickHouseReply* reply)
{
    if (!reply->isOk())
        return finish(reply->error().toString());
    QStringList withRows;
    for (const QStringList& fields : ClickHouseTsv::rows(reply->text())) {
        if (fields.size() != 4)
            continue;
        ClickHouseFigures::Table table;
        table.name = fields.at(0);
        table.rows = fields.at(1).toLongLong();
        table.bytesOnDisk = fields.at(2).toLongLong();
        table.mostPartsInAPartition = fields.at(3).toLongLong();
        // The newest row of the tables writers fill; the rollups follow them.
        if (table.rows > 0 && (table.name == u"traces"_s || table.name == u"metrics"_s || table.name == u"logs"_s))
            withRows.append(table.name);
        m_next.tables.append(table);
    }
    if (withRows.isEmpty())
        return ask(failedInsertsStatement(), [this](ClickHouseReply* next) { onFailedInserts(next); });
    ask(newestRowStatement(m_database, withRows), [this](ClickHouseReply* next) { onNewestRows(next); });
}

void ClickHouseFiguresProbe::onNewestRows(ClickHouseReply* reply)
{
    if (reply->isOk()) {
        for (const QStringList& fields : ClickHouseTsv::rows(reply->text())) {
            for (ClickHouseFigures::Table& table : m_next.tables) {
                if (fields.size() == 2 && table.name == fields.at(0))
                    table.newestRow = fromUnixSeconds(fields.at(1));
            }
        }
    } // else: a table changed under us; the next look has them
    ask(failedInsertsStatement(), [this](ClickHouseReply* next) { onFailedInserts(next); });
}

void ClickHouseFiguresProbe::onFailedInserts(ClickHouseReply* reply)
{
    if (!reply->isOk()) {
        // The server creates its query log at the first flush, 7.5 s after the first query.
        if (reply->error().code() == 60 && m_probe->followsManagedServer()) // UNKNOWN_TABLE
            m_next.failedInsertsUnavailable = tr("The server has logged no query yet.");
        else if (reply->error().code() == 60)
            m_next.failedInsertsUnavailable =
                tr("This server keeps no query log, so failed inserts cannot be listed (enable query_log in its "
                   "configuration and log_queries in its users' profile).");
        else
            m_next.failedInsertsUnavailable = tr("Cannot read the query log: %1").arg(reply->error().toString());
        return finish();
    }
    for (const QStringList& fields : ClickHouseTsv::rows(reply->text())) {
        if (fields.size() != 6)
            continue;
        int code = 0;
        QString message;
        const QString error = ClickHouseError::parseExceptionText(fields.at(5), &code, &message)
            ? tr("%1 (code %2)").arg(message).arg(code)
            : fields.at(5).trimmed();
        m_next.failedInserts.append(
            { fromUnixSeconds(fields.at(0)), fields.at(1), fields.at(2), fields.at(3), fields.at(4), error });
    }
    finish();
}

void ClickHouseFiguresProbe::finish(const QString& error)
{
    if (!error.isEmpty()) {
        // Keep what was known, marked as not current.
        m_figures.error = error;
    } else {
        m_figures = std::exchange(m_next, {});
    }
    m_figures.takenAt = QDateTime::currentDateTimeUtc();
    Q_EMIT updated(m_figures);
    if (std::exchange(m_refreshAgain, false))
        refresh(); // asked for while this look ran: it may predate what the caller changed
}
