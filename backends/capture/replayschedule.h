#pragma once

#include <QtGlobal>

/// When each record of a replay is due, as an offset from the replay's start. Offsets are
/// computed from the records' own timestamps and kept against the start, never as a sleep per
/// gap, so errors do not add up; a gap longer than the cap (after the speed factor) counts as the
/// cap, so a quiet hour or a clock jump never stalls a replay; a record older than the one before
/// it (out of order beyond the reader's window) is due at once. Pure arithmetic: tested without
/// a clock.
class ReplaySchedule final
{
public:
    enum class Mode
    {
        Speed, ///< the capture's own timing, scaled
        AsFastAsPossible,
        FixedRate, ///< records per second, whatever their timestamps
    };
    struct Options
    {
        Mode mode = Mode::Speed;
        double speed = 1.0; ///< 0.1 to 1000
        double rate = 0; ///< records per second, for FixedRate
        qint64 maxWaitNanos = 5'000'000'000; ///< the longest wait between two records
    };

    explicit ReplaySchedule(Options options)
        : m_options(options)
    { }

    /// The due offset, in nanoseconds from the start, of the next record sent.
    qint64 dueNanos(quint64 timeUnixNano);
    /// A new loop of the capture: its first record is due right after the last of this one.
    void startLoop() { m_lastTime = 0; }
    qint64 records() const { return m_records; }

private:
    Options m_options;
    qint64 m_position = 0;
    quint64 m_lastTime = 0; ///< 0: none yet in this loop
    qint64 m_records = 0;
};
