#pragma once

#include "delivery/retrypolicy.h"
#include "otlpencoding.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <utility>

/// Everything the OTLP/HTTP exporter needs: one URL per signal, encoding, compression, headers,
/// TLS trust, timeout, batching, retry and the spool. fromEnvironment() reads the SDKs' variables
/// and the standard OpenTelemetry ones (see there for the precedence).
struct OtlpHttpExporterConfig
{
    QUrl tracesUrl = QUrl(QStringLiteral("http://localhost:4318/v1/traces"));
    QUrl metricsUrl = QUrl(QStringLiteral("http://localhost:4318/v1/metrics"));
    QUrl logsUrl = QUrl(QStringLiteral("http://localhost:4318/v1/logs"));
    Otlp::Encoding encoding = Otlp::Encoding::Protobuf;
    bool gzip = true;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< sent with every request
    QString caFile; ///< PEM certificates to trust for https endpoints, besides the system's
    int timeoutMs = 10000;
    int batchSize = 512; ///< records per request
    int flushIntervalMs = 5000;
    /// Requests per signal under way at once (the collector's exporters default to several): one
    /// waits a round trip per batch, several let the endpoint group them.
    int concurrentRequests = 6;
    RetryPolicy retry;
    QString spoolPath; ///< empty: no spool (undeliverable batches are reported and dropped)
    qint64 spoolMaxBytes = qint64(1) << 30;
    int spoolRetryIntervalMs = 2000;

    QUrl url(Otlp::Signal signal) const;

    /// Precedence, highest first: the signal's own variable (OTEL_EXPORTER_OTLP_<SIGNAL>_ENDPOINT,
    /// then AUTOMAGIK_TELEMETRY_<SIGNAL>_ENDPOINT for metrics and logs), used as given; then the
    /// base (OTEL_EXPORTER_OTLP_ENDPOINT, then AUTOMAGIK_TELEMETRY_ENDPOINT) with /v1/<signal>
    /// appended (an AUTOMAGIK_TELEMETRY_ENDPOINT that already ends in /v1/traces is the traces
    /// URL and the others are its siblings, as the SDKs read it); then `defaults`. _HEADERS
    /// (k=v,k2=v2, percent-encoded), _PROTOCOL (http/protobuf, http/json), _COMPRESSION (gzip,
    /// none), _TIMEOUT (ms), _CERTIFICATE, each signal's own over the general one.
    /// AUTOMAGIK_TELEMETRY_TIMEOUT is in seconds, as the SDKs read it. Values that cannot be used
    /// are listed in `problems` and leave the setting as it was.
    static OtlpHttpExporterConfig fromEnvironment(
        const QProcessEnvironment& environment, QStringList* problems, OtlpHttpExporterConfig defaults);
    /// The three URLs as a collector's base URL gives them: base + /v1/traces, /v1/metrics, /v1/logs.
    void setBaseUrl(const QUrl& base);
    static OtlpHttpExporterConfig fromEnvironment(
        const QProcessEnvironment& environment, QStringList* problems = nullptr)
    {
        return fromEnvironment(environment, problems, OtlpHttpExporterConfig());
    }
    /// Parses OTEL_EXPORTER_OTLP_HEADERS: comma-separated key=value pairs, values percent-decoded.
    static bool parseHeaders(const QString& text, QList<std::pair<QByteArray, QByteArray>>* headers, QString* error);
};
