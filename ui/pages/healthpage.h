#pragma once

#include <QWidget>

class ClickHouseProbe;
class LocalClickHouse;
class QLabel;
class QPlainTextEdit;
class QPushButton;

/// Stack health. For now the ClickHouse tile: where it is, which version answers, how fast, and
/// for the managed server its state, data folder, start/stop and what it logged when it failed.
/// Tiles for the collector, Grafana and the workbench's own receiver come with later work.
class HealthPage final : public QWidget
{
    Q_OBJECT

public:
    HealthPage(LocalClickHouse* managed, ClickHouseProbe* probe, QWidget* parent = nullptr);
    ~HealthPage() override;

    QString clickHouseStateText() const;
    QString serverLogText() const;

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
    QPushButton* m_startButton;
    QPushButton* m_stopButton;
    QPlainTextEdit* m_log;
};
