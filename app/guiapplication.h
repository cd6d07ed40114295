#pragma once

/// `automagik-workbench` with no subcommand: the window, with a managed local ClickHouse unless
/// an external one is named. Returns the process exit code.
int runGuiApplication(int argc, char* argv[]);
