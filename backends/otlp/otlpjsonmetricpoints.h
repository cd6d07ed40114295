#pragma once

#include "common/jsonview.h"
#include "common/jsonwriter.h"
#include "decodeerror.h"
#include "telemetry/metricpoint.h"

/// The metric data points in OTLP/JSON, by the point's type (Number, Histogram,
/// ExponentialHistogram, Summary), with their exemplars.
namespace OtlpJson {
void writePoint(JsonWriter& json, const MetricPoint& point);
/// Reads a point of `point->type` into `point`; `problem` is set for an invalid exemplar id.
bool readPoint(const JsonView& value, MetricPoint* point, QString* problem, DecodeError* error);
} // namespace OtlpJson
