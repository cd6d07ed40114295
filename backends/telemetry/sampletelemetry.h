#pragma once

#include "logrecord.h"
#include "metricpoint.h"
#include "sdkrecordbuilder.h"
#include "spanrecord.h"

#include <QRandomGenerator>

#include <algorithm>
#include <vector>

/// Realistic telemetry of a small fleet of Automagik services, minute by minute, for the first
/// run of the workbench (`automagik-workbench sample`, the Health page's "Load sample telemetry"):
/// every upstream dashboard panel should have something to show. Five services, each with its
/// own version and environment, send what the SDKs send: the standard events (feature used, API
/// request with child spans for its database and model calls, CLI command, latency, health),
/// about one in 25 an error (status ERROR, with the SDK's error attributes); gauges, counters and
/// histograms every minute; logs of every severity, those about an event tied to its span by
/// trace id. Traffic follows a day curve with noise. A minute's records depend only on the seed
/// and the minute, so a run can be repeated exactly (ids aside, which are random as the SDKs').
class SampleTelemetry final
{
public:
    struct Options
    {
        quint64 endUnixNano = 0; ///< the last minute ends here; 0: now
        int hours = 6;
        int eventsPerMinute = 30; ///< on average over the day curve
        quint32 seed = 1;
    };

    struct Minute
    {
        QList<SpanRecord> spans;
        QList<MetricPoint> metrics;
        QList<LogRecord> logs;
    };

    explicit SampleTelemetry(Options options);

    int minuteCount() const { return m_options.hours * 60; }
    /// Records of minute `index` (0 is the oldest), in time order per signal.
    Minute minute(int index) const;
    /// Roughly how many records all minutes hold together, for progress before they are made
    /// (from three minutes made ahead: the first, the middle and the last).
    qint64 estimatedRecords() const;

    static constexpr int maxHours = 24 * 31;
    static constexpr int maxEventsPerMinute = 100000;

private:
    struct Service
    {
        SdkRecordBuilder builder;
        double share; ///< of the fleet's traffic
    };

    void addEvent(Minute& out, const Service& service, quint64 time, QRandomGenerator& random) const;
    void addApiRequest(Minute& out, const Service& service, quint64 time, QRandomGenerator& random) const;
    void addError(Minute& out, const Service& service, quint64 time, QRandomGenerator& random) const;
    void addMetrics(
        Minute& out, const Service& service, quint64 minuteStart, int requests, QRandomGenerator& random) const;
    void addLog(Minute& out, const Service& service, quint64 time, qint32 severity, const SpanRecord* about,
        QRandomGenerator& random) const;
    quint64 minuteStart(int index) const;
    /// `time` moved back to the end of the sample when it would lie after it (after now).
    quint64 notAfterEnd(quint64 time) const { return std::min(time, m_end - 1); }

    Options m_options;
    quint64 m_firstMinute = 0;
    quint64 m_end = 0;
    qint64 m_estimate = 0;
    std::vector<Service> m_services;
};
