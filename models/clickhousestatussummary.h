#pragma once

#include <QCoreApplication>
#include <QString>

class ClickHouseProbe;
class LocalClickHouse;

/// What the window says about ClickHouse in one line, derived from the managed server's state
/// (when the workbench runs its own) and the latest probe sample. Kept apart from the widgets so
/// the wording can be tested without a display.
struct ClickHouseStatusSummary
{
    Q_DECLARE_TR_FUNCTIONS(ClickHouseStatusSummary)

public:
    enum class Level
    {
        Idle, ///< nothing to report yet, or stopped on purpose
        Pending, ///< starting, stopping, first check in flight
        Ok, ///< a real query answered with our credentials
        Error, ///< unreachable, failed, not installed
    };

    Level level = Level::Idle;
    QString text; ///< for the status bar
    QString detail; ///< for a tooltip: the full error or the server's log tail

    /// `managed` may be null when the workbench talks to an external server.
    static ClickHouseStatusSummary summarize(const LocalClickHouse* managed, const ClickHouseProbe* probe);
};
