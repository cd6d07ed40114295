#pragma once

#include "clickhouseendpoint.h"

#include <QString>

#include <memory>

class QLockFile;

/// The files a running managed ClickHouse leaves in its data folder, for the processes that come
/// after: `clickhouse-server.pid` (so that a server orphaned by a crash is stopped at the next
/// start) and `connection.json` (where the server listens and the generated credentials, so that
/// `automagik-workbench sample`, `schema` and the other headless commands reach a server that a
/// window or `stack start` is running). The connection file is readable by its owner only
/// (0600), lives only while the server runs, and names a server that listens on loopback only;
/// no password is ever written to settings or logs. One process at a time runs the folder's
/// server: it holds `workbench.lock` (a QLockFile, released by the kernel's view of a dead
/// process: a crashed owner's lock is stale at once) from the start until the server has stopped.
class LocalClickHouseRunFiles final
{
public:
    explicit LocalClickHouseRunFiles(QString dataDirectory);
    ~LocalClickHouseRunFiles();
    Q_DISABLE_COPY_MOVE(LocalClickHouseRunFiles)

    /// Takes the folder for this process; false, with who holds it and where its server listens,
    /// when another live process runs the folder's server.
    bool lock(QString* error);
    bool isLocked() const;
    void unlock();

    QString pidFilePath() const;
    QString connectionFilePath() const;

    /// Records a server that is running: its pid, and how to connect to it. Each file is written
    /// beside its name and renamed over it, so a reader never sees half of one.
    void writeRunning(qint64 serverPid, const ClickHouseEndpoint& endpoint, const QString& version) const;
    /// The server is gone: both files go.
    void removeAll() const;
    /// Kills a server that an earlier owner left running from this folder (SIGKILL: it is an
    /// orphan, and MergeTree is crash-safe), and removes its files.
    void stopLeftoverServer() const;

    /// The endpoint of a managed server that runs from `dataDirectory` now; false (with the
    /// reason in `error`, which may be null) when none does.
    static bool readRunning(const QString& dataDirectory, ClickHouseEndpoint* endpoint, QString* error);

private:
    /// The pid in the pid file when that process is the clickhouse-server of this folder, else 0.
    qint64 runningServerPid() const;

    QString m_dataDirectory;
    std::unique_ptr<QLockFile> m_lock;
};
