#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/localclickhouse.h"
#include "clickhouse/localclickhouseconfig.h"
#include "clickhouse/localclickhouserunfiles.h"
#include "clickhousefixture.h"
#include "common/processes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <memory>
#include <sys/file.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using State = LocalClickHouse::State;

namespace {
QString runQuery(const ClickHouseEndpoint& endpoint, const QString& sql, QString* error = nullptr)
{
    ClickHouseClient client(endpoint);
    std::unique_ptr<ClickHouseReply> reply(client.query(sql));
    if (!ClickHouseFixture::waitFor(reply.get()) || !reply->isOk()) {
        if (error)
            *error = reply->error().toString();
        return {};
    }
    return reply->text();
}

/// Starts `automagik-workbench stack start --json` and returns its JSON line.
QJsonObject startStackProcess(QProcess& process, const QString& dataDirectory)
{
    process.setProgram(QString::fromUtf8(WORKBENCH_APP_PATH));
    process.setArguments({ u"stack"_s, u"start"_s, u"--json"_s, u"--data-dir"_s, dataDirectory });
    process.start();
    QByteArray line;
    const bool answered = QTest::qWaitFor(
        [&] {
            line += process.readAllStandardOutput();
            return line.contains('\n') || process.state() == QProcess::NotRunning;
        },
        90000);
    if (!answered)
        return {};
    return QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
}
} // namespace

class TestLocalClickHouse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoServersStartAtOnce();
    void takenPreferredPortIsReplaced();
    void failingServerReportsItsLog();
    void missingServerSaysHowToInstall();
    void stopIsCleanAndDataSurvivesRestart();
    void schemaIsInstalledAtEveryStart();
    void schemaThatCannotBeInstalledIsReportedAndTheServerRuns();
    void runningServerIsFoundThroughItsFolder();
    void leftoverServerInTheSameFolderIsStopped();
    void aSecondOwnerIsRefusedAndTheFirstRunsOn();
    void killedOwnerLeavesNoServer();
    void stackStopStopsTheServerInOrder();
};

void TestLocalClickHouse::initTestCase()
{
    if (LocalClickHouse::findServerBinary().isEmpty())
        QFAIL(qPrintable(u"These tests need a real clickhouse-server. "_s + LocalClickHouse::installHint()));
}

