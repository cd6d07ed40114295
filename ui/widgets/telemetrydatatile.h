#pragma once

#include <QGroupBox>

class ClickHouseProbe;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class SampleTelemetryLoader;
class TelemetryTablesProbe;

/// The Health page's "Telemetry data" tile: rows and disk use of each table of the telemetry
/// database, and while traces, metrics and logs are all empty, the offer a newcomer needs:
/// "Load sample telemetry", with progress and cancel, through the engine's SampleTelemetryLoader.
/// Drives the engine objects it is given; owns none of them.
class TelemetryDataTile final : public QGroupBox
{
    Q_OBJECT

public:
    TelemetryDataTile(
        TelemetryTablesProbe* tables, SampleTelemetryLoader* loader, ClickHouseProbe* probe, QWidget* parent = nullptr);
    ~TelemetryDataTile() override;
    Q_DISABLE_COPY_MOVE(TelemetryDataTile)

    QPushButton* loadButton() const { return m_loadButton; }
    QString summaryText() const;
    QString statusText() const;

private:
    void refresh();
    void loadSample();

    TelemetryTablesProbe* m_tables;
    SampleTelemetryLoader* m_loader;
    ClickHouseProbe* m_probe;
    QLabel* m_summary;
    QLabel* m_emptyNote;
    QPushButton* m_loadButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_status;
    /// A load has finished and the tables have not been looked at since: not "empty" meanwhile.
    bool m_awaitingTables = false;
};
