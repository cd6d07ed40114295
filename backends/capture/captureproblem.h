#pragma once

#include <QString>

/// A part of a capture that could not be read: where (line or message number) and why. The rest
/// of the capture is read on.
struct CaptureProblem
{
    qint64 item = 0;
    QString reason;

    bool operator==(const CaptureProblem&) const = default;
};
