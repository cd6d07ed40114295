#pragma once

#include "clickhouseendpoint.h"
#include "clickhouseserverinfo.h"

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTimer>

#include <memory>

class ClickHouseClient;
class ClickHouseReply;
class ClickHouseSchema;
class LocalClickHouseConfig;
class LocalClickHouseRunFiles;

/// A clickhouse-server (Debian's package, or any on PATH) run as our child process from a folder
/// we own: generated config and users files, loopback only, free ports chosen at each start, a
/// password-protected user, and the upstream telemetry schema installed at every start (in the
/// server's dialect; a failure to install leaves the server running and says why in
/// schemaError()). The app uses it as its embedded default and the tests use it as their
/// fixture. If we die, the kernel kills the server too (PR_SET_PDEATHSIG); a server left over
/// from a crash in the same folder is stopped at the next start. While it runs, its data folder
/// says how to reach it (LocalClickHouseRunFiles), for the headless commands.
class LocalClickHouse final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Stopping,
        Failed,
    };
    Q_ENUM(State)

    struct Options
    {
        QString dataDirectory; ///< required; created if missing
        QString serverBinary; ///< empty: $AUTOMAGIK_WORKBENCH_CLICKHOUSE_SERVER, then PATH, then /usr/sbin
        QString user = QStringLiteral("telemetry");
        QString password; ///< empty: a random one, kept in memory for the object's lifetime
        quint16 preferredHttpPort = 0; ///< used when free; 0 or taken: any free port (a restart reuses the last port)
        int startTimeoutMs = 60000;
        int maxStartAttempts = 5; ///< restarts with new ports when a port was taken under us
        /// The database the upstream schema is installed in at each start; empty: none.
        QString schemaDatabase = QStringLiteral("telemetry");
        /// How far below the workbench's CPU priority the server runs (nice, 0 to 19). Ingesting
        /// and merging at 10,000 records a second keeps ClickHouse's threads busy; on a machine
        /// with few cores the window then waited up to 66 ms for a core. Only a busy machine
        /// notices: an idle core still goes to the server at once.
        int niceness = 10;
    };

    explicit LocalClickHouse(Options options, QObject* parent = nullptr);
    /// Stops the server, waiting a bounded time (then kills it).
    ~LocalClickHouse() override;
    Q_DISABLE_COPY_MOVE(LocalClickHouse)

    /// Asynchronous: ready() (the server answers and the schema step is done) or failed() follows.
    void start();
    /// Asynchronous: SIGTERM, then SIGKILL if the server has not exited after a while; stopped() follows.
    void stop();
    /// Synchronous stop for shutdown paths; returns false if the server had to be killed.
    bool stopAndWait(int timeoutMs = 15000);

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    /// The endpoint to give a ClickHouseClient; valid once ready() was emitted.
    ClickHouseEndpoint endpoint() const;
    quint16 httpPort() const { return m_httpPort; }
    quint16 tcpPort() const { return m_tcpPort; }
    qint64 serverPid() const;
    QString serverVersion() const { return m_version; }
    /// What the running server can do (learned before ready()).
    const ClickHouseServerInfo& serverInfo() const { return m_info; }
    QString schemaDatabase() const { return m_options.schemaDatabase; }
    /// Why installing the schema at the last start failed, with the server's message; empty
    /// when it was installed (or none was asked for).
    QString schemaError() const { return m_schemaError; }
    QString dataDirectory() const { return m_options.dataDirectory; }
    /// The server's own log file (empty before the first start).
    QString serverLogPath() const;
    QString serverBinary() const { return m_binary; }
    /// True after a start that failed because no clickhouse-server is installed.
    bool isServerMissing() const { return m_serverMissing; }
    /// Why the last start failed or the server stopped, with what the server logged.
    QString errorString() const { return m_error; }
    /// The last lines the server wrote to its error log and stderr (stack frames left out).
    QString logTail(int maxLines = 30) const;

    /// The clickhouse-server to run, or an empty string when none is installed.
    static QString findServerBinary(const QString& explicitPath = {});
    /// What to tell a user who has no clickhouse-server.
    static QString installHint();
    /// The environment the server runs in: `system`'s, with the watchdog off and, unless the user
    /// set a MALLOC_CONF (not empty), allocatorSettings for its jemalloc.
    static QProcessEnvironment serverEnvironment(QProcessEnvironment system);
    /// jemalloc keeps freed memory for up to 30 s instead of returning large blocks to the kernel
    /// at once (its default above 8 MiB): every insert allocates its blocks anew, and where a page
    /// fault is slow (a virtual machine with shadow page tables: about 15 us each here) faulting
    /// them in again was most of the server's time (docs/PERFORMANCE.md, "The managed server's
    /// allocator"). The memory goes back gradually, when the server is next used after that.
    static constexpr char allocatorSettings[] = "oversize_threshold:0,dirty_decay_ms:30000,muzzy_decay_ms:0";

Q_SIGNALS:
    void stateChanged(LocalClickHouse::State state);
    void ready();
    void failed(const QString& error);
    void stopped();

private:
    void setState(State state);
    void launch();
    void fail(const QString& message);
    void pollPing();
    /// Sends one request of the start sequence; `then` runs with its answer while still starting.
    void ask(ClickHouseReply* reply, void (LocalClickHouse::*then)(ClickHouseReply*));
    void onPingFinished(ClickHouseReply* reply);
    void onVersionFinished(ClickHouseReply* reply);
    void onServerInfoFinished(ClickHouseReply* reply);
    void onPingAfterSchemaFailure(ClickHouseReply* reply);
    void installSchema();
    void becomeRunning();
    /// Stops the schema step and any probe under way.
    void abortSetup();
    /// The server is gone: its files go and the folder is free for another process.
    void releaseFolder();

    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    bool portsTakenInLastAttempt() const;
    static QString generatePassword();

    Options m_options;
    State m_state = State::Stopped;
    QString m_binary;
    QString m_password;
    QString m_version;
    ClickHouseServerInfo m_info;
    QString m_error;
    QString m_schemaError;
    quint16 m_httpPort = 0;
    quint16 m_tcpPort = 0;
    int m_attempt = 0;
    bool m_serverMissing = false;
    std::unique_ptr<LocalClickHouseConfig> m_config;
    std::unique_ptr<LocalClickHouseRunFiles> m_runFiles; ///< holds the folder's lock while we run it
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<ClickHouseClient> m_client;
    ClickHouseReply* m_pendingProbe = nullptr;
    std::unique_ptr<ClickHouseSchema> m_schema;
    QTimer m_pingTimer;
    QTimer m_startDeadline;
    QTimer m_killTimer;
};
