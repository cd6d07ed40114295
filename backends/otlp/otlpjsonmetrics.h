#pragma once

#include "decodedbatch.h"
#include "telemetry/metricpoint.h"

#include <QByteArray>

class JsonView;

/// ExportMetricsServiceRequest in OTLP/JSON. Consecutive points of one metric share a Metric.
namespace OtlpJson {
QByteArray encodeMetrics(const QList<MetricPoint>& points);
DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body);
/// The value of a validated text's "resourceMetrics" (or its snake_case twin), for a caller that walks the
/// root itself; messages as decodeMetrics gives them.
DecodedBatch<MetricPoint> decodeMetricList(const JsonView& resourceMetrics);
} // namespace OtlpJson
