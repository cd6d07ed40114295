#pragma once

#include <QByteArrayView>

#include <array>

/// Ways a known client's OTLP/JSON departs from the specification that the decoder accepts
/// anyway, and how often each was met. The upstream Automagik SDKs (reference/upstream.md,
/// section 5, in the team's shared folder) send all of them; the receiver counts them in its
/// statistics so a deviation is visible, never silently absorbed.
class OtlpBends final
{
public:
    enum class Bend
    {
        TraceIdOf32Bytes, ///< a 64-hex-digit traceId: the first 16 bytes are kept
        EnumAsName, ///< span kind or status code as its proto name ("SPAN_KIND_INTERNAL")
        StatusCodeShortName, ///< status code as "OK" / "ERROR" / "UNSET"
        LargeIntegerAsNumber, ///< a 64-bit integer field (a time) as a JSON number, not a string
        ResourceInsideSpan, ///< a "resource" object inside each span
        ErrorReportedOk, ///< an "automagik.error" span with status OK: stored as ERROR
    };
    static constexpr int count = 6;

    void note(Bend bend) { ++m_counts[static_cast<size_t>(bend)]; }
    qint64 at(Bend bend) const { return m_counts[static_cast<size_t>(bend)]; }
    qint64 total() const
    {
        qint64 sum = 0;
        for (qint64 n : m_counts)
            sum += n;
        return sum;
    }
    void add(const OtlpBends& other)
    {
        for (size_t i = 0; i < m_counts.size(); ++i)
            m_counts[i] += other.m_counts[i];
    }
    /// A stable snake_case name for statistics and JSON output.
    static QByteArrayView name(Bend bend)
    {
        switch (bend) {
        case Bend::TraceIdOf32Bytes:
            return "trace_id_32_bytes";
        case Bend::EnumAsName:
            return "enum_as_name";
        case Bend::StatusCodeShortName:
            return "status_code_short_name";
        case Bend::LargeIntegerAsNumber:
            return "integer_as_json_number";
        case Bend::ResourceInsideSpan:
            return "resource_inside_span";
        case Bend::ErrorReportedOk:
            break;
        }
        return "error_reported_ok";
    }

private:
    std::array<qint64, count> m_counts {};
};
