#pragma once

#include <QStringList>

/// `automagik-workbench send`: builds records as the Automagik SDKs' track_event, track_error,
/// track_metric and track_log build them and sends them through a backend, once or N times at a
/// rate: a quick way to see one event arrive, or to load a collector.
namespace SendCommand {
int run(const QStringList& arguments);
}
