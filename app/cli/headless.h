#pragma once

/// True when the arguments ask for a subcommand, --version or --help: work without a display.
bool isHeadlessInvocation(int argc, char* argv[]);

/// Runs a subcommand (`automagik-workbench <command> ...`) and returns the process exit code:
/// 0 success, 1 the work failed, 2 the command line was wrong.
int runHeadless(int argc, char* argv[]);
