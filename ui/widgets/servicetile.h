#pragma once

#include "clickhousestatussummary.h"

#include <QGroupBox>

class ServiceHealthProbe;
class Sparkline;
class QFormLayout;
class QLabel;

/// A Health page tile for a service the workbench does not run (an OpenTelemetry collector, a
/// Grafana), fed by a ServiceHealthProbe: state, where, version, uptime, round trip with a
/// sparkline, and the service's key figures; "not set" with where to set it while it has no URL.
class ServiceTile final : public QGroupBox
{
    Q_OBJECT

public:
    ServiceTile(const QString& title, ServiceHealthProbe* probe, QWidget* parent = nullptr);
    ~ServiceTile() override;
    Q_DISABLE_COPY_MOVE(ServiceTile)

    QString stateText() const;
    QString figuresText() const;
    QString versionText() const;
    ClickHouseStatusSummary::Level level() const { return m_level; }

    /// Shows the probe's state now (also after its URLs changed).
    void refresh();

private:
    ServiceHealthProbe* m_probe;
    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_endpoint;
    QLabel* m_version;
    QLabel* m_uptime;
    QLabel* m_latency;
    Sparkline* m_sparkline;
    QLabel* m_figures;
    ClickHouseStatusSummary::Level m_level = ClickHouseStatusSummary::Level::Idle;
};
