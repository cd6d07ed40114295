#include "processes.h"

#include <QFile>
#include <QString>

#include <csignal>

namespace Processes {

bool isAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true; // no procfs: trust kill()
    // The state letter follows the command name, which is in parentheses and may contain spaces.
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() || text.at(close + 2) != 'Z';
}

} // namespace Processes
