#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QList>
#include <QWidget>

class QChart;
class QLineSeries;
class QValueAxis;

/// Rates per second of running totals (a replay's records and failures, the Live page's spans,
/// metric points and logs), one point per second for the last two minutes, drawn with Qt Charts.
/// Fed with the totals at any cadence; the rates are the differences over each second, so they
/// are exact whatever the report cadence.
class RateChart final : public QWidget
{
    Q_OBJECT

public:
    struct Series
    {
        QString name;
        QColor color; ///< invalid: the chart's own
    };

    /// A replay's chart: records/s and failures/s.
    explicit RateChart(QWidget* parent = nullptr);
    RateChart(const QList<Series>& series, const QString& accessibleName, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(RateChart)

    /// Starts a new run: the chart empties.
    void restart();
    /// The totals so far, one per series, at any cadence.
    void addTotals(const QList<qint64>& totals);
    void addTotals(qint64 sent, qint64 failed) { addTotals(QList<qint64> { sent, failed }); }
    /// The points drawn, for tests: x is the second, y the rate.
    QList<QPointF> points(int series) const;
    QList<QPointF> recordPoints() const { return points(0); }
    QList<QPointF> failurePoints() const { return points(1); }

    static constexpr int windowSeconds = 120;

protected:
    void changeEvent(QEvent* event) override;

private:
    void addPoint(double second, const QList<double>& rates);

    QChart* m_chart;
    QList<QLineSeries*> m_series;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QElapsedTimer m_clock;
    qint64 m_lastSecond = 0;
    QList<qint64> m_totalsAtLastSecond;
};