void TestLocalClickHouse::twoServersStartAtOnce()
{
    QTemporaryDir first;
    QTemporaryDir second;
    LocalClickHouse::Options asTheWindowStartsIt = ClickHouseFixture::optionsIn(first.path());
    asTheWindowStartsIt.niceness = LocalClickHouse::Options().niceness;
    LocalClickHouse a(asTheWindowStartsIt);
    LocalClickHouse::Options atOurPriority = ClickHouseFixture::optionsIn(second.path());
    atOurPriority.niceness = 0;
    LocalClickHouse b(atOurPriority);
    a.start();
    b.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(a));
    QVERIFY(ClickHouseFixture::waitForStartOutcome(b));
    QVERIFY2(a.isRunning(), qPrintable(a.errorString()));
    QVERIFY2(b.isRunning(), qPrintable(b.errorString()));
    QVERIFY(a.httpPort() != b.httpPort());
    QVERIFY(a.tcpPort() != b.tcpPort());
    QVERIFY(a.serverPid() != b.serverPid());
    // A runs below our CPU priority, as the window starts it; b was asked to run at ours.
    // getpriority() may return -1 as a value: errno tells an error.
    const auto priorityOf = [](id_t pid, int* priority) {
        errno = 0;
        *priority = ::getpriority(PRIO_PROCESS, pid);
        return errno == 0;
    };
    int ours = 0;
    int ofA = 0;
    int ofB = 0;
    QVERIFY(priorityOf(0, &ours) && priorityOf(id_t(a.serverPid()), &ofA) && priorityOf(id_t(b.serverPid()), &ofB));
    QVERIFY2(ours + LocalClickHouse::Options().niceness <= 19,
        "run the tests at nice 9 or less: above it, the server cannot go 10 lower than them");
    QCOMPARE(ofA, ours + LocalClickHouse::Options().niceness);
    QCOMPARE(ofB, ours);
    // Its allocator runs with our settings (or the user's: docs/PERFORMANCE.md), it is the
    // jemalloc that reads them, and jemalloc took them: it names a setting it does not know on
    // stderr as it starts.
    QFile serverEnvironment(u"/proc/%1/environ"_s.arg(a.serverPid()));
    QVERIFY(serverEnvironment.open(QIODevice::ReadOnly));
    const QString expected =
        LocalClickHouse::serverEnvironment(QProcessEnvironment::systemEnvironment()).value(u"MALLOC_CONF"_s);
    QVERIFY(serverEnvironment.readAll().split('\0').contains(QByteArray("MALLOC_CONF=" + expected.toUtf8())));
    QFile serverMaps(u"/proc/%1/maps"_s.arg(a.serverPid()));
    QVERIFY(serverMaps.open(QIODevice::ReadOnly));
    QVERIFY2(serverMaps.readAll().contains("/libjemalloc.so"),
        "this clickhouse-server does not use the system's jemalloc: MALLOC_CONF does nothing for it");
    QFile stderrLog(LocalClickHouseConfig(first.path(), 0, 0, {}, {}).stderrPath());
    QVERIFY2(stderrLog.open(QIODevice::ReadOnly), qPrintable(stderrLog.fileName()));
    const QByteArray complaints = stderrLog.readAll();
    QVERIFY2(!complaints.contains("<jemalloc>"), complaints.constData());
    QCOMPARE(runQuery(a.endpoint(), u"SELECT 40 + 2"_s), u"42"_s);
    QCOMPARE(runQuery(b.endpoint(), u"SELECT 40 + 3"_s), u"43"_s);
    // Each has its own credentials: a's password does not open b.
    ClickHouseEndpoint crossed = b.endpoint();
    crossed.password = a.endpoint().password;
    QString error;
    QVERIFY(runQuery(crossed, u"SELECT 1"_s, &error).isEmpty());
    QVERIFY2(error.contains(u"Authentication failed"_s), qPrintable(error));
}

void TestLocalClickHouse::takenPreferredPortIsReplaced()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir directory;
    LocalClickHouse::Options options = ClickHouseFixture::optionsIn(directory.path());
    options.preferredHttpPort = squatter.serverPort();
    LocalClickHouse server(options);
    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QVERIFY(server.httpPort() != squatter.serverPort());
    QCOMPARE(runQuery(server.endpoint(), u"SELECT 1"_s), u"1"_s);
}

void TestLocalClickHouse::failingServerReportsItsLog()
{
    // Something else holds the data folder: ClickHouse refuses to share it (its status-file lock),
    // logs why and exits before it listens.
    QTemporaryDir directory;
    QVERIFY(QDir().mkpath(directory.filePath(u"data"_s)));
    QFile status(directory.filePath(u"data/status"_s));
    QVERIFY(status.open(QIODevice::WriteOnly));
    QCOMPARE(::flock(status.handle(), LOCK_EX | LOCK_NB), 0);

    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    QSignalSpy failed(&server, &LocalClickHouse::failed);
    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QCOMPARE(server.state(), State::Failed);
    QCOMPARE(failed.size(), 1);
    const QString error = failed.at(0).at(0).toString();
    QVERIFY2(error.contains(u"clickhouse-server exited with code"_s), qPrintable(error));
    QVERIFY2(error.contains(u"What the server logged last:"_s), qPrintable(error));
    QVERIFY2(error.contains(u"Another server instance in same directory is already running"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"StackTrace"_s), "stack frames are left out of the tail");
    QVERIFY(!server.isServerMissing());
    QCOMPARE(server.errorString(), error);
}

