#pragma once

#include "openedtrace.h"

#include <QString>

/// Writes one trace as a capture in the OpenTelemetry file format (OTLP JSON Lines: its spans,
/// then its logs), the format the Replay page and `replay` open, and other tools too.
class TraceExport final
{
public:
    /// False with `error` when the file cannot be written.
    static bool write(const OpenedTrace& trace, const QString& path, QString* error);
};
