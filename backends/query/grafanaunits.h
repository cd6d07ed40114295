#pragma once

#include <QString>

#include <optional>

/// Numbers as Grafana shows them for a field's unit (fieldConfig.defaults.unit) and decimals:
/// "short" scaled by thousands (1.23 K, 4.5 Mil), "percent" and "percentunit", durations from
/// "ms" and "s" (picking the unit that reads best: 1.5 s, 2.3 min, 4 hour), "bytes" (IEC,
/// KiB...) and "decbytes" (SI), "reqps", "none"; without decimals, Grafana's own choice of how
/// many. An unknown unit is written after the number, as Grafana's custom units are.
namespace GrafanaUnits {

QString format(double value, const QString& unit, std::optional<int> decimals = std::nullopt);

/// The decimals Grafana picks for a value when the panel does not say (getDecimalsForValue).
int decimalsFor(double value);

} // namespace GrafanaUnits
