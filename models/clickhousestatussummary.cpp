#include "clickhousestatussummary.h"

#include "clickhouse/localclickhouse.h"
#include "health/clickhouseprobe.h"

ClickHouseStatusSummary ClickHouseStatusSummary::summarize(const LocalClickHouse* managed, const ClickHouseProbe* probe)
{
    ClickHouseStatusSummary summary;
    if (managed) {
        switch (managed->state()) {
        case LocalClickHouse::State::Failed:
            summary.level = Level::Error;
            summary.detail = managed->errorString();
            summary.text = managed->isServerMissing()
                ? tr("ClickHouse: not installed. Install it with: sudo apt-get install clickhouse-server")
                : tr("ClickHouse: the managed server failed to start (details on the Health page)");
            return summary;
        case LocalClickHouse::State::Starting:
            summary.level = Level::Pending;
            summary.text = tr("ClickHouse: starting the managed server…");
            return summary;
        case LocalClickHouse::State::Stopping:
            summary.level = Level::Pending;
            summary.text = tr("ClickHouse: stopping the managed server…");
            return summary;
        case LocalClickHouse::State::Stopped:
            summary.level = Level::Idle;
            summary.text = tr("ClickHouse: the managed server is stopped");
            return summary;
        case LocalClickHouse::State::Running:
            break;
        }
    }
    if (!probe || !probe->hasEndpoint()) {
        summary.text = tr("ClickHouse: no server configured");
        return summary;
    }
    const QString where = probe->endpoint().url.authority();
    const QString mode = managed ? tr("managed") : tr("external");
    if (!probe->hasSample()) {
        summary.level = Level::Pending;
        summary.text = tr("ClickHouse: checking %1 (%2)…").arg(where, mode);
        return summary;
    }
    const ClickHouseProbeSample& sample = probe->lastSample();
    if (sample.reachable) {
        summary.level = Level::Ok;
        summary.text =
            tr("ClickHouse %1 reachable at %2 (%3), %4 ms").arg(sample.version, where, mode).arg(sample.latencyMs);
        summary.detail = tr("Connected as %1").arg(probe->endpoint().displayString());
    } else {
        summary.level = Level::Error;
        summary.text = tr("ClickHouse unreachable at %1 (%2): %3").arg(where, mode, sample.error.toString());
        summary.detail = sample.error.toString();
    }
    return summary;
}
