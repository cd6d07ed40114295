#include "clickhousereplayoutput.h"

using namespace Qt::StringLiterals;

ClickHouseReplayOutput::ClickHouseReplayOutput(ClickHouseBackendConfig config)
    : m_exporter(std::move(config))
{ }

bool ClickHouseReplayOutput::start(QString* error)
{
    if (!m_exporter.start(error))
        return false;
    m_spooledBefore = m_exporter.statistics().spooledRows;
    // The first rows go as RowBinary too when the server answers quickly; if it does not, they
    // go as JSONEachRow, which is slower but the same rows.
    m_exporter.waitUntilReady(5000);
    return true;
}

qint64 ClickHouseReplayOutput::outstanding() const
{
    const auto s = m_exporter.statistics();
    // Rows the spool had no room for wait in memory, so the replay waits for them too: a full
    // spool would otherwise take in the rest of the capture, all of it held in memory.
    return s.rowsTracked + m_spooledBefore - s.rowsDelivered - s.rowsLost - (s.spooledRows - s.heldRows);
}

ReplayOutput::Statistics ClickHouseReplayOutput::statistics() const
{
    const auto s = m_exporter.statistics();
    Statistics statistics;
    statistics.delivered = s.rowsDelivered;
    statistics.failed = s.rowsLost;
    statistics.spooled = s.spooledRows;
    statistics.requests = s.batchesDelivered;
    statistics.retries = s.retries;
    statistics.bytesRaw = s.bytesRaw;
    statistics.bytesSent = s.bytesSent;
    statistics.lastLatencyMs = s.lastLatencyMs;
    statistics.lastError = s.lastError;
    return statistics;
}

QString ClickHouseReplayOutput::description() const
{
    // English whatever the locale, as the rest of the line: it goes into the replay report's JSON.
    const ClickHouseEndpoint& endpoint = m_exporter.config().endpoint;
    const QString where = endpoint.url.adjusted(QUrl::RemoveUserInfo).toString();
    return endpoint.user.isEmpty()
        ? u"ClickHouse %1 (database %2)"_s.arg(where, endpoint.database)
        : u"ClickHouse %1 (user %2, database %3)"_s.arg(where, endpoint.user, endpoint.database);
}
