#pragma once

#include "panelcontent.h"
#include "query/grafanadashboard.h"

/// Grafana's pie chart: a slice per row when the result labels its numbers (service, count), as
/// the upstream dashboards mean it, else a slice per numeric field reduced by the panel's calc;
/// a donut when pieType says so; a legend on the right with each slice's value and percent.
class PiePanel final : public PanelContent
{
    Q_OBJECT

public:
    struct Slice
    {
        QString name;
        double value = 0;
    };

    explicit PiePanel(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PiePanel)

    void showResults(const DashboardSession& session, int panel) override;
    const QList<Slice>& slices() const { return m_slices; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<Slice> m_slices;
    GrafanaFieldDefaults m_defaults;
    bool m_donut = false;
};
