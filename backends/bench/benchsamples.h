#pragma once

#include <QList>
#include <QString>

/// The rounds of one measured method, as every benchmark reports them: min, median and max, so
/// that a reader sees the spread and not only a middle. A benchmark runs at least minimumRounds
/// rounds, with the order of its methods rotated each round (roundOrder()), so that no method
/// always runs first on a cold cache or last on a warm one.
class BenchSamples final
{
public:
    static constexpr int minimumRounds = 5;

    void append(double value) { m_values.append(value); }
    bool isEmpty() const { return m_values.isEmpty(); }
    qsizetype size() const { return m_values.size(); }
    const QList<double>& values() const { return m_values; }

    double min() const;
    double median() const;
    double max() const;
    /// "min / median / max" with `precision` decimals.
    QString spread(int precision) const;

    /// Which of `methods` runs at `step` of `round`: each round starts one method later.
    static qsizetype roundOrder(int round, qsizetype step, qsizetype methods) { return (step + round) % methods; }

private:
    QList<double> m_values;
};
