#pragma once

#include "capture/replayengine.h"
#include "capture/replayverifier.h"

/// How `replay` tells what happened: the live progress line on a terminal, one line per capture
/// problem, the summary (text, or one JSON object) and the verification.
namespace ReplayReport {

/// "\r  12,345 records  4,567/s  45%  ETA 0:12  lag 3 ms  0 problems" on standard error.
void printProgress(const ReplayEngine::Progress& progress);
void printProblem(const ReplayEngine::FileProblem& problem);
/// The summary; `verification` is null without --verify.
void printSummary(const ReplayEngine::Summary& summary, const ReplayVerifier::Result* verification, bool json);

} // namespace ReplayReport
