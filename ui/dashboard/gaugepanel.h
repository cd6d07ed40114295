#pragma once

#include "panelcontent.h"
#include "panelfields.h"
#include "query/grafanadashboard.h"

/// Grafana's gauge and bar gauge panels: each numeric field reduced by the panel's calc, shown
/// against its min and max (0 and 100 unless the panel says) in its threshold colour, either as
/// an arc with the thresholds as a thin outer band (gauge) or as one bar per field (bargauge).
class GaugePanel final : public PanelContent
{
    Q_OBJECT

public:
    enum class Style
    {
        Arc,
        Bars,
    };

    explicit GaugePanel(Style style, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(GaugePanel)

    void showResults(const DashboardSession& session, int panel) override;
    const QList<PanelFields::Field>& fields() const { return m_fields; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor colorOf(double value) const;
    double fraction(double value) const;
    void paintArc(QPainter& painter, const QRectF& cell, const PanelFields::Field& field);
    void paintBar(QPainter& painter, const QRectF& cell, const PanelFields::Field& field);

    Style m_style;
    QList<PanelFields::Field> m_fields;
    GrafanaFieldDefaults m_defaults;
};
