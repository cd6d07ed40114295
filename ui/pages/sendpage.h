#pragma once

#include "capture/sendrunner.h"
#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "common/workerthread.h"
#include "sendhistorymodel.h"
#include "sendtemplate.h"

#include <QWidget>

#include <memory>

class DestinationForm;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class SendComposer;

/// The Send page: compose a record as the SDKs build one (SendComposer, or a template: the SDKs'
/// standard events and the user's own), choose the backend (OTLP protobuf or JSON, by default to
/// the workbench's own receiver, or ClickHouse direct, by default the workbench's server), and
/// send it once, N times, or at a rate for a duration, with progress and cancel. Each send is
/// listed with how it went and the payload of its first record; "Look it up" opens the Query
/// page on the rows it wrote. The sending runs on a thread of its own (SendRunner), the same
/// engine objects the command line's `send` drives.
class SendPage final : public QWidget
{
    Q_OBJECT

public:
    enum class Repeat
    {
        Once,
        Times,
        RateForDuration,
    };

    /// Templates are saved in `templatesFile`; each backend's spool is a file in `spoolFolder`.
    SendPage(const QString& templatesFile, const QString& spoolFolder, QWidget* parent = nullptr);
    ~SendPage() override;
    Q_DISABLE_COPY_MOVE(SendPage)

    /// The workbench's ClickHouse (the default destination of the direct backend).
    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    /// The telemetry database of that server, where both backends' records end up.
    void setTelemetryDatabase(const QString& database);
    /// The workbench's own OTLP receiver: the OTLP backends' destination unless one was typed.
    void setReceiverUrl(const QUrl& url);
    DestinationForm* destination() const { return m_destination; }

    void setBackend(SendTarget::Backend backend);
    void setRepeat(Repeat repeat, qint64 count = 1, double rate = 0, int durationSeconds = 0);
    /// Sends what is composed; false (with the status saying why) when it cannot start.
    bool send();
    void cancel();
    bool isSending() const { return m_sending; }
    /// Saves what is composed as a template titled `title` (replacing one of that title).
    bool saveTemplate(const QString& title);

    SendComposer* composer() const { return m_composer; }
    SendHistoryModel* history() { return &m_history; }
    QComboBox* templateBox() const { return m_templates; }
    QLineEdit* clickHouseUrlEdit() const;
    QLineEdit* otlpUrlEdit() const;
    QPushButton* sendButton() const { return m_send; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* lookUpButton() const { return m_lookUp; }
    QPlainTextEdit* payloadView() const { return m_payload; }
    QTableView* historyView() const { return m_historyView; }
    QString statusText() const;

Q_SIGNALS:
    void openInQuery(const QString& sql);
    /// A send ended (delivered or not); the history has it at the top.
    void sendFinished();
    void progressed(qint64 sent, qint64 total);

private:
    QWidget* buildRepeat();
    QWidget* buildSendBar();
    QWidget* buildHistory();
    void reloadTemplates(const QString& select = {});
    void templateChosen(int index);
    void askTemplateTitle();
    void deleteTemplate();
    void repeatChanged();
    /// Sends to ClickHouse once the server at the typed URL is known (its version decides the rows).
    void sendTo(const SendTarget& target, const SendRequest& request, const SdkIdentity& identity);
    void finished(const SendRunner::Outcome& outcome);
    void showSelectedPayload();
    void lookUp();
    void setSending(bool sending);
    void showStatus(const QString& text);

    QString m_templatesFile;
    QString m_spoolFolder;
    QString m_userId;
    QString m_sessionId;
    QList<SendTemplate> m_templateList;
    bool m_sending = false;
    SendHistoryModel m_history;
    std::unique_ptr<WorkerThread<SendRunner>> m_runner;

    SendComposer* m_composer;
    QComboBox* m_templates;
    DestinationForm* m_destination;
    QFormLayout* m_repeatForm = nullptr;
    QComboBox* m_repeat = nullptr;
    QSpinBox* m_count = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QSpinBox* m_duration = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_historyView = nullptr;
    QPlainTextEdit* m_payload = nullptr;
    QPushButton* m_lookUp = nullptr;
};