void TestLocalClickHouse::missingServerSaysHowToInstall()
{
    QTemporaryDir directory;
    LocalClickHouse::Options options = ClickHouseFixture::optionsIn(directory.path());
    options.serverBinary = directory.filePath(u"bin/clickhouse-server"_s);
    LocalClickHouse server(options);
    QSignalSpy failed(&server, &LocalClickHouse::failed);
    server.start();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(server.state(), State::Failed);
    QVERIFY(server.isServerMissing());
    QVERIFY2(
        server.errorString().contains(u"sudo apt-get install clickhouse-server"_s), qPrintable(server.errorString()));
}

void TestLocalClickHouse::stopIsCleanAndDataSurvivesRestart()
{
    QTemporaryDir directory;
    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QString error;
    runQuery(server.endpoint(), u"CREATE TABLE default.kept (x UInt32) ENGINE = MergeTree ORDER BY x"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    runQuery(server.endpoint(), u"INSERT INTO default.kept VALUES (7), (8)"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const qint64 pid = server.serverPid();
    QVERIFY(Processes::isAlive(pid));
    QVERIFY(QFile::exists(directory.filePath(u"clickhouse-server.pid"_s)));
    QSignalSpy stopped(&server, &LocalClickHouse::stopped);
    server.stop();
    QCOMPARE(server.state(), State::Stopping);
    QVERIFY(stopped.wait(20000));
    QCOMPARE(server.state(), State::Stopped);
    QVERIFY(!Processes::isAlive(pid));
    QVERIFY(!QFile::exists(directory.filePath(u"clickhouse-server.pid"_s)));
    QVERIFY2(QFile(directory.filePath(u"log/clickhouse-server.log"_s)).exists(), "the server's log stays for reading");

    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QCOMPARE(runQuery(server.endpoint(), u"SELECT sum(x) FROM default.kept"_s), u"15"_s);
}

void TestLocalClickHouse::schemaIsInstalledAtEveryStart()
{
    QTemporaryDir directory;
    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    QSignalSpy ready(&server, &LocalClickHouse::ready);
    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QCOMPARE(ready.size(), 1);
    // By the time ready() is emitted the tables are there, in the server's dialect.
    QVERIFY2(server.schemaError().isEmpty(), qPrintable(server.schemaError()));
    QVERIFY(server.serverInfo().isValid());
    QCOMPARE(server.serverInfo().versionString(), server.serverVersion());
    const QString tables = runQuery(server.endpoint(),
        u"SELECT arrayStringConcat(groupArray(name), ',') FROM (SELECT name FROM system.tables WHERE database = "
        "'telemetry' AND name IN ('traces', 'metrics', 'logs') ORDER BY name)"_s);
    QCOMPARE(tables, u"logs,metrics,traces"_s);
    const QString attributes = runQuery(server.endpoint(),
        u"SELECT type FROM system.columns WHERE database = 'telemetry' AND table = 'traces' AND name LIKE "
        u"'attributes%' "
        "ORDER BY name LIMIT 1"_s);
    QCOMPARE(attributes,
        server.serverInfo().dialect() == ClickHouseServerInfo::Dialect::Modern ? u"Map(String, String)"_s
                                                                               : u"Array(String)"_s);

    // Rows survive a restart: installing again (IF NOT EXISTS) leaves them alone.
    QString error;
    runQuery(server.endpoint(),
        u"INSERT INTO telemetry.logs (log_id, body, service_name, project_name) VALUES ('kept', 'b', 's', 'p')"_s,
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(server.stopAndWait());
    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QVERIFY2(
        server.isRunning() && server.schemaError().isEmpty(), qPrintable(server.errorString() + server.schemaError()));
    QCOMPARE(runQuery(server.endpoint(), u"SELECT count() FROM telemetry.logs WHERE log_id = 'kept'"_s), u"1"_s);
}

void TestLocalClickHouse::schemaThatCannotBeInstalledIsReportedAndTheServerRuns()
{
    // An older, damaged installation: traces without duration_ms and the rollup's view gone.
    // Creating the view again needs the column, so the server refuses, with its own message.
    QTemporaryDir directory;
    QString damage;
    QVERIFY2(ClickHouseFixture::damageSchemaIn(directory.path(), &damage), qPrintable(damage));
    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    QSignalSpy ready(&server, &LocalClickHouse::ready);
    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QCOMPARE(ready.size(), 1);
    const QString error = server.schemaError();
    QVERIFY2(error.startsWith(u"the telemetry schema could not be installed in telemetry: "_s), qPrintable(error));
    QVERIFY2(error.contains(u"duration_ms"_s), qPrintable(error)); // the server's own words
    QCOMPARE(runQuery(server.endpoint(), u"SELECT 1"_s), u"1"_s);
}

void TestLocalClickHouse::runningServerIsFoundThroughItsFolder()
{
    QTemporaryDir directory;
    ClickHouseEndpoint found;
    QString why;
    QVERIFY(!LocalClickHouseRunFiles::readRunning(directory.path(), &found, &why));
    QVERIFY2(why.contains(u"no managed ClickHouse runs from"_s), qPrintable(why));

    LocalClickHouse server(ClickHouseFixture::optionsIn(directory.path()));
    server.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(server));
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QVERIFY2(LocalClickHouseRunFiles::readRunning(directory.path(), &found, &why), qPrintable(why));
    QCOMPARE(found.url, server.endpoint().url);
    QCOMPARE(found.user, server.endpoint().user);
    QCOMPARE(found.password, server.endpoint().password);
    const QFileInfo file(LocalClickHouseRunFiles(directory.path()).connectionFilePath());
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QCOMPARE(runQuery(found, u"SELECT 2"_s), u"2"_s);

    QVERIFY(server.stopAndWait());
    QVERIFY(!QFile::exists(file.filePath()));
    QVERIFY(!LocalClickHouseRunFiles::readRunning(directory.path(), &found, &why));
}

void TestLocalClickHouse::leftoverServerInTheSameFolderIsStopped()
{
    QTemporaryDir directory;
    LocalClickHouse first(ClickHouseFixture::optionsIn(directory.path()));
    first.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(first));
    QVERIFY2(first.isRunning(), qPrintable(first.errorString()));
    const qint64 leftoverPid = first.serverPid();

    // To `second`, the first server looks exactly like one left behind by a crashed workbench
    // once the folder's lock is gone (a dead owner's lock is stale; here it is taken away).
    QVERIFY(QFile::remove(directory.filePath(u"workbench.lock"_s)));
    LocalClickHouse second(ClickHouseFixture::optionsIn(directory.path()));
    second.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(second));
    QVERIFY2(second.isRunning(), qPrintable(second.errorString()));
    QVERIFY(!Processes::isAlive(leftoverPid));
    QTRY_COMPARE_WITH_TIMEOUT(first.state(), State::Failed, 10000);
    QVERIFY2(first.errorString().contains(u"stopped unexpectedly"_s), qPrintable(first.errorString()));
    QCOMPARE(runQuery(second.endpoint(), u"SELECT 1"_s), u"1"_s);
}

