#pragma once

#include <QByteArrayView>
#include <QtGlobal>

/// The OTLP enums, with their proto values. Stored as the integer the wire carried, so a value a
/// newer peer sends (proto3 enums are open) survives a round trip unchanged.
namespace Otlp {

enum class SpanKind : qint32
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
};

enum class StatusCode : qint32
{
    Unset = 0,
    Ok = 1,
    Error = 2,
};

enum class AggregationTemporality : qint32
{
    Unspecified = 0,
    Delta = 1,
    Cumulative = 2,
};

/// SeverityNumber ranges: TRACE 1-4, DEBUG 5-8, INFO 9-12, WARN 13-16, ERROR 17-20, FATAL 21-24.
namespace Severity {
inline constexpr qint32 unspecified = 0;
inline constexpr qint32 trace = 1;
inline constexpr qint32 debug = 5;
inline constexpr qint32 info = 9;
inline constexpr qint32 warn = 13;
inline constexpr qint32 error = 17;
inline constexpr qint32 fatal = 21;
/// "TRACE", "DEBUG2", ..., "FATAL4"; "" for 0 and out-of-range values.
const char* shortName(qint32 number);
} // namespace Severity

/// Proto enum names ("SPAN_KIND_SERVER"), for decoders that accept them in JSON.
const char* spanKindName(SpanKind kind);
const char* statusCodeName(StatusCode code);
const char* temporalityName(AggregationTemporality temporality);
/// The enum value for a proto enum name, or -1.
qint32 spanKindFromName(QByteArrayView name);
qint32 statusCodeFromName(QByteArrayView name);
qint32 temporalityFromName(QByteArrayView name);
qint32 severityFromName(QByteArrayView name);

} // namespace Otlp
