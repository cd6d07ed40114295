#pragma once

#include "spanrecord.h"

/// Realistic Automagik events, built by SdkRecordBuilder the way an application using the Python
/// SDK sends them (system.* attributes, a few feature attributes, one shared resource): the
/// workload of the benchmarks and of the sample capture.
namespace SampleEvents {
QList<SpanRecord> automagikEvents(int count, quint64 firstTimeUnixNano = 1795860441000000000ull);
} // namespace SampleEvents
