#pragma once

#include <QString>

/// How the Traces page writes times and durations, the same in every list, tooltip and axis.
namespace TraceFormat {
/// 850 µs, 12.3 ms, 4.56 s, 2 min 5 s: three significant digits below a minute.
QString duration(quint64 nanoseconds);
/// The local date and time with milliseconds, as the results list and the logs show it.
QString time(quint64 unixNanoseconds);
} // namespace TraceFormat
