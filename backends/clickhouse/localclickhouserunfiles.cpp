#include "localclickhouserunfiles.h"

#include "common/processes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

LocalClickHouseRunFiles::LocalClickHouseRunFiles(QString dataDirectory)
    : m_dataDirectory(std::move(dataDirectory))
{ }

QString LocalClickHouseRunFiles::pidFilePath() const
{
    return QDir(m_dataDirectory).filePath(u"clickhouse-server.pid"_s);
}

QString LocalClickHouseRunFiles::connectionFilePath() const
{
    return QDir(m_dataDirectory).filePath(u"connection.json"_s);
}

LocalClickHouseRunFiles::~LocalClickHouseRunFiles() = default;

bool LocalClickHouseRunFiles::lock(QString* error)
{
    if (isLocked())
        return true;
    m_lock = std::make_unique<QLockFile>(QDir(m_dataDirectory).filePath(u"workbench.lock"_s));
    m_lock->setStaleLockTime(0); // held for as long as the server runs; only a dead owner frees it
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString application;
    m_lock->getLockInfo(&pid, &host, &application);
    ClickHouseEndpoint running;
    const QString where = readRunning(m_dataDirectory, &running, nullptr)
        ? u", listening at %1"_s.arg(running.url.toString())
        : u" (still starting)"_s;
    *error = u"a managed ClickHouse already runs from %1, owned by process %2 (%3)%4; the workbench and the "
             "headless commands use it by themselves, or stop it first ('automagik-workbench stack stop --data-dir "
             "%1' for one started by 'stack start')"_s.arg(m_dataDirectory)
                 .arg(pid)
                 .arg(application.isEmpty() ? u"unknown"_s : application, where);
    m_lock.reset();
    return false;
}

bool LocalClickHouseRunFiles::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

void LocalClickHouseRunFiles::unlock()
{
    m_lock.reset(); // QLockFile unlocks when it goes
}

namespace {
/// Writes `content` beside `path` and renames it over `path`: readers see the old file or the
/// new one, never a part. Created with `permissions`, before any byte is written.
bool replaceFile(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions)
{
    const QString temporary = path + u".new"_s;
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || file.write(content) != content.size()) {
        qWarning("cannot write %s: %s", qPrintable(temporary), qPrintable(file.errorString()));
        return false;
    }
    file.close();
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        qWarning("cannot rename %s to %s", qPrintable(temporary), qPrintable(path));
        QFile::remove(temporary);
        return false;
    }
    return true;
}
} // namespace

void LocalClickHouseRunFiles::writeRunning(
    qint64 serverPid, const ClickHouseEndpoint& endpoint, const QString& version) const
{
    const QJsonObject connection {
        { u"http_url"_s, endpoint.url.toString() },
        { u"user"_s, endpoint.user },
        { u"password"_s, endpoint.password },
        { u"version"_s, version },
        { u"server_pid"_s, serverPid },
    };
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    replaceFile(pidFilePath(), QByteArray::number(serverPid) + '\n', ownerOnly | QFileDevice::ReadGroup);
    replaceFile(connectionFilePath(), QJsonDocument(connection).toJson(QJsonDocument::Indented), ownerOnly);
}

void LocalClickHouseRunFiles::removeAll() const
{
    QFile::remove(connectionFilePath());
    QFile::remove(pidFilePath());
}

qint64 LocalClickHouseRunFiles::runningServerPid() const
{
    QFile file(pidFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    const QString configArgument = u"--config-file="_s + QDir(m_dataDirectory).absoluteFilePath(u"config.xml"_s);
    if (pid > 0 && cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(configArgument.toUtf8()))
        return pid;
    return 0;
}

void LocalClickHouseRunFiles::stopLeftoverServer() const
{
    // Only reached when an earlier owner could not take its server down with it (the death
    // signal normally does).
    if (const qint64 pid = runningServerPid(); pid > 0) {
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        for (int i = 0; i < 100 && Processes::isAlive(pid); ++i)
            QThread::msleep(20);
    }
    removeAll();
}

bool LocalClickHouseRunFiles::readRunning(const QString& dataDirectory, ClickHouseEndpoint* endpoint, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const LocalClickHouseRunFiles files(dataDirectory);
    QFile file(files.connectionFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"no managed ClickHouse runs from %1"_s.arg(dataDirectory));
    const QJsonObject connection = QJsonDocument::fromJson(file.readAll()).object();
    const qint64 pid = files.runningServerPid();
    if (pid == 0 || connection.value(u"server_pid"_s).toInteger() != pid)
        return fail(u"the managed ClickHouse that ran from %1 is gone"_s.arg(dataDirectory));
    endpoint->url = QUrl(connection.value(u"http_url"_s).toString());
    endpoint->user = connection.value(u"user"_s).toString();
    endpoint->password = connection.value(u"password"_s).toString();
    if (!endpoint->isValid())
        return fail(u"%1 does not name a server"_s.arg(files.connectionFilePath()));
    return true;
}
