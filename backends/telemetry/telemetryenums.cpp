#include "telemetryenums.h"

#include <QByteArrayView>

namespace Otlp {
namespace {
constexpr const char* spanKinds[] = { "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER",
    "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER" };
constexpr const char* statusCodes[] = { "STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR" };
constexpr const char* temporalities[] = { "AGGREGATION_TEMPORALITY_UNSPECIFIED", "AGGREGATION_TEMPORALITY_DELTA",
    "AGGREGATION_TEMPORALITY_CUMULATIVE" };
constexpr const char* severityShort[] = { "", "TRACE", "TRACE2", "TRACE3", "TRACE4", "DEBUG", "DEBUG2", "DEBUG3",
    "DEBUG4", "INFO", "INFO2", "INFO3", "INFO4", "WARN", "WARN2", "WARN3", "WARN4", "ERROR", "ERROR2", "ERROR3",
    "ERROR4", "FATAL", "FATAL2", "FATAL3", "FATAL4" };

template<size_t N>
qint32 indexOf(const char* const (&names)[N], QByteArrayView name)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == names[i])
            return static_cast<qint32>(i);
    }
    return -1;
}
} // namespace

const char* Severity::shortName(qint32 number)
{
    return number >= 0 && number <= 24 ? severityShort[number] : "";
}

const char* spanKindName(SpanKind kind)
{
    const auto value = static_cast<qint32>(kind);
    return value >= 0 && value <= 5 ? spanKinds[value] : "";
}

const char* statusCodeName(StatusCode code)
{
    const auto value = static_cast<qint32>(code);
    return value >= 0 && value <= 2 ? statusCodes[value] : "";
}

const char* temporalityName(AggregationTemporality temporality)
{
    const auto value = static_cast<qint32>(temporality);
    return value >= 0 && value <= 2 ? temporalities[value] : "";
}

qint32 spanKindFromName(QByteArrayView name)
{
    return indexOf(spanKinds, name);
}

qint32 statusCodeFromName(QByteArrayView name)
{
    return indexOf(statusCodes, name);
}

qint32 temporalityFromName(QByteArrayView name)
{
    return indexOf(temporalities, name);
}

qint32 severityFromName(QByteArrayView name)
{
    // The proto names are SEVERITY_NUMBER_<SHORT>.
    static constexpr char prefix[] = "SEVERITY_NUMBER_";
    if (name == "SEVERITY_NUMBER_UNSPECIFIED")
        return 0;
    if (!name.startsWith(prefix))
        return -1;
    const QByteArrayView rest = name.sliced(sizeof prefix - 1);
    for (qint32 i = 1; i <= 24; ++i) {
        if (rest == severityShort[i])
            return i;
    }
    return -1;
}

} // namespace Otlp
