#pragma once

#include <QStringList>

/// `automagik-workbench bench <what>`: the project's benchmarks, printed as ratios measured in
/// one run (figures are recorded in docs/PERFORMANCE.md). `bench codec` measures the OTLP codecs.
namespace BenchCommand {
int run(const QStringList& arguments);
} // namespace BenchCommand
