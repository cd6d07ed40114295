#pragma once

#include "decodedbatch.h"
#include "telemetry/metricpoint.h"

#include <QByteArray>

/// ExportMetricsServiceRequest in protobuf (metrics.proto, metrics_service.proto). Consecutive
/// points of the same metric share one Metric message.
namespace OtlpProtobuf {
QByteArray encodeMetrics(const QList<MetricPoint>& points);
DecodedBatch<MetricPoint> decodeMetrics(QByteArrayView body);
} // namespace OtlpProtobuf
