#include "resultchart.h"

#include "dashboard/paneltheme.h"
#include "minmaxdecimator.h"
#include "queryresultmodel.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPalette>
#include <QPieSeries>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr int maxSeries = 50; ///< more lines than this are not readable anyway
constexpr qsizetype maxCategories = 200;
constexpr int maxSlices = 20; ///< the rest becomes "Other"
} // namespace

ResultChart::ResultChart(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_view(new QChartView(this))
    , m_stat(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Chart"));
    // The view made a chart of its own; freshChart() replaces (and deletes) it for each result.
    m_stat->setAlignment(Qt::AlignCenter);
    QFont big = m_stat->font();
    big.setPointSize(48);
    big.setBold(true);
    m_stat->setFont(big);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_stat);
    m_stack->addWidget(m_message);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

ResultChart::~ResultChart() = default;

void ResultChart::followPalette(QChart* chart, const QPalette& palette)
{
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        axis->setGridLineColor(palette.color(QPalette::Mid));
        axis->setLinePenColor(palette.color(QPalette::Mid));
    }
}

void ResultChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        followPalette(m_view->chart(), palette());
        if (m_thresholds.isEmpty())
            m_statColor = palette().color(QPalette::WindowText);
    }
}

QChart* ResultChart::chart() const
{
    return m_view->chart();
}

QChart* ResultChart::freshChart()
{
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    followPalette(chart, palette());
    QChart* old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    m_stack->setCurrentWidget(m_view);
    return chart;
}

void ResultChart::clear()
{
    m_seriesCount = 0;
    m_pointsDrawn = 0;
    showMessage(tr("Run a query to chart its result."));
}

void ResultChart::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void ResultChart::plot(const QueryResultModel& model, Kind kind, const QTimeZone& zone)
{
    m_kind = kind;
    m_seriesCount = 0;
    m_pointsDrawn = 0;
    if (model.rowCount() == 0) {
        showMessage(tr("No rows to chart."));
        return;
    }
    switch (kind) {
    case Kind::TimeSeries:
        showTimeSeries(model, zone);
        break;
    case Kind::Bar:
    case Kind::Pie:
        showCategories(model, kind == Kind::Pie);
        break;
    case Kind::Stat:
        showStat(model);
        break;
    case Kind::Table:
        showMessage(tr("Shown as a table: see the Table tab."));
        break;
    }
}

void ResultChart::showTimeSeries(const QueryResultModel& model, const QTimeZone& zone)
{
    const ResultChartData::Shape shape = ResultChartData::analyse(model.columns());
    if (shape.timeColumn < 0 || shape.valueColumns.isEmpty()) {
        showMessage(tr("A time series needs a Date or DateTime column and a numeric column."));
        return;
    }
    const QList<ResultChartData::Series> series = ResultChartData::timeSeries(model, shape, zone);
    QChart* chart = freshChart();
    auto* timeAxis = new QDateTimeAxis(chart);
    auto* valueAxis = new QValueAxis(chart);
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    followPalette(chart, palette()); // the axes it has now
    // One bucket per pixel column of the plot (at least a typical width before the first layout).
    const int buckets = qMax(800, m_view->width());
    double minX = qInf(), maxX = -qInf(), minY = qInf(), maxY = -qInf();
    for (qsizetype i = 0; i < series.size() && i < maxSeries; ++i) {
        const QList<QPointF> points = MinMaxDecimator::decimate(series.at(i).points, buckets);
        auto* line = new QLineSeries(chart);
        line->setName(series.at(i).name);
        line->replace(points);
        chart->addSeries(line);
        line->attachAxis(timeAxis);
        line->attachAxis(valueAxis);
        for (const QPointF& point : points) {
            minY = qMin(minY, point.y());
            maxY = qMax(maxY, point.y());
        }
        if (!points.isEmpty()) {
            minX = qMin(minX, points.constFirst().x());
            maxX = qMax(maxX, points.constLast().x());
        }
        m_pointsDrawn += points.size();
        ++m_seriesCount;
    }
    if (m_seriesCount == 0 || !std::isfinite(minX)) {
        showMessage(tr("No time values to chart."));
        return;
    }
    const qint64 span = qint64(maxX - minX);
    timeAxis->setFormat(span > 2 * 86400000LL ? u"MM-dd HH:mm"_s : (span > 600000 ? u"HH:mm"_s : u"HH:mm:ss"_s));
    timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX)), QDateTime::fromMSecsSinceEpoch(qint64(maxX)));
    if (minY == maxY) {
        minY -= 1;
        maxY += 1;
    }
    valueAxis->setRange(qMin(0.0, minY), maxY);
    valueAxis->applyNiceNumbers();
    chart->legend()->setVisible(true); // as Grafana: the series' names, even for one
    for (int i = 0; i < m_seriesCount; ++i) // and its classic palette
        static_cast<QLineSeries*>(chart->series().at(i))->setColor(PanelTheme::series(i));
    if (series.size() > maxSeries)
        chart->setTitle(tr("The first %1 of %2 series").arg(maxSeries).arg(series.size()));
}