void TestLocalClickHouse::aSecondOwnerIsRefusedAndTheFirstRunsOn()
{
    // Two windows, or a window and `stack start`, on one data folder: the second must not
    // rewrite the first's config and password, nor kill its server.
    QTemporaryDir directory;
    LocalClickHouse first(ClickHouseFixture::optionsIn(directory.path()));
    first.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(first));
    QVERIFY2(first.isRunning(), qPrintable(first.errorString()));
    const QByteArray connection = [&] {
        QFile file(directory.filePath(u"connection.json"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!connection.isEmpty());

    LocalClickHouse second(ClickHouseFixture::optionsIn(directory.path()));
    second.start();
    QCOMPARE(second.state(), State::Failed);
    QVERIFY2(
        second.errorString().contains(u"a managed ClickHouse already runs from"_s), qPrintable(second.errorString()));
    QVERIFY2(second.errorString().contains(first.endpoint().url.toString()), qPrintable(second.errorString()));
    // The first runs on, unharmed: same server, same credentials, same connection file.
    QVERIFY(first.isRunning());
    QCOMPARE(runQuery(first.endpoint(), u"SELECT 41 + 1"_s), u"42"_s);
    QFile file(directory.filePath(u"connection.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), connection);
    // Once the first has stopped, the folder is free again.
    QVERIFY(first.stopAndWait());
    second.start();
    QVERIFY(ClickHouseFixture::waitForStartOutcome(second));
    QVERIFY2(second.isRunning(), qPrintable(second.errorString()));
}

void TestLocalClickHouse::killedOwnerLeavesNoServer()
{
    QTemporaryDir directory;
    QProcess owner;
    const QJsonObject started = startStackProcess(owner, directory.path());
    QVERIFY2(started.value(u"state"_s).toString() == u"running"_s,
        qPrintable(QString::fromUtf8(owner.readAllStandardError())));
    const qint64 serverPid = started.value(u"server_pid"_s).toInteger();
    QVERIFY(Processes::isAlive(serverPid));

    ClickHouseEndpoint endpoint;
    endpoint.url = QUrl(started.value(u"http_url"_s).toString());
    endpoint.user = started.value(u"user"_s).toString();
    endpoint.password = started.value(u"password"_s).toString();
    QCOMPARE(runQuery(endpoint, u"SELECT 1"_s), u"1"_s);

    QElapsedTimer sinceKill;
    sinceKill.start();
    ::kill(static_cast<pid_t>(owner.processId()), SIGKILL); // no chance to clean up
    QVERIFY(owner.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!Processes::isAlive(serverPid), 10000);
    qInfo("the orphaned server was gone %lld ms after its owner was killed", sinceKill.elapsed());
}

void TestLocalClickHouse::stackStopStopsTheServerInOrder()
{
    QTemporaryDir directory;
    QProcess owner;
    const QJsonObject started = startStackProcess(owner, directory.path());
    QCOMPARE(started.value(u"state"_s).toString(), u"running"_s);
    const qint64 serverPid = started.value(u"server_pid"_s).toInteger();
    QVERIFY(Processes::isAlive(serverPid)); // so that "not alive" and "no pid file" below mean something
    QVERIFY(QFile::exists(directory.filePath(u"stack-owner.pid"_s)));

    QProcess stopper;
    stopper.start(QString::fromUtf8(WORKBENCH_APP_PATH), { u"stack"_s, u"stop"_s, u"--data-dir"_s, directory.path() });
    QVERIFY(stopper.waitForFinished(30000));
    QCOMPARE(stopper.exitCode(), 0);
    QVERIFY(owner.waitForFinished(30000));
    QCOMPARE(owner.exitStatus(), QProcess::NormalExit);
    QCOMPARE(owner.exitCode(), 0);
    QVERIFY(!Processes::isAlive(serverPid));
    QVERIFY(!QFile::exists(directory.filePath(u"stack-owner.pid"_s)));
    // The server shut down by itself (SIGTERM), not killed: its log says so.
    QFile log(directory.filePath(u"log/clickhouse-server.log"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("shutting down"));

    QProcess again;
    again.start(QString::fromUtf8(WORKBENCH_APP_PATH), { u"stack"_s, u"stop"_s, u"--data-dir"_s, directory.path() });
    QVERIFY(again.waitForFinished(10000));
    QCOMPARE(again.exitCode(), 1);
    QVERIFY(again.readAllStandardError().contains("no managed ClickHouse runs from"));
}

QTEST_GUILESS_MAIN(TestLocalClickHouse)
#include "tst_localclickhouse.moc"
