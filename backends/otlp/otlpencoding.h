#pragma once

#include <QByteArray>
#include <QByteArrayView>

/// The two OTLP/HTTP encodings and the three signals, with their wire names.
namespace Otlp {

enum class Encoding
{
    Protobuf, ///< application/x-protobuf
    Json, ///< application/json
};

enum class Signal
{
    Traces,
    Metrics,
    Logs,
};

inline QByteArray contentType(Encoding encoding)
{
    return encoding == Encoding::Protobuf ? QByteArrayLiteral("application/x-protobuf")
                                          : QByteArrayLiteral("application/json");
}

/// The default OTLP/HTTP path: /v1/traces, /v1/metrics, /v1/logs.
inline QByteArray defaultPath(Signal signal)
{
    switch (signal) {
    case Signal::Traces:
        return QByteArrayLiteral("/v1/traces");
    case Signal::Metrics:
        return QByteArrayLiteral("/v1/metrics");
    case Signal::Logs:
        break;
    }
    return QByteArrayLiteral("/v1/logs");
}

} // namespace Otlp
