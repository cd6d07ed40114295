#pragma once

#include "telemetry/sdkrecordbuilder.h"

#include <QString>
#include <QVariantMap>

#include <optional>

/// What `automagik-workbench send` (and the Send page, through SendRunner) asks for: records built as the
/// SDKs' track_event, track_error, track_metric and track_log build them, how many, and how fast.
struct SendRequest
{
    enum class Signal
    {
        Event,
        Error,
        Metric,
        Log,
    };

    Signal signal = Signal::Event;
    QString name; ///< event name, error type, metric name or log message
    QString message; ///< the error message (errors)
    double value = 1; ///< the metric's value
    SdkRecordBuilder::MetricKind metricKind = SdkRecordBuilder::MetricKind::Gauge;
    qint32 severity = 9; ///< the log's Otlp::Severity number
    QVariantMap attributes;
    qint64 count = 1;
    double rate = 0; ///< records per second; 0: as fast as the output takes them

    /// "event", "error", "metric", "log".
    static QString signalName(Signal signal);
    static std::optional<Signal> signalFromName(QStringView name);
};
