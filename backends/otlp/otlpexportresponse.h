#pragma once

#include "otlpencoding.h"

#include <QByteArray>
#include <QString>

/// Export{Trace,Metrics,Logs}ServiceResponse: empty on full success; with a partial success, how
/// many items the server refused and why. A partial success must not be retried (spec).
struct OtlpExportResponse
{
    bool partialSuccess = false;
    qint64 rejected = 0; ///< rejected_spans / rejected_data_points / rejected_log_records
    QByteArray errorMessage;

    friend bool operator==(const OtlpExportResponse&, const OtlpExportResponse&) = default;

    QByteArray encode(Otlp::Signal signal, Otlp::Encoding encoding) const;
    /// False with `error` set when the body is not a response of this kind.
    static bool decode(Otlp::Signal signal, Otlp::Encoding encoding, QByteArrayView body, OtlpExportResponse* response,
        QString* error);
};

/// google.rpc.Status, the body of an OTLP/HTTP error answer (4xx/5xx): code and message.
struct OtlpStatus
{
    qint32 code = 0;
    QByteArray message;

    friend bool operator==(const OtlpStatus&, const OtlpStatus&) = default;

    QByteArray encode(Otlp::Encoding encoding) const;
    static bool decode(Otlp::Encoding encoding, QByteArrayView body, OtlpStatus* status, QString* error);
};
