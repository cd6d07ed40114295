#pragma once

#include "panelcontent.h"
#include "query/grafanadashboard.h"
#include "resultchartdata.h"

#include <QTimeZone>

/// Grafana's time series panel, painted: the dashboard's whole range on the time axis, a line
/// per series in the classic palette (long rows pivoted into one series per label, as the
/// time-series format does), the value axis in the panel's unit, a legend with the series'
/// names, a crosshair with every series' value at the cursor, and a range dragged out to zoom.
class TimeSeriesPanel final : public PanelContent
{
    Q_OBJECT

public:
    explicit TimeSeriesPanel(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TimeSeriesPanel)

    void showResults(const DashboardSession& session, int panel) override;
    QStringList seriesNames() const;
    qsizetype pointCount() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRectF plotArea() const;
    int legendHeight() const;
    double xOf(qint64 ms, const QRectF& area) const;
    qint64 msAt(double x, const QRectF& area) const;
    double yOf(double value, const QRectF& area) const;

    QList<ResultChartData::Series> m_series;
    GrafanaFieldDefaults m_defaults;
    QTimeZone m_displayZone;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    double m_low = 0;
    double m_high = 1;
    double m_step = 1;
    double m_fillOpacity = 0;
    double m_lineWidth = 1;
    double m_hoverX = -1;
    double m_dragStart = -1;
};
