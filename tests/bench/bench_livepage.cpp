// The Live page under a steady stream, on the path a user takes: an application (here
// `automagik-workbench send --rate R`, another process) sends OTLP/protobuf to the workbench's
// receiver, which stores the records in a managed ClickHouse and streams them to the Live page,
// shown and painted. Per round: the longest the GUI thread went without running its event loop
// (a 5 ms timer's longest gap), the records the page showed per second against the rate the
// receiver accepted them (the reference, measured in the same round), and the rounds rotated
// between the page with Other writers on (it also follows the tables) and off.
// Every figure is min / median / max over the rounds (at least 5 of each).
// Usage: bench_livepage --program build/release/bin/automagik-workbench [--rate R] [--seconds S] [--rounds N]
#include "bench/benchsamples.h"
#include "bench/benchserver.h"
#include "bench/stallprobe.h"
#include "collector/localcollector.h"
#include "common/workerthread.h"
#include "live/clickhousetail.h"
#include "liverecordmodel.h"
#include "pages/livepage.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void print(const QString& text)
{
    std::printf("%s\n", qUtf8Printable(text));
    std::fflush(stdout);
}

struct Round
{
    double stallMs = 0;
    double busiestMs = 0;
    double stallCpuMs = 0;
    double stallWaitMs = 0;
    double shownPerSecond = 0;
    double acceptedPerSecond = 0;
};

/// Records that reached the page's list (the oldest leave it beyond its capacity), and those it
/// counted as never shown (more than it holds within one update).
qint64 reachedPage(LivePage* page)
{
    LiveRecordModel* records = page->records();
    return records->rowCount() + records->evicted() + records->notShown();
}

