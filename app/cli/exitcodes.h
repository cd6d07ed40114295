#pragma once

/// Exit codes shared by every subcommand, so that scripts can tell failure kinds apart.
namespace ExitCode {
inline constexpr int success = 0;
inline constexpr int failure = 1; ///< the work could not be done (details on stderr)
inline constexpr int usage = 2; ///< the command line was wrong
/// done, but not all of it: bad capture lines skipped, records refused, or a verification that
/// found records missing or stored twice (details on stderr and in --json)
inline constexpr int partial = 3;
} // namespace ExitCode