void ResultChart::showCategories(const QueryResultModel& model, bool pie)
{
    const ResultChartData::Shape shape = ResultChartData::analyse(model.columns());
    if (shape.valueColumns.isEmpty()) {
        showMessage(tr("A chart needs a numeric column."));
        return;
    }
    const ResultChartData::Categories rows = ResultChartData::categories(model, shape, maxCategories);
    QChart* chart = freshChart();
    if (pie) {
        auto* slices = new QPieSeries(chart);
        double other = 0;
        const QList<QPointF>& values = rows.values.constFirst().points;
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i < maxSlices)
                slices->append(rows.labels.at(i), values.at(i).y());
            else
                other += values.at(i).y();
        }
        if (values.size() > maxSlices)
            slices->append(tr("Other"), other);
        for (QPieSlice* slice : slices->slices())
            slice->setLabel(u"%1: %2"_s.arg(slice->label(), QLocale().toString(slice->value())));
        slices->setLabelsVisible(true);
        slices->setPieSize(0.6);
        chart->addSeries(slices);
        chart->legend()->setVisible(false); // each slice is labelled with its name and value
        m_seriesCount = 1;
        m_pointsDrawn = slices->count();
        return;
    }
    auto* bars = new QBarSeries(chart);
    double minY = 0, maxY = 0;
    for (const ResultChartData::Series& values : rows.values) {
        auto* set = new QBarSet(values.name, bars);
        QList<qreal> heights;
        heights.reserve(values.points.size());
        for (const QPointF& point : values.points) {
            heights.append(point.y());
            minY = qMin(minY, point.y());
            maxY = qMax(maxY, point.y());
        }
        set->append(heights);
        bars->append(set);
        m_pointsDrawn += heights.size();
        ++m_seriesCount;
    }
    chart->addSeries(bars);
    auto* categoryAxis = new QBarCategoryAxis(chart);
    categoryAxis->append(rows.labels);
    auto* valueAxis = new QValueAxis(chart);
    valueAxis->setRange(minY, maxY == minY ? minY + 1 : maxY);
    valueAxis->applyNiceNumbers();
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    followPalette(chart, palette()); // the axes it has now
    bars->attachAxis(categoryAxis);
    bars->attachAxis(valueAxis);
    chart->legend()->setVisible(m_seriesCount > 1);
    if (model.rowCount() > maxCategories)
        chart->setTitle(tr("The first %1 of %2 rows").arg(maxCategories).arg(model.rowCount()));
}

void ResultChart::showStat(const QueryResultModel& model)
{
    const ResultChartData::Shape shape = ResultChartData::analyse(model.columns());
    if (shape.valueColumns.isEmpty()) {
        showMessage(tr("A stat needs a numeric column."));
        return;
    }
    // Grafana's default reduction: the last value that is not NULL.
    const int column = shape.valueColumns.constFirst();
    QVariant value;
    for (int row = model.rowCount() - 1; row >= 0 && !value.isValid(); --row)
        value = model.value(row, column);
    const double number = value.toString().toDouble();
    m_statColor = m_thresholds.isEmpty() ? palette().color(QPalette::WindowText) : m_thresholds.constFirst().color;
    for (const Threshold& threshold : m_thresholds) {
        if (number >= threshold.from)
            m_statColor = threshold.color;
    }
    m_stat->setText(value.isValid() ? QLocale().toString(number, 'g', 12)
                                    : u"NULL"_s); // not translated: SQL's NULL, as the result grid shows it
    if (m_thresholds.isEmpty()) {
        m_stat->setPalette(QPalette()); // the window's text colour, also after a theme change
    } else {
        QPalette colours = m_stat->palette();
        colours.setColor(QPalette::WindowText, m_statColor);
        m_stat->setPalette(colours);
    }
    m_stack->setCurrentWidget(m_stat);
    m_seriesCount = 1;
    m_pointsDrawn = 1;
}

QString ResultChart::statText() const
{
    return m_stack->currentWidget() == m_stat ? m_stat->text() : QString();
}

bool ResultChart::savePng(const QString& path)
{
    return m_stack->currentWidget()->grab().save(path, "PNG");
}
