#include "clickhousereplayoutput.h"

using namespace Qt::StringLiterals;

ClickHouseReplayOutput::ClickHouseReplayOutput(ClickHouseBackendConfig config)
    : m_exporter(std::move(config))
{ }

qint64 ClickHouseReplayOutput::outstanding() const
{
    const auto s = m_exporter.statistics();
    return s.rowsTracked - s.rowsDelivered - s.rowsLost - s.spooledRows;
}

ReplayOutput::Statistics ClickHouseReplayOutput::statistics() const
{
    const auto s = m_exporter.statistics();
    return { s.rowsDelivered, s.rowsLost, s.spooledRows, s.lastError };
}

QString ClickHouseReplayOutput::description() const
{
    const ClickHouseEndpoint& endpoint = m_exporter.config().endpoint;
    return u"ClickHouse %1 (database %2)"_s.arg(endpoint.displayString(), endpoint.database);
}
