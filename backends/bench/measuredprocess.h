#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/// Runs a program to its end the way a benchmark compares two of them: timed from the moment it
/// is spawned to the moment it is reaped (start-up included, as a user waits for it), with the
/// peak resident memory the kernel recorded for exactly that process (wait4's rusage), its
/// standard output sent to a file (/dev/null: nothing the benchmark reads costs it time) and
/// its standard error kept for the report.
namespace MeasuredProcess {

struct Result
{
    int exitCode = -1; ///< -1 when it was killed by a signal
    double seconds = 0;
    qint64 peakRssKib = 0;
    QByteArray standardError;
};

/// `environment` is added to this process's own. False (with `error`) when it cannot be spawned.
bool run(const QString& program, const QStringList& arguments, const QList<QPair<QString, QString>>& environment,
    const QString& standardOutput, Result* result, QString* error);

} // namespace MeasuredProcess
