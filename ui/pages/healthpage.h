#pragma once

#include <QUrl>
#include <QWidget>

class ClickHouseFiguresProbe;
class ClickHouseFiguresTile;
class ClickHouseProbe;
class ClickHouseTile;
class CollectorTile;
class LocalClickHouse;
class LocalCollector;
class SampleTelemetryLoader;
class ServiceHealthProbe;
class ServiceTile;
class TelemetryDataTile;
class TelemetryTablesProbe;

/// Stack health, Grafana-lite: a tile per component. ClickHouse (ClickHouseTile: state, version,
/// uptime, round trips with their sparkline, the managed server's controls), the local collector
/// (CollectorTile: the OTLP receiver and the ClickHouse gateway, what they took and stored, the
/// spool), the server's figures (ClickHouseFiguresTile, fed by a ClickHouseFiguresProbe this page
/// owns: tables, parts, ingest lag, insert rate, failed inserts of other clients) and the
/// telemetry data (TelemetryDataTile: sample telemetry while the tables are empty), and a
/// ServiceTile each for an OpenTelemetry collector and a Grafana where their URLs are set
/// (ServiceHealthProbes this page owns). Any engine object may be null.
class HealthPage final : public QWidget
{
    Q_OBJECT

public:
    HealthPage(LocalClickHouse* managed, ClickHouseProbe* probe, TelemetryTablesProbe* tables,
        SampleTelemetryLoader* sampleLoader, const LocalCollector* collector, QWidget* parent = nullptr);
    ~HealthPage() override;
    Q_DISABLE_COPY_MOVE(HealthPage)

    QString clickHouseStateText() const;
    QString serverLogText() const;
    QString schemaText() const;
    ClickHouseTile* clickHouseTile() const { return m_clickHouseTile; }
    ClickHouseFiguresTile* figuresTile() const { return m_figuresTile; }
    ClickHouseFiguresProbe* figuresProbe() const { return m_figuresProbe; }
    TelemetryDataTile* dataTile() const { return m_dataTile; }
    ServiceTile* collectorServiceTile() const { return m_otelTile; }
    ServiceTile* grafanaTile() const { return m_grafanaTile; }

    /// Where an OpenTelemetry collector and a Grafana answer (empty URLs: not looked at), and
    /// how often to look at them and at the ClickHouse figures.
    void setServices(int intervalMs, const QUrl& collectorHealth, const QUrl& collectorMetrics, const QUrl& grafana);
    CollectorTile* collectorTile() const { return m_collectorTile; }

private:
    ClickHouseFiguresProbe* m_figuresProbe;
    ClickHouseTile* m_clickHouseTile;
    ClickHouseFiguresTile* m_figuresTile;
    TelemetryDataTile* m_dataTile;
    CollectorTile* m_collectorTile;
    ServiceHealthProbe* m_otelProbe;
    ServiceHealthProbe* m_grafanaProbe;
    ServiceTile* m_otelTile;
    ServiceTile* m_grafanaTile;
};
