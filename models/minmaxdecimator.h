#pragma once

#include <QList>
#include <QPointF>

/// Thins a series for drawing without losing its shape: the x range is cut into `buckets`
/// columns (one per pixel column, typically) and each keeps its first, lowest, highest and last
/// point, in x order. A one-sample spike survives, and the line looks as it would with every
/// point drawn. Points must be sorted by x; a series that is already small enough is returned
/// as it is.
namespace MinMaxDecimator {

QList<QPointF> decimate(const QList<QPointF>& points, int buckets);

} // namespace MinMaxDecimator
