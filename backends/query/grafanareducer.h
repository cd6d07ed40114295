#pragma once

#include <QList>
#include <QString>

#include <optional>

/// Grafana's reducers (options.reduceOptions.calcs) over one field's values, as stat, gauge and
/// bar gauge panels use them to turn a column into one number. NaN stands for NULL.
namespace GrafanaReducer {

/// lastNotNull, last, firstNotNull, first, mean, sum, max, min, count, range, delta, diff,
/// median, distinctCount, allIsNull, allIsZero... none for an unknown calc, or for a calc that
/// has no value here (the mean of nothing).
std::optional<double> reduce(const QList<double>& values, const QString& calc);

/// The calcs reduce() knows, for a panel's problems.
bool isKnown(const QString& calc);

} // namespace GrafanaReducer
