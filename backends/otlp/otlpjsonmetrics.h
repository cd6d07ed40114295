#pragma once

#include "decodedbatch.h"
#include "telemetry/metricpoint.h"

#include <QByteArray>

/// ExportMetricsServiceRequest in OTLP/JSON. Consecutive points of one metric share a Metric.
namespace OtlpJson {
QByteArray encodeMetrics(const QList<MetricPoint>& points);
/// `textValidated`: the caller has run JsonReader::validate() on `body` (a capture reader that
/// looked at the line first); it is not checked twice.
DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body, bool textValidated = false);
} // namespace OtlpJson
