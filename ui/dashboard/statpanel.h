#pragma once

#include "panelcontent.h"
#include "panelfields.h"
#include "query/grafanadashboard.h"

/// Grafana's stat panel: each numeric field reduced to one big number in the panel's unit,
/// coloured by its thresholds (the text, or the background with colorMode "background"), over
/// a sparkline of the field's values (graphMode "area") when there are several.
class StatPanel final : public PanelContent
{
    Q_OBJECT

public:
    explicit StatPanel(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(StatPanel)

    void showResults(const DashboardSession& session, int panel) override;
    /// The numbers as shown ("1.23 K"), for tests and the render summary.
    QStringList valueTexts() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor colorOf(const PanelFields::Field& field) const;

    QList<PanelFields::Field> m_fields;
    GrafanaFieldDefaults m_defaults;
    QString m_colorMode;
    bool m_sparkline = true;
};
