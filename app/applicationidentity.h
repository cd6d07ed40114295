#pragma once

class QCoreApplication;

/// Names, version and organisation for QSettings, QStandardPaths and --version; the same for the
/// window and every subcommand.
namespace ApplicationIdentity {
void apply(QCoreApplication& application);
} // namespace ApplicationIdentity
