#include "telemetrytablesprobe.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhousetsv.h"
#include "clickhouseprobe.h"

#include <utility>

using namespace Qt::StringLiterals;

TelemetryTablesProbe::TelemetryTablesProbe(QObject* parent)
    : QObject(parent)
{ }

TelemetryTablesProbe::~TelemetryTablesProbe()
{
    delete m_inFlight;
}

void TelemetryTablesProbe::follow(ClickHouseProbe* probe, int minimumIntervalMs)
{
    m_probe = probe;
    m_minimumIntervalMs = minimumIntervalMs;
    connect(probe, &ClickHouseProbe::sampled, this, [this](const ClickHouseProbeSample& sample) {
        if (sample.reachable && (!m_sinceLast.isValid() || m_sinceLast.elapsed() >= m_minimumIntervalMs))
            refresh();
    });
    connect(probe, &ClickHouseProbe::reachabilityChanged, this, [this](bool reachable) {
        if (reachable)
            refresh(); // a new or restarted server: look at once
    });
}

void TelemetryTablesProbe::refresh()
{
    if (m_inFlight) {
        m_refreshAgain = true;
        return;
    }
    if (!m_probe || !m_probe->hasEndpoint())
        return;
    ClickHouseEndpoint endpoint = m_probe->endpoint();
    endpoint.database.clear(); // the database may not exist
    if (!m_client || !(m_client->endpoint() == endpoint))
        m_client = std::make_unique<ClickHouseClient>(endpoint);
    m_sinceLast.start();
    m_inFlight = m_client->query(
        u"SELECT table, sum(rows), sum(bytes_on_disk) FROM system.parts WHERE active AND database = %1 "
        "GROUP BY table ORDER BY sum(rows) DESC FORMAT TabSeparated"_s.arg(ClickHouseClient::quoteString(m_database)));
    connect(m_inFlight, &ClickHouseReply::finished, this, [this, reply = m_inFlight] { onFinished(reply); });
}

void TelemetryTablesProbe::onFinished(ClickHouseReply* reply)
{
    reply->deleteLater();
    if (reply != m_inFlight)
        return;
    m_inFlight = nullptr;
    if (std::exchange(m_refreshAgain, false))
        return refresh(); // this answer may predate what the caller changed: the next one counts
    m_hasSample = true;
    if (!reply->isOk()) {
        m_error = reply->error().toString();
        m_tables.clear();
        Q_EMIT updated();
        return;
    }
    m_error.clear();
    m_tables.clear();
    for (const QStringList& fields : ClickHouseTsv::rows(reply->text())) {
        if (fields.size() == 3)
            m_tables.append({ fields.at(0), fields.at(1).toLongLong(), fields.at(2).toLongLong() });
    }
    Q_EMIT updated();
}

qint64 TelemetryTablesProbe::signalRows() const
{
    qint64 rows = 0;
    for (const Table& table : m_tables) {
        if (table.name == u"traces"_s || table.name == u"metrics"_s || table.name == u"logs"_s)
            rows += table.rows;
    }
    return rows;
}