/// `accepted`: the receiver's count of spans accepted, kept current from the collector's status
/// (which comes from its thread at most twice a second).
bool measure(LivePage* page, const qint64& accepted, const QString& program, const QUrl& receiver, const QString& data,
    int records, int rate, Round* round, QString* error)
{
    page->clearButton()->click();
    QProcess send;
    send.setProgram(program);
    send.setArguments({ u"send"_s, u"--signal"_s, u"event"_s, u"--name"_s, u"bench.live"_s, u"--count"_s,
        QString::number(records), u"--rate"_s, QString::number(rate), u"--backend"_s, u"otlp-protobuf"_s,
        u"--otlp-endpoint"_s, receiver.toString(), u"--data-dir"_s, data, u"--json"_s });
    QEventLoop loop;
    QElapsedTimer clock;
    StallProbe probe;
    const qint64 acceptedBefore = accepted;
    qint64 firstAcceptedNs = -1;
    qint64 allAcceptedNs = -1;
    qint64 firstShownNs = -1;
    qint64 allShownNs = -1;
    QTimer watch;
    watch.setInterval(10);
    QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
        if (accepted > acceptedBefore && firstAcceptedNs < 0)
            firstAcceptedNs = clock.nsecsElapsed();
        if (accepted - acceptedBefore >= records && allAcceptedNs < 0)
            allAcceptedNs = clock.nsecsElapsed();
        const qint64 reached = reachedPage(page);
        if (reached > 0 && firstShownNs < 0)
            firstShownNs = clock.nsecsElapsed();
        if (reached >= records && allShownNs < 0)
            allShownNs = clock.nsecsElapsed();
        if (allShownNs >= 0 && allAcceptedNs >= 0 && send.state() == QProcess::NotRunning)
            loop.quit();
    });
    QTimer::singleShot(records / qMax(1, rate) * 1000 + 60'000, &loop, &QEventLoop::quit);
    clock.start();
    send.start();
    watch.start();
    loop.exec();
    if (send.state() != QProcess::NotRunning) { // the round timed out
        send.kill();
        send.waitForFinished(5000);
        *error = u"the round did not end within its time: %1"_s.arg(page->statusText());
        return false;
    }
    if (send.error() == QProcess::FailedToStart || send.exitStatus() != QProcess::NormalExit || send.exitCode() != 0) {
        *error = u"send exited %1: %2"_s.arg(send.exitCode()).arg(QString::fromUtf8(send.readAllStandardError()));
        return false;
    }
    if (allShownNs < 0 || allAcceptedNs < 0 || page->records()->notShown() > 0) {
        *error = u"the page showed %1 of %2 records: %3"_s.arg(reachedPage(page) - page->records()->notShown())
                     .arg(records)
                     .arg(page->statusText());
        return false;
    }
    round->stallMs = probe.longestMs();
    round->busiestMs = probe.busiestMs();
    round->stallCpuMs = probe.longestCpuMs();
    round->stallWaitMs = probe.longestWaitMs();
    round->shownPerSecond = double(records) / (double(allShownNs - firstShownNs) / 1e9);
    round->acceptedPerSecond = double(records) / (double(allAcceptedNs - firstAcceptedNs) / 1e9);
    return true;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        { u"program"_s, u"The automagik-workbench binary that sends, as an application would."_s, u"path"_s });
    parser.addOption({ u"rate"_s, u"Records per second sent (default 10,000)."_s, u"R"_s, u"10000"_s });
    parser.addOption({ u"seconds"_s, u"How long each round sends (default 10)."_s, u"S"_s, u"10"_s });
    parser.addOption({ u"rounds"_s, u"Rounds of each configuration (at least 5)."_s, u"N"_s, u"5"_s });
    parser.process(application);
    const int rate = parser.value(u"rate"_s).toInt();
    const int records = rate * parser.value(u"seconds"_s).toInt();
    const int rounds = qMax(BenchSamples::minimumRounds, parser.value(u"rounds"_s).toInt());
    const QString program = parser.value(u"program"_s);
    if (records <= 0 || !QFileInfo(program).isExecutable()) {
        print(u"usage: bench_livepage --program path/to/automagik-workbench [--rate R] [--seconds S] [--rounds N]"_s);
        return 2;
    }
    BenchServer server;
    QString error;
    if (!server.start(&error)) {
        print(u"error: "_s + error);
        return 1;
    }
    QTemporaryDir folder;
    LocalCollector::Options options;
    options.clickHouse.endpoint = server.endpoint();
    options.clickHouse.dialect = server.rowDialect();
    options.clickHouse.spoolPath = folder.filePath(u"collector.spool"_s);
    options.receiver.port = 0;
    options.withGateway = false;
    // As in the window: the collector has a thread of its own.
    WorkerThread<LocalCollector> collector(u"collector"_s, new LocalCollector(options), &LocalCollector::shutdown);
    QSignalSpy status(collector.worker(), &LocalCollector::statusChanged);
    collector.post([](LocalCollector* worker) { worker->startAndReport(); });
    if (!status.wait(30'000)) {
        print(u"error: the collector did not start"_s);
        return 1;
    }
    const auto started = status.takeFirst().at(0).value<CollectorStatus>();
    if (started.state != CollectorStatus::State::Running) {
        print(u"error: the collector: "_s + started.error);
        return 1;
    }
    qint64 accepted = started.receiver.accepted[ListenerStatistics::Traces];
    QObject::connect(
        collector.worker(), &LocalCollector::statusChanged, &application, [&accepted](const CollectorStatus& current) {
            accepted = current.receiver.accepted[ListenerStatistics::Traces];
        });
    LivePage page;
    page.setCollector(collector.worker());
    page.setServer(server.endpoint());
    page.setTelemetryDatabase(server.database());
    page.resize(1400, 900);
    page.show();
    QCoreApplication::processEvents();
    print(
        u"sending %1 events at %2 records/s per round to %3"_s.arg(records).arg(rate).arg(started.otlpUrl.toString()));

    BenchSamples stall[2], busiest[2], shown[2], acceptedRate[2];
    for (int round = 0; round < rounds; ++round) {
        for (qsizetype step = 0; step < 2; ++step) {
            const qsizetype tail = BenchSamples::roundOrder(round, step, 2); // 1: Other writers on
            page.otherWritersBox()->setChecked(tail == 1);
            Round measured;
            if (!measure(&page, accepted, program, started.otlpUrl, folder.filePath(u"data"_s), records, rate,
                    &measured, &error)) {
                print(u"error: "_s + error);
                return 1;
            }
            stall[tail].append(measured.stallMs);
            busiest[tail].append(measured.busiestMs);
            shown[tail].append(measured.shownPerSecond);
            acceptedRate[tail].append(measured.acceptedPerSecond);
            print(
                u"round %1, Other writers %2: longest stall %3 ms (in it %7 ms of CPU, %8 ms waiting for a core; most CPU in a gap %6 ms), %4 shown/s, %5 accepted/s"_s
                    .arg(round + 1)
                    .arg(tail == 1 ? u"on"_s : u"off"_s)
                    .arg(measured.stallMs, 0, 'f', 0)
                    .arg(measured.shownPerSecond, 0, 'f', 0)
                    .arg(measured.acceptedPerSecond, 0, 'f', 0)
                    .arg(measured.busiestMs, 0, 'f', 0)
                    .arg(measured.stallCpuMs, 0, 'f', 0)
                    .arg(measured.stallWaitMs, 0, 'f', 0));
        }
    }
    for (int tail = 1; tail >= 0; --tail) {
        print(u"Live page, Other writers %1 (min / median / max over %2 rounds):"_s.arg(tail == 1 ? u"on"_s : u"off"_s)
                  .arg(rounds));
        print(u"  longest GUI-thread stall        %1 ms"_s.arg(stall[tail].spread(0)));
        print(u"  most GUI-thread CPU in one gap  %1 ms"_s.arg(busiest[tail].spread(0)));
        print(u"  records shown per second        %1"_s.arg(shown[tail].spread(0)));
        print(u"  accepted by the receiver (ref.) %1 records/s"_s.arg(acceptedRate[tail].spread(0)));
        print(u"  shown / accepted (medians)      %1"_s.arg(
            shown[tail].median() / acceptedRate[tail].median(), 0, 'f', 2));
    }
    print(
        u"the last round, Other writers %1: rows shown from the tables as other writers': %2 (0 expected: every row is the receiver's)"_s
            .arg(page.otherWritersBox()->isChecked() ? u"on"_s : u"off"_s)
            .arg(page.records()->readFromTables()));
    return 0;
}
