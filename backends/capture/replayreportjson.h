#pragma once

#include "replayengine.h"
#include "replayverifier.h"

#include <QJsonObject>

/// A replay's report as one JSON object, the same from `replay --json` and the Replay page's
/// "Save report": what was sent per signal, what the output did, timing and lag, and the
/// verification per table with the first missing and duplicated sequence numbers.
namespace ReplayReportJson {
QJsonObject summary(const ReplayEngine::Summary& summary, const ReplayVerifier::Result* verification);
QJsonObject verification(const ReplayVerifier::Result& result);
} // namespace ReplayReportJson
