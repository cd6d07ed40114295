#pragma once

#include "spanrecord.h"

/// Realistic Automagik events, built by SdkRecordBuilder the way an application using the Python
/// SDK sends them (system.* attributes, a few feature attributes, one shared resource): the
/// workload of the benchmarks and of the sample capture.
namespace SampleEvents {
QList<SpanRecord> automagikEvents(int count, quint64 firstTimeUnixNano = 1795860441000000000ull);

/// One span of a hand-built trace (tests, benchmarks): its id and its parent's made from numbers
/// (0: a root), an internal span whose status is OK, in the service `resource` names.
SpanRecord spanOf(const QByteArray& traceIdHex, const ResourcePtr& resource, quint64 number, quint64 parent,
    const QByteArray& name, quint64 startNs, quint64 endNs);
/// A resource that names only its service.
ResourcePtr serviceResource(const QByteArray& service);
} // namespace SampleEvents
