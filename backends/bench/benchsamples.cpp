#include "benchsamples.h"

#include <algorithm>

using namespace Qt::StringLiterals;

double BenchSamples::min() const
{
    return m_values.isEmpty() ? 0 : *std::min_element(m_values.begin(), m_values.end());
}

double BenchSamples::max() const
{
    return m_values.isEmpty() ? 0 : *std::max_element(m_values.begin(), m_values.end());
}

double BenchSamples::median() const
{
    if (m_values.isEmpty())
        return 0;
    QList<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype middle = sorted.size() / 2;
    return sorted.size() % 2 ? sorted.at(middle) : (sorted.at(middle - 1) + sorted.at(middle)) / 2;
}

QString BenchSamples::spread(int precision) const
{
    return u"%1 / %2 / %3"_s.arg(min(), 0, 'f', precision)
        .arg(median(), 0, 'f', precision)
        .arg(max(), 0, 'f', precision);
}
