#pragma once

/// True when the arguments name a command (known or not), --version or --help: answer without a
/// display. Only no arguments, or options, open the window.
bool isHeadlessInvocation(int argc, char* argv[]);

/// Runs a subcommand (`automagik-workbench <command> ...`) and returns the process exit code:
/// 0 success, 1 the work failed, 2 the command line was wrong (an unknown command among them).
int runHeadless(int argc, char* argv[]);
