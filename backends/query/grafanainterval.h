#pragma once

#include <QtGlobal>

/// The interval Grafana gives a panel ($__interval, $__interval_ms, and the ClickHouse data
/// source's $__interval_s): the time range divided by the panel's maximum data points, rounded
/// to a "nice" step by Grafana's own table (rangeutil roundInterval), never below `minimumMs`.
namespace GrafanaInterval {

/// Grafana's default maximum data points is the panel's width in pixels; 1,000 is a wide panel.
constexpr int defaultMaxDataPoints = 1000;

qint64 round(qint64 intervalMs);
qint64 forRange(qint64 fromMs, qint64 toMs, int maxDataPoints = defaultMaxDataPoints, qint64 minimumMs = 1000);

} // namespace GrafanaInterval
