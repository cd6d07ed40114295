#include "ratechart.h"

#include "resultchart.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

RateChart::RateChart(QWidget* parent)
    : RateChart(
        { { tr("records/s"), QColor() }, { tr("failures/s"), QColor(0xd4, 0x4a, 0x3a) } }, tr("Replay rate"), parent)
{ }

RateChart::RateChart(const QList<Series>& series, const QString& accessibleName, QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_x(new QValueAxis(m_chart))
    , m_y(new QValueAxis(m_chart))
{
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (const Series& wanted : series) {
        auto* line = new QLineSeries(m_chart);
        line->setName(wanted.name);
        if (wanted.color.isValid())
            line->setColor(wanted.color);
        line->setPointsVisible(true); // a run of one second is a point, not nothing
        m_chart->addSeries(line);
        line->attachAxis(m_x);
        line->attachAxis(m_y);
        m_series.append(line);
    }
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setTickCount(6);
    m_y->setTickCount(6);
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    ResultChart::followPalette(m_chart, palette());
    restart();
}

void RateChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        ResultChart::followPalette(m_chart, palette());
}

void RateChart::restart()
{
    for (QLineSeries* line : std::as_const(m_series)) {
        line->clear();
        line->append(0, 0); // the first second's rate rises from the start
    }
    m_x->setRange(0, 10);
    m_y->setRange(0, 10);
    m_y->applyNiceNumbers();
    m_clock.start();
    m_lastSecond = 0;
    m_totalsAtLastSecond = QList<qint64>(m_series.size(), 0);
}

void RateChart::addTotals(const QList<qint64>& totals)
{
    Q_ASSERT(totals.size() == m_series.size());
    const qint64 second = m_clock.elapsed() / 1000;
    if (second <= m_lastSecond || totals.size() != m_series.size())
        return; // the same second: its rate is drawn when it is over
    // Spread over the seconds since the last point: a pause or a slow report gives a flat rate.
    const auto seconds = double(second - m_lastSecond);
    QList<double> rates;
    rates.reserve(totals.size());
    for (qsizetype index = 0; index < totals.size(); ++index)
        rates.append(double(totals.at(index) - m_totalsAtLastSecond.at(index)) / seconds);
    addPoint(double(second), rates);
    m_lastSecond = second;
    m_totalsAtLastSecond = totals;
}

void RateChart::addPoint(double second, const QList<double>& rates)
{
    double highest = 10;
    for (qsizetype index = 0; index < m_series.size(); ++index) {
        QLineSeries* line = m_series.at(index);
        line->append(second, rates.at(index));
        if (line->count() > windowSeconds)
            line->removePoints(0, line->count() - windowSeconds);
        for (const QPointF& point : line->points())
            highest = std::max(highest, point.y());
    }
    m_x->setRange(std::max(0.0, second - windowSeconds), std::max(10.0, second));
    m_y->setRange(0, highest * 1.1);
    m_y->applyNiceNumbers(); // round labels: 0, 100, 200, not 0, 88, 176
}

QList<QPointF> RateChart::points(int series) const
{
    return m_series.value(series) ? m_series.at(series)->points() : QList<QPointF>();
}
