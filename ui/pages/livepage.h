#pragma once

#include "live/clickhousetail.h"
#include "livefiltermodel.h"
#include "liverecordmodel.h"

#include <QPersistentModelIndex>
#include <QTimer>
#include <QWidget>

class LocalCollector;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class RateChart;

/// The Live page: what the workbench's receiver takes, as a tail (newest first, following the
/// newest unless told not to), with pause (records keep arriving and wait; the page says how
/// many), clear, filters by signal, service, name, lowest severity and free text, a detail pane
/// with the selected record's every attribute, resource and scope (as OTLP JSON), and a chart of
/// spans, metric points and logs per second. Besides the collector's live stream, a
/// ClickHouseTail brings the rows other clients write into the telemetry tables (an application
/// on the SDKs' direct backend), shown in italics; it looks once a second while the page is in
/// sight and "Other writers" is on.
class LivePage final : public QWidget
{
    Q_OBJECT

public:
    explicit LivePage(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(LivePage)

    /// Listens to `collector`'s live stream (it lives on its own thread; the batches are
    /// queued here). Null: the page says what it needs.
    void setCollector(LocalCollector* collector);
    /// Follows the telemetry tables of this server for rows other clients write.
    void setServer(const ClickHouseEndpoint& endpoint);
    /// The database of the telemetry tables ("telemetry" unless told otherwise).
    void setTelemetryDatabase(const QString& database);
    static constexpr int tailIntervalMs = 1000;
    ClickHouseTail* tail() { return &m_tail; }
    QCheckBox* otherWritersBox() const { return m_otherWriters; }

    LiveRecordModel* records() { return &m_records; }
    LiveFilterModel* filter() { return &m_filter; }
    QTableView* view() const { return m_view; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* clearButton() const { return m_clear; }
    QCheckBox* followBox() const { return m_follow; }
    QComboBox* signalBox() const { return m_signal; }
    QComboBox* severityBox() const { return m_severity; }
    QLineEdit* serviceEdit() const { return m_service; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* searchEdit() const { return m_search; }
    QPlainTextEdit* detailView() const { return m_detail; }
    RateChart* rateChart() const { return m_rateChart; }
    QString statusText() const;
    /// Applies the service, name and search fields now (typing applies them after a pause).
    void applyTextFilters();

private:
    QWidget* buildFilters();
    void showCounts();
    void showDetail();
    void keepPlace();
    void updateTail();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    /// The window's minimising and restoring (a minimised window still counts as visible).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    LiveRecordModel m_records;
    LiveFilterModel m_filter;
    ClickHouseTail m_tail;
    QCheckBox* m_follow;
    QCheckBox* m_otherWriters;
    QPushButton* m_pause;
    QPushButton* m_clear;
    QComboBox* m_signal;
    QLineEdit* m_service;
    QLineEdit* m_name;
    QComboBox* m_severity;
    QLineEdit* m_search;
    QTableView* m_view;
    QPlainTextEdit* m_detail;
    QLabel* m_status;
    RateChart* m_rateChart;
    QTimer m_chartTimer;
    QTimer m_typing;
    QPersistentModelIndex m_anchor; ///< the top row in view before an update, when not following
    bool m_listening = false;
    ClickHouseEndpoint m_endpoint;
    QString m_database = QStringLiteral("telemetry");
};
