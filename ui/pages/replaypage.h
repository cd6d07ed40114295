#pragma once

#include "capture/captureindexer.h"
#include "capture/replayrunner.h"
#include "capturerecordmodel.h"
#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "common/workerthread.h"

#include <QWidget>

#include <memory>
#include <optional>

class DestinationForm;
class QLabel;
class QLineEdit;
class QComboBox;
class QProgressBar;
class QPushButton;
class QTableView;
class LocalCollector;
class RateChart;
class RecordBar;
class ReplayControls;
class VerificationView;

/// The Replay page: open captures (a file dialog or drag and drop) and see their records at
/// once (a CaptureIndexer reads them on a thread of its own into a CaptureRecordModel, with a
/// filter by signal, a search and a summary), choose the replay (ReplayControls) and where it
/// goes (DestinationForm), then start, pause, resume or cancel it with its progress (rate, ETA,
/// lag behind schedule, failures) and a chart of records and failures per second. At the end: what was sent, and the
/// delivery verification per signal (expected, found, missing, duplicated, the first missing numbers), savable as JSON.
/// The replay runs on a thread of its own (ReplayRunner), the engine `replay` drives.
class ReplayPage final : public QWidget
{
    Q_OBJECT

public:
    /// Each backend's spool is a file in `spoolFolder`.
    explicit ReplayPage(const QString& spoolFolder, QWidget* parent = nullptr);
    ~ReplayPage() override;
    Q_DISABLE_COPY_MOVE(ReplayPage)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void setTelemetryDatabase(const QString& database);
    void setReceiverUrl(const QUrl& url);
    /// The collector whose receiver Record writes into a capture (null: Record says why not).
    void setCollector(LocalCollector* collector);
    RecordBar* recordBar() const { return m_recordBar; }

    /// Lists the records of `files` (replacing what was open); they are read in the background.
    void openFiles(const QStringList& files);
    QStringList files() const { return m_files; }
    bool isIndexing() const { return m_indexing; }
    /// Starts a replay of the open files; false (the status says why) when it cannot.
    bool start();
    void togglePause();
    void cancel();
    bool isReplaying() const { return m_replaying; }
    bool isPaused() const { return m_paused; }
    /// The report of the last replay as JSON; false with the status saying why.
    bool saveReport(const QString& path);

    CaptureRecordModel* records() { return &m_records; }
    ReplayControls* controls() const { return m_controls; }
    DestinationForm* destination() const { return m_destination; }
    QTableView* recordView() const { return m_recordView; }
    QComboBox* signalFilterBox() const { return m_signalFilter; }
    QLineEdit* searchEdit() const { return m_search; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* saveReportButton() const { return m_saveReport; }
    VerificationView* verification() const { return m_verification; }
    RateChart* rateChart() const { return m_rateChart; }
    QString summaryText() const;
    QString statusText() const;
    /// The last replay's outcome, once it has finished.
    const std::optional<ReplayRunner::Outcome>& lastOutcome() const { return m_lastOutcome; }

Q_SIGNALS:
    void indexingFinished();
    void progressed(const ReplayEngine::Progress& progress);
    void replayFinished();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildRecords();
    QWidget* buildReplay();
    void chooseFiles();
    void blockIndexed(const CaptureIndexBlock& block);
    void indexFinished(quint64 generation, bool cancelled, const QString& error);
    void showProgress(const ReplayEngine::Progress& progress);
    void finished(const ReplayRunner::Outcome& outcome);
    void setReplaying(bool replaying);
    void updateButtons();
    void showStatus(const QString& text);

    QString m_spoolFolder;
    QStringList m_files;
    quint64 m_generation = 0;
    qint64 m_expectedRecords = 0; ///< of the replay under way, when the listing knows it
    bool m_indexing = false;
    bool m_replaying = false;
    bool m_paused = false;
    bool m_engineRunning = false; ///< the replay's engine has reported: it can be paused
    bool m_verifying = false;
    CaptureRecordModel m_records;
    std::optional<ReplayRunner::Outcome> m_lastOutcome;
    std::unique_ptr<WorkerThread<CaptureIndexer>> m_indexer;
    std::unique_ptr<WorkerThread<ReplayRunner>> m_runner;

    QLabel* m_filesLabel = nullptr;
    RecordBar* m_recordBar = nullptr;
    QComboBox* m_signalFilter = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_recordView = nullptr;
    QLabel* m_summary = nullptr;
    ReplayControls* m_controls = nullptr;
    DestinationForm* m_destination = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    RateChart* m_rateChart = nullptr;
    VerificationView* m_verification = nullptr;
    QPushButton* m_saveReport = nullptr;
};
