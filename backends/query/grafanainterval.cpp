#include "grafanainterval.h"

#include <array>
#include <utility>

namespace GrafanaInterval {

qint64 round(qint64 intervalMs)
{
    // Grafana's roundInterval: below each bound, that step (milliseconds).
    static constexpr std::array<std::pair<qint64, qint64>, 30> steps { {
        { 10, 1 },
        { 15, 10 },
        { 35, 20 },
        { 75, 50 },
        { 150, 100 },
        { 350, 200 },
        { 750, 500 },
        { 1500, 1000 },
        { 3500, 2000 },
        { 7500, 5000 },
        { 12500, 10000 },
        { 17500, 15000 },
        { 25000, 20000 },
        { 45000, 30000 },
        { 90000, 60000 },
        { 210000, 120000 },
        { 450000, 300000 },
        { 750000, 600000 },
        { 1050000, 900000 },
        { 1500000, 1200000 },
        { 2700000, 1800000 },
        { 5400000, 3600000 },
        { 9000000, 7200000 },
        { 16200000, 10800000 },
        { 32400000, 21600000 },
        { 86400000, 43200000 },
        { 604800000, 86400000 },
        { 1814400000, 604800000 },
        { 3628800000, 2592000000 },
        { 0, 0 },
    } };
    for (const auto& [below, step] : steps) {
        if (below == 0)
            break;
        if (intervalMs < below)
            return step;
    }
    return 31536000000; // a year
}

qint64 forRange(qint64 fromMs, qint64 toMs, int maxDataPoints, qint64 minimumMs)
{
    const qint64 range = qMax<qint64>(0, toMs - fromMs);
    const qint64 raw = range / qMax(1, maxDataPoints);
    return qMax(minimumMs, round(raw));
}

} // namespace GrafanaInterval
