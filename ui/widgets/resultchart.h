#pragma once

#include "resultchartdata.h"

#include <QColor>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedWidget;
class QueryResultModel;

/// The one adapter between query results and Qt Charts: time series (a line per series, time
/// axis), bars, pie, stat (one big number coloured by thresholds) and "table" (the grid says it
/// all). Long series are thinned to min/max per pixel column before they are drawn, and each
/// series gets its points in one replace() call.
class ResultChart final : public QWidget
{
    Q_OBJECT

public:
    using Kind = ResultChartData::Kind;

    struct Threshold
    {
        double from; ///< the colour applies from this value up (the first one from -infinity)
        QColor color;
    };

    explicit ResultChart(QWidget* parent = nullptr);
    ~ResultChart() override;
    Q_DISABLE_COPY_MOVE(ResultChart)

    /// Draws the model's rows as `kind`; `zone` is the server's (DateTime values are in it).
    void plot(const QueryResultModel& model, Kind kind, const QTimeZone& zone);
    void clear();
    Kind kind() const { return m_kind; }
    void setThresholds(const QList<Threshold>& thresholds) { m_thresholds = thresholds; }

    /// What is drawn, for tests and the status line.
    int seriesCount() const { return m_seriesCount; }
    qsizetype pointsDrawn() const { return m_pointsDrawn; }
    QString statText() const;
    QColor statColor() const { return m_statColor; }
    QChart* chart() const;
    /// A chart's background, legend and axes in the widget palette's colours (Qt Charts keeps
    /// its own white theme otherwise, glaring in the dark one); the series keep theirs.
    static void followPalette(QChart* chart, const QPalette& palette);

    bool savePng(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showTimeSeries(const QueryResultModel& model, const QTimeZone& zone);
    void showCategories(const QueryResultModel& model, bool pie);
    void showStat(const QueryResultModel& model);
    void showMessage(const QString& text);
    QChart* freshChart();

    QStackedWidget* m_stack;
    QChartView* m_view;
    QLabel* m_stat;
    QLabel* m_message;
    Kind m_kind = Kind::Table;
    QList<Threshold> m_thresholds { { 0, QColor(0x2e, 0x7d, 0x32) } };
    QColor m_statColor;
    int m_seriesCount = 0;
    qsizetype m_pointsDrawn = 0;
};
