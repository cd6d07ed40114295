#include "localclickhouse.h"

#include "clickhouseclient.h"
#include "clickhousereply.h"
#include "clickhouseschema.h"
#include "common/loopbackport.h"
#include "localclickhouseconfig.h"
#include "localclickhouserunfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr int pingIntervalMs = 100;
constexpr int probeTimeoutMs = 2000;
/// For the capability probe and the schema's statements: a loaded machine may take seconds.
constexpr int setupTimeoutMs = 30000;
constexpr int killAfterTermMs = 15000;
const char serverEnvironmentVariable[] = "AUTOMAGIK_WORKBENCH_CLICKHOUSE_SERVER";

/// During the steps after the server answered: an error of the transport (not an answer of the
/// server) means the server itself is in trouble.
bool isTransportError(const ClickHouseError& error)
{
    const auto kind = error.kind();
    return error.isError() && (kind == ClickHouseError::Kind::Network || kind == ClickHouseError::Kind::Timeout);
}

/// Reads at most the last `maxBytes` of a file, from `offset` on.
QByteArray readTail(const QString& path, qint64 offset, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 start = qMax(offset, file.size() - maxBytes);
    if (start > 0)
        file.seek(start);
    return file.readAll();
}

} // namespace

LocalClickHouse::LocalClickHouse(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_pingTimer.setInterval(pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &LocalClickHouse::pollPing);
    m_startDeadline.setSingleShot(true);
    connect(&m_startDeadline, &QTimer::timeout, this, [this] {
        fail(u"clickhouse-server did not answer on 127.0.0.1:%1 within %2 s"_s.arg(m_httpPort)
                 .arg(m_options.startTimeoutMs / 1000));
    });
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process && m_process->state() != QProcess::NotRunning)
            m_process->kill();
    });
}

LocalClickHouse::~LocalClickHouse()
{
    // Receivers may be half-destroyed during shutdown; they learn nothing from a dying object.
    blockSignals(true);
    stopAndWait();
}

