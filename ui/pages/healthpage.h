#pragma once

#include <QWidget>

class ClickHouseProbe;
class CollectorTile;
class LocalClickHouse;
class LocalCollector;
class SampleTelemetryLoader;
class TelemetryDataTile;
class TelemetryTablesProbe;
class QLabel;
class QPlainTextEdit;
class QPushButton;

/// Stack health. For now two tiles: ClickHouse (where it is, which version answers, how fast, and
/// for the managed server its state, data folder, start/stop, whether the telemetry schema is
/// installed, and what it logged when it failed) and the telemetry data (TelemetryDataTile:
/// table sizes, and sample telemetry while they are empty) and the local collector (CollectorTile:
/// the OTLP receiver and the ClickHouse gateway, what they took, errors, deliveries). Tiles for
/// Grafana and an OTel collector come with later work. Any engine object may be null.
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
    TelemetryDataTile* dataTile() const { return m_dataTile; }
    CollectorTile* collectorTile() const { return m_collectorTile; }

private:
    void refresh();

    LocalClickHouse* m_managed;
    ClickHouseProbe* m_probe;
    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_endpoint;
    QLabel* m_version;
    QLabel* m_latency;
    QLabel* m_dataFolder;
    QLabel* m_schema;
    QPushButton* m_startButton;
    QPushButton* m_stopButton;
    QPlainTextEdit* m_log;
    TelemetryDataTile* m_dataTile;
    CollectorTile* m_collectorTile;
};
