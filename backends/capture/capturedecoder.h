#pragma once

#include "capturebatch.h"
#include "captureitem.h"

/// Decodes one capture item: an OTLP/JSON line (TracesData, MetricsData or LogsData; a line may
/// hold more than one of them), or a protobuf message, either perhaps a zstd frame of its own
/// (the file exporter's compressed variant). Thread-safe: items decode in parallel.
namespace CaptureDecoder {

/// The signal of protobuf messages, which do not say it themselves (JSON lines do).
enum class Signal
{
    Any, ///< tried as traces, logs, then metrics: the first that decodes cleanly
    Traces,
    Metrics,
    Logs,
};

struct Options
{
    bool lines = true; ///< items are JSON Lines (each one JSON, whatever it starts with)
    Signal protobufSignal = Signal::Any;
};

CaptureBatch decode(const CaptureItem& item, const Options& options);

} // namespace CaptureDecoder
