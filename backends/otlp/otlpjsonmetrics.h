#pragma once

#include "decodedbatch.h"
#include "telemetry/metricpoint.h"

#include <QByteArray>

/// ExportMetricsServiceRequest in OTLP/JSON. Consecutive points of one metric share a Metric.
namespace OtlpJson {
QByteArray encodeMetrics(const QList<MetricPoint>& points);
DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body);
} // namespace OtlpJson
