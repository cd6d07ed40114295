#pragma once

#include "logrecord.h"
#include "metricpoint.h"
#include "sdkidentity.h"
#include "spanrecord.h"

#include <QVariant>

#include <optional>

/// Builds records exactly as the Automagik SDKs' track_event, track_error, track_metric and
/// track_log do (resource attributes, scope, `system.*` span attributes, value conversions,
/// truncation), with the upstream defects fixed: errors get status ERROR, ids are valid W3C ids,
/// span kind is the enum, not a string, histograms are complete. Records share one resource and
/// one scope object.
class SdkRecordBuilder final
{
public:
    enum class MetricKind
    {
        Gauge,
        Counter,
        Histogram,
    };

    SdkRecordBuilder(SdkIdentity identity, SystemInfo system);

    const SdkIdentity& identity() const { return m_identity; }
    const ResourcePtr& resource() const { return m_resource; }
    const ScopePtr& scope() const { return m_scope; }

    /// timeUnixNano 0 means "now".
    SpanRecord trackEvent(const QString& name, const QVariantMap& attributes = {}, quint64 timeUnixNano = 0,
        quint64 durationNanos = 0) const;
    SpanRecord trackError(const QString& errorType, const QString& errorMessage, const QVariantMap& context = {},
        quint64 timeUnixNano = 0) const;
    MetricPoint trackMetric(const QString& name, double value, MetricKind kind = MetricKind::Gauge,
        const QVariantMap& attributes = {}, quint64 timeUnixNano = 0) const;
    /// `severity` is an Otlp::Severity number (TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21).
    LogRecord trackLog(const QString& message, qint32 severity = 9, const QVariantMap& attributes = {},
        quint64 timeUnixNano = 0) const;

    /// "gauge", "counter", "histogram": the words of `send --metric-kind` and of saved templates.
    static QString metricKindName(MetricKind kind);
    static std::optional<MetricKind> metricKindFromName(QStringView name);

    /// The SDKs' attribute conversion: bools stay bools, numbers become doubles, everything else
    /// becomes a string cut to 500 characters.
    static AttributeValue sdkValue(const QVariant& value);
    static Attributes sdkAttributes(const QVariantMap& values);
    static quint64 nowUnixNano();
    static TraceId randomTraceId();
    static SpanId randomSpanId();

    static constexpr int maxAttributeLength = 500;
    static constexpr int maxLogMessageLength = 1000;

private:
    Attributes systemAttributes() const;
    /// Metric and log attributes: the TypeScript SDK adds system.*, the Python SDK does not.
    Attributes signalAttributes(const QVariantMap& values) const;

    SdkIdentity m_identity;
    SystemInfo m_system;
    ResourcePtr m_resource;
    ScopePtr m_scope;
};
