#pragma once

#include <QWidget>

class ClickHouseProbe;
class LocalClickHouse;
class SampleTelemetryLoader;
class TelemetryDataTile;
class TelemetryTablesProbe;
class QLabel;
class QPlainTextEdit;
class QPushButton;

/// Stack health. For now two tiles: ClickHouse (where it is, which version answers, how fast, and
/// for the managed server its state, data folder, start/stop, whether the telemetry schema is
/// installed, and what it logged when it failed) and the telemetry data (TelemetryDataTile:
/// table sizes, and sample telemetry while they are empty). Tiles for the collector, Grafana and
/// the workbench's own receiver come with later work. Any engine object may be null.
class HealthPage final : public QWidget
{
    Q_OBJECT

public:
    HealthPage(LocalClickHouse* managed, ClickHouseProbe* probe, TelemetryTablesProbe* tables,
        SampleTelemetryLoader* sampleLoader, QWidget* parent = nullptr);
    ~HealthPage() override;
    Q_DISABLE_COPY_MOVE(HealthPage)

    QString clickHouseStateText() const;
    QString serverLogText() const;
    QString schemaText() const;
    TelemetryDataTile* dataTile() const { return m_dataTile; }

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
};
