#include "ratechart.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

RateChart::RateChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_records(new QLineSeries(m_chart))
    , m_failures(new QLineSeries(m_chart))
    , m_x(new QValueAxis(m_chart))
    , m_y(new QValueAxis(m_chart))
{
    m_records->setName(tr("records/s"));
    m_failures->setName(tr("failures/s"));
    m_failures->setColor(QColor(0xd4, 0x4a, 0x3a));
    m_chart->addSeries(m_records);
    m_chart->addSeries(m_failures);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries* series : { m_records, m_failures }) {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setTickCount(6);
    m_y->setTickCount(6);
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(tr("Replay rate"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    restart();
}

void RateChart::restart()
{
    m_records->clear();
    m_failures->clear();
    m_x->setRange(0, 10);
    m_y->setRange(0, 10);
    m_y->applyNiceNumbers();
    m_clock.start();
    m_lastSecond = 0;
    m_sentAtLastSecond = 0;
    m_failedAtLastSecond = 0;
}

void RateChart::addTotals(qint64 sent, qint64 failed)
{
    const qint64 second = m_clock.elapsed() / 1000;
    if (second <= m_lastSecond)
        return; // the same second: its rate is drawn when it is over
    // Spread over the seconds since the last point: a pause or a slow report gives a flat rate.
    const auto seconds = double(second - m_lastSecond);
    addPoint(
        double(second), double(sent - m_sentAtLastSecond) / seconds, double(failed - m_failedAtLastSecond) / seconds);
    m_lastSecond = second;
    m_sentAtLastSecond = sent;
    m_failedAtLastSecond = failed;
}

void RateChart::addPoint(double second, double records, double failures)
{
    m_records->append(second, records);
    m_failures->append(second, failures);
    while (m_records->count() > windowSeconds) {
        m_records->remove(0);
        m_failures->remove(0);
    }
    double highest = 10;
    for (const QPointF& point : m_records->points())
        highest = std::max(highest, point.y());
    m_x->setRange(std::max(0.0, second - windowSeconds), std::max(10.0, second));
    m_y->setRange(0, highest * 1.1);
    m_y->applyNiceNumbers(); // round labels: 0, 100, 200, not 0, 88, 176
}

QList<QPointF> RateChart::recordPoints() const
{
    return m_records->points();
}

QList<QPointF> RateChart::failurePoints() const
{
    return m_failures->points();
}
