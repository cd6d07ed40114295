#pragma once

#include <QtGlobal>

/// Facts about other processes, for supervising the servers the workbench starts.
namespace Processes {

/// True while the process exists and has not exited. A zombie (exited, not yet reaped by its
/// parent) counts as gone: it holds no ports, files or memory any more.
bool isAlive(qint64 pid);

} // namespace Processes
