#pragma once

#include "telemetry/capturesink.h"

#include <QFile>
#include <QMutex>
#include <QStringList>

/// Writes records as the OpenTelemetry file format: JSON Lines, each line a TracesData,
/// MetricsData or LogsData, as the Collector's file exporter writes and its otlpjsonfile receiver
/// reads. Optionally gzip (each write a gzip member of its own, so a file cut short by a crash
/// keeps every whole member) and rotation by size (the full file renamed with its UTC time, as
/// the file exporter names them). It is the receiver's capture sink: any thread may call it.
class CaptureWriter final : public CaptureSink
{
public:
    struct Options
    {
        bool gzip = false;
        qint64 rotateBytes = 0; ///< 0: never rotate
    };
    struct Statistics
    {
        qint64 lines = 0;
        qint64 spans = 0;
        qint64 metrics = 0;
        qint64 logs = 0;
        qint64 bytes = 0; ///< written to disk, over every file
        QStringList rotatedFiles;
        QString lastError;
    };

    CaptureWriter() = default;
    ~CaptureWriter() override;
    Q_DISABLE_COPY_MOVE(CaptureWriter)

    /// Creates (or truncates) the file; `gzip` is turned on for names ending in ".gz".
    bool open(const QString& path, Options options, QString* error);
    /// Flushes and closes; false when a write failed on the way (statistics().lastError).
    bool close();

    void captureSpans(const QList<SpanRecord>& spans) override;
    void captureMetrics(const QList<MetricPoint>& points) override;
    void captureLogs(const QList<LogRecord>& logs) override;

    Statistics statistics() const;
    QString path() const { return m_path; }

private:
    void writeLine(QByteArray line);
    bool rotate();

    mutable QMutex m_mutex;
    QString m_path;
    Options m_options;
    QFile m_file;
    qint64 m_fileBytes = 0;
    Statistics m_statistics;
};
