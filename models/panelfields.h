#pragma once

#include "query/grafanadashboard.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QueryResultModel;

/// The numbers a stat, gauge or bar gauge panel shows, read from its results as Grafana reads
/// fields (reduceOptions.values false): every numeric column of every result is one field,
/// reduced to one value by the panel's first calc (lastNotNull when it names none), with the
/// column's values in row order for the stat's sparkline.
namespace PanelFields {

struct Field
{
    QString name;
    std::optional<double> value; ///< none: no value (an empty result, a calc of nothing)
    QList<double> values; ///< the column, NaN for NULL
};

QList<Field> reduce(const QList<const QueryResultModel*>& results, const QStringList& calcs);

/// reduceOptions.values true: every row is a field, named by its text columns, its value the
/// row's first number (a bar per table in "parts per table").
QList<Field> rows(const QList<const QueryResultModel*>& results);

/// The calc a panel uses: its first, or Grafana's default.
QString calcOf(const QStringList& calcs);

/// The threshold colour name for `value` (the base step's below the first threshold).
QString thresholdColor(const GrafanaFieldDefaults& defaults, double value);

} // namespace PanelFields
