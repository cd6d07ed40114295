#pragma once

#include "clickhousestatussummary.h"
#include "health/clickhousefigures.h"

#include <QGroupBox>

#include <memory>

class ClickHouseClient;
class ClickHouseProbe;
class ClickHouseSchema;
class LocalClickHouse;
class Sparkline;
class QLabel;
class QPlainTextEdit;
class QPushButton;

/// The ClickHouse tile of the Health page: where the server is, its state, version, uptime and
/// round trip with a sparkline of the last probes; for the managed server its data folder and
/// schema, and the stack controls: start, stop, restart, verify the schema, open the server's
/// log, reset the telemetry data (asked first). What the server logged when it failed shows below.
class ClickHouseTile final : public QGroupBox
{
    Q_OBJECT

public:
    /// `managed` is null for an external server; `probe` may be null.
    ClickHouseTile(LocalClickHouse* managed, ClickHouseProbe* probe, QWidget* parent = nullptr);
    ~ClickHouseTile() override;
    Q_DISABLE_COPY_MOVE(ClickHouseTile)

    void setFigures(const ClickHouseFigures& figures);

    QString stateText() const;
    QString serverLogText() const;
    QString schemaText() const;
    QString actionText() const;
    const Sparkline* latencyLine() const { return m_sparkline; }
    ClickHouseStatusSummary::Level level() const { return m_level; }
    QPushButton* startButton() const { return m_startButton; }
    QPushButton* verifyButton() const { return m_verifyButton; }

Q_SIGNALS:
    /// The schema was verified or the data reset: the figures should be looked at again.
    void dataChanged();

private:
    void refresh();
    void restart();
    void verifySchema();
    void resetData();
    bool prepareSchema();

    LocalClickHouse* m_managed;
    ClickHouseProbe* m_probe;
    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_endpoint;
    QLabel* m_version;
    QLabel* m_uptime;
    QLabel* m_latency;
    Sparkline* m_sparkline;
    QLabel* m_dataFolder;
    QLabel* m_schema;
    QLabel* m_action;
    QPushButton* m_startButton;
    QPushButton* m_stopButton;
    QPushButton* m_restartButton;
    QPushButton* m_verifyButton;
    QPushButton* m_logButton;
    QPushButton* m_resetButton;
    QPlainTextEdit* m_log;
    std::unique_ptr<ClickHouseClient> m_schemaClient;
    std::unique_ptr<ClickHouseSchema> m_schemaOperation;
    bool m_restartPending = false;
    ClickHouseStatusSummary::Level m_level = ClickHouseStatusSummary::Level::Idle;
};
