#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QRegularExpression>
#include <QString>

/// Which records of a capture a replay sends: by signal, by name (a wildcard pattern on the span
/// name, the metric name, or the log's event name and body), and by the resource's service,
/// project or environment (exact). Conditions add up; an unset one lets everything through.
class ReplayFilter final
{
public:
    /// Adds one condition written `key=value`: `signal=traces|metrics|logs` (comma-separated for
    /// several), `name=PATTERN`, `service=NAME`, `project=NAME`, `environment=NAME`. False with
    /// `error` for anything else.
    bool add(const QString& condition, QString* error);

    bool acceptsSpans() const { return m_spans; }
    bool acceptsMetrics() const { return m_metrics; }
    bool acceptsLogs() const { return m_logs; }
    bool accepts(const SpanRecord& span) const;
    bool accepts(const MetricPoint& point) const;
    bool accepts(const LogRecord& log) const;
    bool isEmpty() const { return m_conditions == 0; }

private:
    bool resourceMatches(const ResourcePtr& resource) const;
    bool nameMatches(QByteArrayView name) const;

    bool m_spans = true;
    bool m_metrics = true;
    bool m_logs = true;
    QRegularExpression m_name;
    QByteArray m_service;
    QByteArray m_project;
    QByteArray m_environment;
    int m_conditions = 0;
};
