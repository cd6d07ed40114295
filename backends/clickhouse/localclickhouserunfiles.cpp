#include "localclickhouserunfiles.h"

#include "common/processes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <csignal>

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

void LocalClickHouseRunFiles::writeRunning(
    qint64 serverPid, const ClickHouseEndpoint& endpoint, const QString& version) const
{
    QFile pid(pidFilePath());
    if (pid.open(QIODevice::WriteOnly | QIODevice::Truncate))
        pid.write(QByteArray::number(serverPid) + '\n');

    const QJsonObject connection {
        { u"http_url"_s, endpoint.url.toString() },
        { u"user"_s, endpoint.user },
        { u"password"_s, endpoint.password },
        { u"version"_s, version },
        { u"server_pid"_s, serverPid },
    };
    // Created owner-only before the secret is written, not made so after.
    QFile::remove(connectionFilePath());
    QFile file(connectionFilePath());
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        file.write(QJsonDocument(connection).toJson(QJsonDocument::Indented));
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
