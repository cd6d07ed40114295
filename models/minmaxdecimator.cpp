#include "minmaxdecimator.h"

#include <algorithm>
#include <array>

namespace MinMaxDecimator {

QList<QPointF> decimate(const QList<QPointF>& points, int buckets)
{
    if (buckets <= 0 || points.size() <= qsizetype(buckets) * 4)
        return points;
    const double first = points.constFirst().x();
    const double span = points.constLast().x() - first;
    if (!(span > 0))
        return points.mid(0, 4);
    QList<QPointF> out;
    out.reserve(qsizetype(buckets) * 4);
    qsizetype begin = 0;
    while (begin < points.size()) {
        const int bucket = qMin(buckets - 1, int((points.at(begin).x() - first) / span * buckets));
        qsizetype end = begin + 1;
        qsizetype low = begin;
        qsizetype high = begin;
        while (end < points.size() && qMin(buckets - 1, int((points.at(end).x() - first) / span * buckets)) == bucket) {
            if (points.at(end).y() < points.at(low).y())
                low = end;
            if (points.at(end).y() > points.at(high).y())
                high = end;
            ++end;
        }
        std::array<qsizetype, 4> keep { begin, low, high, end - 1 };
        std::sort(keep.begin(), keep.end());
        for (qsizetype i = 0; i < 4; ++i) {
            if (i == 0 || keep[i] != keep[i - 1])
                out.append(points.at(keep[i]));
        }
        begin = end;
    }
    return out;
}

} // namespace MinMaxDecimator
