#pragma once

#include "panelcontent.h"
#include "query/grafanadashboard.h"
#include "resultchartdata.h"

/// Grafana's bar chart: a group of bars per row (its labels on the category axis), one bar per
/// numeric column, across or up as `orientation` says; bars coloured by thresholds when the
/// colour mode says so (the upstream overview's green, yellow, red), else by series; the values
/// written on the bars with showValue "always" or "auto".
class BarChartPanel final : public PanelContent
{
    Q_OBJECT

public:
    explicit BarChartPanel(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(BarChartPanel)

    void showResults(const DashboardSession& session, int panel) override;
    const ResultChartData::Categories& categories() const { return m_categories; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor barColor(int series, double value) const;

    ResultChartData::Categories m_categories;
    GrafanaFieldDefaults m_defaults;
    bool m_horizontal = false;
    bool m_showValues = true;
};
