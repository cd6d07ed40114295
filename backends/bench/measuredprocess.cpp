#include "measuredprocess.h"

#include <QFile>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

using namespace Qt::StringLiterals;

namespace {
double now()
{
    timespec time {};
    ::clock_gettime(CLOCK_MONOTONIC, &time);
    return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
}

/// A NULL-terminated array of C strings over `strings`, which must outlive it.
std::vector<char*> pointers(std::vector<QByteArray>& strings)
{
    std::vector<char*> result;
    result.reserve(strings.size() + 1);
    for (QByteArray& string : strings)
        result.push_back(string.data());
    result.push_back(nullptr);
    return result;
}
} // namespace

namespace MeasuredProcess {

bool run(const QString& program, const QStringList& arguments, const QList<QPair<QString, QString>>& environment,
    const QString& standardOutput, Result* result, QString* error)
{
    QTemporaryFile errors;
    if (!errors.open()) {
        *error = u"cannot create a file for the standard error of %1: %2"_s.arg(program, errors.errorString());
        return false;
    }
    std::vector<QByteArray> argv { program.toLocal8Bit() };
    for (const QString& argument : arguments)
        argv.push_back(argument.toLocal8Bit());
    std::vector<QByteArray> envp;
    for (char** variable = environ; *variable; ++variable) {
        const QByteArray entry(*variable);
        bool replaced = false;
        for (const auto& [name, value] : environment)
            replaced = replaced || entry.startsWith(QByteArray(name.toLocal8Bit() + '='));
        if (!replaced)
            envp.push_back(entry);
    }
    for (const auto& [name, value] : environment)
        envp.push_back(QByteArray(name.toLocal8Bit() + '=' + value.toLocal8Bit()));
    std::vector<char*> argvPointers = pointers(argv);
    std::vector<char*> envpPointers = pointers(envp);

    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(
        &actions, 1, QFile::encodeName(standardOutput).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_adddup2(&actions, errors.handle(), 2);
    const double start = now();
    pid_t pid = 0;
    const int spawned =
        ::posix_spawnp(&pid, argv.front().constData(), &actions, nullptr, argvPointers.data(), envpPointers.data());
    ::posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        *error = u"cannot run %1: %2"_s.arg(program, QString::fromLocal8Bit(std::strerror(spawned)));
        return false;
    }
    int status = 0;
    rusage usage {};
    pid_t reaped = 0;
    do
        reaped = ::wait4(pid, &status, 0, &usage);
    while (reaped < 0 && errno == EINTR);
    result->seconds = now() - start;
    if (reaped != pid) {
        *error = u"cannot wait for %1: %2"_s.arg(program, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    result->exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result->peakRssKib = usage.ru_maxrss; // KiB on Linux
    errors.seek(0);
    result->standardError = errors.readAll();
    return true;
}

} // namespace MeasuredProcess