QString LocalClickHouse::findServerBinary(const QString& explicitPath)
{
    if (!explicitPath.isEmpty())
        return QFileInfo(explicitPath).isExecutable() ? explicitPath : QString();
    const QString fromEnvironment = qEnvironmentVariable(serverEnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return QFileInfo(fromEnvironment).isExecutable() ? fromEnvironment : QString();
    // Debian installs it in /usr/sbin, which is not on a normal user's PATH.
    QString found = QStandardPaths::findExecutable(u"clickhouse-server"_s);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(
            u"clickhouse-server"_s, { u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/usr/bin"_s });
    return found;
}

QString LocalClickHouse::installHint()
{
    return u"clickhouse-server is not installed. Install it with \"sudo apt-get install clickhouse-server\" "
           "(or run packaging/install-deps.sh), or set %1 to the path of a clickhouse-server binary."_s.arg(
               QString::fromLatin1(serverEnvironmentVariable));
}

QString LocalClickHouse::generatePassword()
{
    static const QString alphabet = u"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"_s;
    QString password;
    for (int i = 0; i < 24; ++i)
        password += alphabet.at(QRandomGenerator::system()->bounded(alphabet.size()));
    return password;
}

ClickHouseEndpoint LocalClickHouse::endpoint() const
{
    ClickHouseEndpoint endpoint;
    endpoint.url.setScheme(u"http"_s);
    endpoint.url.setHost(u"127.0.0.1"_s);
    endpoint.url.setPort(m_httpPort);
    endpoint.user = m_options.user;
    endpoint.password = m_password;
    return endpoint;
}

qint64 LocalClickHouse::serverPid() const
{
    return m_process ? m_process->processId() : 0;
}

void LocalClickHouse::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void LocalClickHouse::start()
{
    if (m_state == State::Starting || m_state == State::Running || m_state == State::Stopping)
        return;
    m_error.clear();
    m_schemaError.clear();
    m_version.clear();
    m_info = {};
    m_attempt = 0;
    static const QRegularExpression validUser(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (m_options.dataDirectory.isEmpty())
        return fail(u"no data folder was given for the local ClickHouse"_s);
    if (!validUser.match(m_options.user).hasMatch())
        return fail(u"\"%1\" is not a valid ClickHouse user name (letters, digits and _)"_s.arg(m_options.user));
    m_binary = findServerBinary(m_options.serverBinary);
    m_serverMissing = m_binary.isEmpty();
    if (m_serverMissing)
        return fail(installHint());
    const bool created = !QFileInfo::exists(m_options.dataDirectory);
    if (!QDir().mkpath(m_options.dataDirectory))
        return fail(u"cannot create the data folder %1"_s.arg(m_options.dataDirectory));
    // A folder we make holds the server's data and, while it runs, its credentials: ours alone.
    if (created)
        QFile::setPermissions(
            m_options.dataDirectory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // One password and, when it is free, one port for the object's lifetime: a restarted server
    // keeps the endpoint its clients already have.
    if (m_password.isEmpty())
        m_password = m_options.password.isEmpty() ? generatePassword() : m_options.password;
    // One process runs a folder's server: two would overwrite each other's config and password.
    m_runFiles = std::make_unique<LocalClickHouseRunFiles>(m_options.dataDirectory);
    QString lockError;
    if (!m_runFiles->lock(&lockError))
        return fail(lockError);
    // With the folder ours, a server still running from it was left behind by a dead owner.
    m_runFiles->stopLeftoverServer();
    setState(State::Starting);
    m_startDeadline.start(m_options.startTimeoutMs);
    launch();
}

void LocalClickHouse::launch()
{
    ++m_attempt;
    const quint16 preferred = m_httpPort != 0 ? m_httpPort : m_options.preferredHttpPort;
    const bool usePreferred = m_attempt == 1 && LoopbackPort::isFree(preferred);
    m_httpPort = usePreferred ? preferred : LoopbackPort::pickFree();
    m_tcpPort = LoopbackPort::pickFree({ m_httpPort });
    if (m_httpPort == 0 || m_tcpPort == 0)
        return fail(u"no free TCP port on 127.0.0.1"_s);

    m_config = std::make_unique<LocalClickHouseConfig>(
        m_options.dataDirectory, m_httpPort, m_tcpPort, m_options.user, m_password);
    QString error;
    if (!m_config->write(&error))
        return fail(error);
    // Only what this attempt logs belongs in an error report.
    QFile::remove(m_config->errorLogPath());

    auto client = std::make_unique<ClickHouseClient>(endpoint());
    client->setTimeoutMs(probeTimeoutMs);
    m_client = std::move(client);

    if (m_process) {
        // A retry runs from the old process's finished() signal: let the sender outlive it.
        m_process->disconnect(this);
        m_process.release()->deleteLater();
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_binary);
    m_process->setArguments({ u"--config-file="_s + m_config->configPath() });
    m_process->setWorkingDirectory(m_options.dataDirectory);
    m_process->setProcessEnvironment(serverEnvironment(QProcessEnvironment::systemEnvironment()));
    m_process->setStandardOutputFile(m_config->stdoutPath());
    m_process->setStandardErrorFile(m_config->stderrPath());
    const pid_t ownerPid = ::getpid();
    const int niceness = std::clamp(m_options.niceness, 0, 19);
    m_process->setChildProcessModifier([ownerPid, niceness] {
        // Runs in the child between fork and exec. Own process group: a Ctrl-C in the terminal
        // reaches us, and we stop the server in order. Death signal: if we die, so does it.
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != ownerPid)
            ::_exit(127);
        // The server's threads inherit it. A failure leaves the server at our priority: harmless.
        if (niceness > 0) {
            [[maybe_unused]] const int niced = ::nice(niceness);
        }
    });
    connect(m_process.get(), &QProcess::finished, this, &LocalClickHouse::onProcessFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, &LocalClickHouse::onProcessError);
    m_process->start();
    m_pingTimer.start();
}

void LocalClickHouse::pollPing()
{
    if (m_pendingProbe || m_state != State::Starting)
        return;
    ask(m_client->ping(), &LocalClickHouse::onPingFinished);
}

void LocalClickHouse::ask(ClickHouseReply* reply, void (LocalClickHouse::*then)(ClickHouseReply*))
{
    // One request of the start sequence at a time; an answer that comes after a stop, a failure
    // or a newer request is dropped.
    m_pendingProbe = reply;
    connect(reply, &ClickHouseReply::finished, this, [this, reply, then] {
        reply->deleteLater();
        if (reply != m_pendingProbe)
            return;
        m_pendingProbe = nullptr;
        if (m_state == State::Starting)
            (this->*then)(reply);
    });
}

void LocalClickHouse::onPingFinished(ClickHouseReply* reply)
{
    if (!reply->isOk() || reply->text() != u"Ok."_s)
        return; // not up yet; the timer asks again
    m_pingTimer.stop();
    // /ping needs no credentials; a real query proves the generated user works.
    ask(m_client->query(u"SELECT version()"_s), &LocalClickHouse::onVersionFinished);
}

void LocalClickHouse::onVersionFinished(ClickHouseReply* reply)
{
    if (!reply->isOk()) {
        if (reply->error().kind() == ClickHouseError::Kind::Authentication)
            return fail(u"the managed server refused its own generated user: "_s + reply->error().toString());
        m_pingTimer.start();
        return;
    }
    m_version = reply->text().trimmed();
    // The server answers: the start deadline is met. The steps after it are bounded by their
    // own request timeouts, and a failure there leaves the server running.
    m_startDeadline.stop();
    // What the server can do decides the schema's dialect (and what the app may ask of it).
    m_client->setTimeoutMs(setupTimeoutMs);
    ask(m_client->query(ClickHouseServerInfo::probeQuery()), &LocalClickHouse::onServerInfoFinished);
}

void LocalClickHouse::onServerInfoFinished(ClickHouseReply* reply)
{
    if (isTransportError(reply->error()))
        return fail(u"clickhouse-server stopped answering while starting: "_s + reply->error().toString());
    QString error;
    if (!reply->isOk())
        error = reply->error().toString();
    else
        ClickHouseServerInfo::fromProbeResult(reply->text(), &m_info, &error);
    if (!error.isEmpty()) {
        // The server runs; only what depends on knowing it is missing. Say so, and go on.
        m_schemaError = u"cannot learn what the server can do: "_s + error;
        return becomeRunning();
    }
    m_client->setServerInfo(m_info);
    installSchema();
}

void LocalClickHouse::installSchema()
{
    if (m_options.schemaDatabase.isEmpty())
        return becomeRunning();
    m_schema = std::make_unique<ClickHouseSchema>(
        m_client.get(), ClickHouseSchemaDefinition::load(m_info.dialect(), m_options.schemaDatabase));
    connect(m_schema.get(), &ClickHouseSchema::finished, this, [this](bool ok, const QString& error) {
        m_schema.release()->deleteLater();
        if (ok)
            return becomeRunning();
        m_schemaError = u"the telemetry schema could not be installed in %1: %2"_s.arg(m_options.schemaDatabase, error);
        // Refused by the server, or the server gone? Only an answer to a last ping tells.
        ask(m_client->ping(), &LocalClickHouse::onPingAfterSchemaFailure);
    });
    m_schema->install(); // CREATE ... IF NOT EXISTS: the same at every start
}

void LocalClickHouse::onPingAfterSchemaFailure(ClickHouseReply* reply)
{
    if (!reply->isOk())
        return fail(u"clickhouse-server stopped answering while starting: "_s + m_schemaError);
    becomeRunning(); // it runs; the schema's failure is the server's answer, kept in schemaError()
}

void LocalClickHouse::releaseFolder()
{
    if (m_runFiles && m_runFiles->isLocked()) {
        m_runFiles->removeAll();
        m_runFiles->unlock();
    }
}

void LocalClickHouse::becomeRunning()
{
    if (m_state != State::Starting)
        return;
    m_startDeadline.stop();
    m_runFiles->writeRunning(serverPid(), endpoint(), m_version);
    setState(State::Running);
    Q_EMIT ready();
}

void LocalClickHouse::abortSetup()
{
    if (m_pendingProbe) {
        ClickHouseReply* probe = std::exchange(m_pendingProbe, nullptr);
        probe->abort();
    }
    m_schema.reset();
}

bool LocalClickHouse::portsTakenInLastAttempt() const
{
    return logTail(200).contains(u"Address already in use"_s);
}

QProcessEnvironment LocalClickHouse::serverEnvironment(QProcessEnvironment system)
{
    // Newer servers fork a watchdog parent; we are the watchdog.
    system.insert(u"CLICKHOUSE_WATCHDOG_ENABLE"_s, u"0"_s);
    if (system.value(u"MALLOC_CONF"_s).isEmpty())
        system.insert(u"MALLOC_CONF"_s, QString::fromLatin1(allocatorSettings));
    return system;
}

void LocalClickHouse::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    m_pingTimer.stop();
    abortSetup();
    if (m_state == State::Stopping) {
        m_killTimer.stop();
        releaseFolder();
        setState(State::Stopped);
        Q_EMIT stopped();
        return;
    }
    const QString how = status == QProcess::CrashExit ? u"crashed"_s : u"exited with code %1"_s.arg(exitCode);
    if (m_state == State::Starting) {
        if (portsTakenInLastAttempt() && m_attempt < m_options.maxStartAttempts)
            return launch(); // someone took a port between our check and the server's bind
        return fail(u"clickhouse-server %1 while starting"_s.arg(how));
    }
    if (m_state == State::Running)
        fail(u"clickhouse-server stopped unexpectedly: it %1"_s.arg(how));
}

void LocalClickHouse::onProcessError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart && m_state == State::Starting)
        fail(u"cannot run %1: %2"_s.arg(m_binary, m_process->errorString()));
}

void LocalClickHouse::fail(const QString& message)
{
    m_pingTimer.stop();
    m_startDeadline.stop();
    m_killTimer.stop();
    abortSetup();
    const QString tail = logTail();
    m_error = tail.isEmpty() ? message : message + u"\n\nWhat the server logged last:\n"_s + tail;
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    releaseFolder();
    setState(State::Failed);
    Q_EMIT failed(m_error);
}

void LocalClickHouse::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        releaseFolder();
        if (m_state != State::Failed)
            setState(State::Stopped);
        Q_EMIT stopped();
        return;
    }
    if (m_state == State::Stopping)
        return;
    m_pingTimer.stop();
    m_startDeadline.stop();
    abortSetup(); // no more statements for a server that is going
    if (m_client)
        m_client->closeIdleConnections();
    setState(State::Stopping);
    m_process->terminate();
    m_killTimer.start(killAfterTermMs);
}

bool LocalClickHouse::stopAndWait(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        releaseFolder();
        if (m_state != State::Failed)
            setState(State::Stopped);
        return true;
    }
    if (m_state != State::Stopping) {
        m_pingTimer.stop();
        m_startDeadline.stop();
        abortSetup();
        if (m_client)
            m_client->closeIdleConnections();
        setState(State::Stopping);
        m_process->terminate();
    }
    if (m_process->waitForFinished(timeoutMs))
        return true;
    m_process->kill();
    m_process->waitForFinished(5000);
    return false;
}

QString LocalClickHouse::serverLogPath() const
{
    return m_config ? m_config->serverLogPath() : QString();
}

QString LocalClickHouse::logTail(int maxLines) const
{
    if (!m_config)
        return {};
    QStringList lines;
    for (const QString& path : { m_config->stderrPath(), m_config->errorLogPath() }) {
        const QString text = QString::fromUtf8(readTail(path, 0, 256 * 1024));
        for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
            static const QRegularExpression stackFrame(u"^\\s*\\d+\\. "_s);
            if (stackFrame.match(line).hasMatch() || line.startsWith(u"Logging "_s))
                continue;
            lines.append(line.trimmed());
        }
    }
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines.join(u'\n');
}
