#include "stackstateannouncer.h"

#include "clickhouse/localclickhouse.h"
#include "collector/localcollector.h"
#include "health/clickhouseprobe.h"

using Level = ClickHouseStatusSummary::Level;

StackStateAnnouncer::StackStateAnnouncer(QObject* parent)
    : QObject(parent)
{ }

void StackStateAnnouncer::watchClickHouse(LocalClickHouse* managed, ClickHouseProbe* probe)
{
    m_managed = managed;
    m_probe = probe;
    if (managed)
        connect(managed, &LocalClickHouse::stateChanged, this, &StackStateAnnouncer::clickHouseChanged);
    if (probe)
        connect(probe, &ClickHouseProbe::sampled, this, &StackStateAnnouncer::clickHouseChanged);
    clickHouseChanged();
}

void StackStateAnnouncer::watchCollector(const LocalCollector* collector)
{
    connect(collector, &LocalCollector::statusChanged, this, &StackStateAnnouncer::collectorChanged);
}

void StackStateAnnouncer::clickHouseChanged()
{
    const ClickHouseStatusSummary summary = ClickHouseStatusSummary::summarize(m_managed, m_probe);
    if (summary.level == Level::Pending)
        return; // on the way somewhere: the arrival is what counts
    const bool first = !m_clickHouseKnown;
    if (first && summary.level == Level::Idle)
        return; // not started yet: what it becomes is the first state
    if (!first && summary.level == m_clickHouseLevel)
        return;
    m_clickHouseKnown = true;
    m_clickHouseLevel = summary.level;
    if (first && summary.level != Level::Error)
        return;
    Q_EMIT announced(summary.text, summary.level == Level::Error);
}

void StackStateAnnouncer::collectorChanged(const CollectorStatus& status)
{
    if (m_collectorKnown && status.state == m_collectorState)
        return;
    const bool first = !m_collectorKnown;
    m_collectorKnown = true;
    m_collectorState = status.state;
    switch (status.state) {
    case CollectorStatus::State::Running:
        if (!first)
            Q_EMIT announced(tr("The collector receives again at %1").arg(status.otlpUrl.toString()), false);
        break;
    case CollectorStatus::State::Failed:
        Q_EMIT announced(tr("The collector could not start: %1").arg(status.error), true);
        break;
    case CollectorStatus::State::Stopped:
        if (!first)
            Q_EMIT announced(tr("The collector stopped"), false);
        break;
    }
}
