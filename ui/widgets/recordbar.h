#pragma once

#include "capture/capturewriter.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class LocalCollector;
class QLabel;
class QPushButton;

/// Records what the workbench's receiver takes into a new capture (the OpenTelemetry file
/// format, as `record` writes it), while it keeps storing it: Record asks where, Stop closes the
/// file, and in between the counts written so far. Without a local collector (an external
/// ClickHouse) it says why it cannot.
class RecordBar final : public QWidget
{
    Q_OBJECT

public:
    explicit RecordBar(QWidget* parent = nullptr);
    ~RecordBar() override;
    Q_DISABLE_COPY_MOVE(RecordBar)

    /// The collector whose receiver is recorded; it may live on another thread.
    void setCollector(LocalCollector* collector);
    /// Starts writing to `path` (replaced if it exists); false with the reason shown.
    bool start(const QString& path);
    /// Stops and closes the capture; recordingStopped() follows.
    void stop();
    bool isRecording() const { return m_writer != nullptr; }
    QString text() const;
    QPushButton* recordButton() const { return m_record; }

Q_SIGNALS:
    /// The capture at `path` is complete (`ok` false when a write failed on the way).
    void recordingStopped(const QString& path, bool ok);

private:
    void chooseFile();
    /// Stops and closes; recordingStopped() only when `announce` (not while the app or page goes).
    void finish(bool announce);
    void showCounts();
    void updateButtons();

    QPointer<LocalCollector> m_collector;
    std::unique_ptr<CaptureWriter> m_writer;
    QTimer m_timer;
    QPushButton* m_record;
    QPushButton* m_stop;
    QLabel* m_label;
};
