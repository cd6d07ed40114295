#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QChart;
class QLineSeries;
class QValueAxis;

/// Records per second and failures per second of a replay under way, one point per second for
/// the last two minutes, drawn with Qt Charts. Fed with the running totals the engine reports;
/// the rates are the differences over each second, so they are exact whatever the report cadence.
class RateChart final : public QWidget
{
    Q_OBJECT

public:
    explicit RateChart(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(RateChart)

    /// Starts a new run: the chart empties.
    void restart();
    /// The totals so far (records handed over, records failed), at any cadence.
    void addTotals(qint64 sent, qint64 failed);
    /// The points drawn, for tests: x is the second, y the rate.
    QList<QPointF> recordPoints() const;
    QList<QPointF> failurePoints() const;

    static constexpr int windowSeconds = 120;

private:
    void addPoint(double second, double records, double failures);

    QChart* m_chart;
    QLineSeries* m_records;
    QLineSeries* m_failures;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QElapsedTimer m_clock;
    qint64 m_lastSecond = 0;
    qint64 m_sentAtLastSecond = 0;
    qint64 m_failedAtLastSecond = 0;
};
