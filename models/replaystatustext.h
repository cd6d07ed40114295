#pragma once

#include "capture/replayengine.h"

#include <QString>

/// The Replay page's status line, worded here so it is testable without a window: the progress
/// of a running replay (records sent, of how many when the listing knows, rate, ETA, lag) and the
/// outcome of a finished one.
namespace ReplayStatusText {

struct ProgressLine
{
    QString text;
    double fraction = -1; ///< 0..1, or negative when there is no end to measure against (looping)
};

/// `expectedRecords` is what the listing counted (0 when unknown); it is a better measure than
/// the engine's bytes read, which run ahead of what is sent.
ProgressLine progress(const ReplayEngine::Progress& progress, qint64 expectedRecords);
QString finished(const ReplayEngine::Summary& summary);
/// "m:ss".
QString clock(qint64 ms);

} // namespace ReplayStatusText
