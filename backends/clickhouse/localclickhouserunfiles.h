#pragma once

#include "clickhouseendpoint.h"

#include <QString>

/// The files a running managed ClickHouse leaves in its data folder, for the processes that come
/// after: `clickhouse-server.pid` (so that a server orphaned by a crash is stopped at the next
/// start) and `connection.json` (where the server listens and the generated credentials, so that
/// `automagik-workbench sample`, `schema` and the other headless commands reach a server that a
/// window or `stack start` is running). The connection file is readable by its owner only
/// (0600), lives only while the server runs, and names a server that listens on loopback only;
/// no password is ever written to settings or logs.
class LocalClickHouseRunFiles final
{
public:
    explicit LocalClickHouseRunFiles(QString dataDirectory);

    QString pidFilePath() const;
    QString connectionFilePath() const;

    /// Records a server that is running: its pid, and how to connect to it.
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
};
