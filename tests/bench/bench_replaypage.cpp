// The Replay page's figures, measured in one run against a managed ClickHouse, on the path a
// user takes (the page shown, its list and bar painted):
//  1. opening a capture of a million realistic events (about a gigabyte): milliseconds until
//     the first rows are in the record list and painted, seconds until the whole capture is
//     listed, and the longest the GUI thread went without running its event loop meanwhile;
//  2. replaying it as fast as possible into ClickHouse from the page: records per second and the
//     longest GUI-thread stall, against `automagik-workbench replay --speed max` of the same
//     capture (the same engine with no window) as the reference, the two rotated every round.
// A stall is the longest gap a 5 ms timer on the GUI thread saw. Every figure is min / median /
// max over the rounds (at least 5).
// Usage: bench_replaypage --program build/release/bin/automagik-workbench [--events N] [--rounds N]
#include "bench/benchsamples.h"
#include "bench/benchserver.h"
#include "bench/stallprobe.h"
#include "capture/capturewriter.h"
#include "pages/replaypage.h"
#include "telemetry/sampleevents.h"
#include "widgets/destinationform.h"
#include "widgets/replaycontrols.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTableView>
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

bool writeCapture(const QString& path, int events, QString* error)
{
    CaptureWriter writer;
    if (!writer.open(path, {}, error))
        return false;
    constexpr int chunk = 50'000;
    const quint64 firstTime = 1'795'860'441'000'000'000ull;
    for (int done = 0; done < events; done += chunk) {
        const QList<SpanRecord> spans =
            SampleEvents::automagikEvents(qMin(chunk, events - done), firstTime + quint64(done) * 1'000'000ull);
        for (qsizetype i = 0; i < spans.size(); i += 1000)
            writer.captureSpans(spans.mid(i, 1000)); // lines of 1,000 spans, as a collector's batches are
    }
    if (!writer.close()) {
        *error = writer.statistics().lastError;
        return false;
    }
    return true;
}

struct PageRound
{
    double firstRowsMs = 0;
    double listedSeconds = 0;
    double listingStallMs = 0;
    double replaySeconds = 0;
    double replayStallMs = 0;
};

bool pageRound(const BenchServer& server, const QString& capture, int events, const QString& spool, PageRound* round,
    QString* error)
{
    ReplayPage page(spool);
    page.setServer(server.endpoint(), server.info());
    page.setTelemetryDatabase(server.database());
    page.destination()->setBackend(SendTarget::Backend::ClickHouse);
    page.controls()->setSpeed(0);
    page.controls()->setVerify(false);
    page.resize(1400, 900);
    page.show();
    QCoreApplication::processEvents();

    QEventLoop loop;
    QElapsedTimer timer;
    {
        StallProbe probe;
        bool firstSeen = false;
        QObject::connect(page.records(), &QAbstractItemModel::rowsInserted, &loop, [&] {
            if (firstSeen)
                return;
            firstSeen = true;
            page.recordView()->viewport()->repaint();
            round->firstRowsMs = double(timer.nsecsElapsed()) / 1e6;
        });
        QObject::connect(&page, &ReplayPage::indexingFinished, &loop, &QEventLoop::quit);
        timer.start();
        page.openFiles({ capture });
        loop.exec();
        round->listedSeconds = double(timer.nsecsElapsed()) / 1e9;
        round->listingStallMs = probe.longestMs();
    }
    if (page.records()->rowCount() != events) {
        *error = u"the page listed %1 of %2 records"_s.arg(page.records()->rowCount()).arg(events);
        return false;
    }
    StallProbe probe;
    QObject::connect(&page, &ReplayPage::replayFinished, &loop, &QEventLoop::quit);
    timer.start();
    if (!page.start()) {
        *error = page.statusText();
        return false;
    }
    loop.exec();
    round->replaySeconds = double(timer.nsecsElapsed()) / 1e9;
    round->replayStallMs = probe.longestMs();
    const qint64 sent = page.lastOutcome() ? page.lastOutcome()->summary.totalSent() : 0;
    const qint64 delivered = page.lastOutcome() ? page.lastOutcome()->summary.output.delivered : 0;
    if (sent != events || delivered != events) {
        *error = u"the page sent %1 and delivered %2 of %3: %4"_s.arg(sent).arg(delivered).arg(events).arg(
            page.statusText());
        return false;
    }
    return true;
}

bool commandRound(const BenchServer& server, const QString& program, const QString& capture, const QString& data,
    double* seconds, QString* error)
{
    QProcess replay;
    replay.setProgram(program);
    const ClickHouseEndpoint endpoint = server.endpoint();
    replay.setArguments(
        { u"replay"_s, capture, u"--speed"_s, u"max"_s, u"--json"_s, u"--endpoint"_s, endpoint.url.toString(),
            u"--user"_s, endpoint.user, u"--database"_s, server.database(), u"--data-dir"_s, data });
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, endpoint.password);
    replay.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    replay.start();
    if (!replay.waitForFinished(1'800'000) || replay.exitCode() != 0) {
        *error = u"replay exited %1: %2"_s.arg(replay.exitCode()).arg(QString::fromUtf8(replay.readAllStandardError()));
        return false;
    }
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    return true;
}

bool countIs(const BenchServer& server, qint64 expected, QString* error)
{
    bool ok = false;
    const QString count = server.run(u"SELECT count() FROM %1.traces"_s.arg(server.database()), &ok).trimmed();
    if (ok && count.toLongLong() == expected)
        return true;
    *error = u"traces holds %1 rows, %2 expected"_s.arg(count).arg(expected);
    return false;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ u"program"_s, u"The automagik-workbench binary whose replay is the reference."_s, u"path"_s });
    parser.addOption(
        { u"events"_s, u"Events in the capture (default 1,000,000: about 1 GB)."_s, u"N"_s, u"1000000"_s });
    parser.addOption({ u"rounds"_s, u"Rounds (at least 5)."_s, u"N"_s, u"5"_s });
    parser.process(application);
    const int events = parser.value(u"events"_s).toInt();
    const int rounds = qMax(BenchSamples::minimumRounds, parser.value(u"rounds"_s).toInt());
    const QString program = parser.value(u"program"_s);
    if (events <= 0 || !QFileInfo(program).isExecutable()) {
        print(u"usage: bench_replaypage --program path/to/automagik-workbench [--events N] [--rounds N]"_s);
        return 2;
    }
    BenchServer server;
    QString error;
    if (!server.start(&error)) {
        print(u"error: "_s + error);
        return 1;
    }
    QTemporaryDir folder;
    const QString capture = folder.filePath(u"events.jsonl"_s);
    if (!writeCapture(capture, events, &error)) {
        print(u"error: "_s + error);
        return 1;
    }
    print(u"capture: %1 events, %2 MB"_s.arg(events).arg(QFileInfo(capture).size() / 1'000'000));

    BenchSamples firstRows, listed, listingStall, pageRate, pageStall, commandRate;
    for (int round = 0; round < rounds; ++round) {
        for (qsizetype step = 0; step < 2; ++step) {
            const bool page = BenchSamples::roundOrder(round, step, 2) == 0;
            bool ok = false;
            const QString truncated = server.run(u"TRUNCATE TABLE %1.traces"_s.arg(server.database()), &ok);
            if (!ok) {
                print(u"error: "_s + truncated);
                return 1;
            }
            if (page) {
                PageRound measured;
                ok = pageRound(server, capture, events, folder.filePath(u"spool"_s), &measured, &error);
                if (ok) {
                    firstRows.append(measured.firstRowsMs);
                    listed.append(measured.listedSeconds);
                    listingStall.append(measured.listingStallMs);
                    pageRate.append(double(events) / measured.replaySeconds);
                    pageStall.append(measured.replayStallMs);
                }
            } else {
                double seconds = 0;
                ok = commandRound(server, program, capture, folder.filePath(u"data"_s), &seconds, &error);
                if (ok)
                    commandRate.append(double(events) / seconds);
            }
            if (!ok || !countIs(server, events, &error)) {
                print(u"error: "_s + error);
                return 1;
            }
            print(u"round %1: %2 done"_s.arg(round + 1).arg(page ? u"page"_s : u"replay command"_s));
        }
    }
    print(u"Opening the capture on the Replay page (min / median / max over %1 rounds):"_s.arg(rounds));
    print(u"  first rows listed and painted  %1 ms"_s.arg(firstRows.spread(0)));
    print(u"  whole capture listed           %1 s"_s.arg(listed.spread(1)));
    print(u"  longest GUI-thread stall       %1 ms"_s.arg(listingStall.spread(0)));
    print(u"Replaying it as fast as possible into ClickHouse:"_s);
    print(u"  from the page                  %1 records/s"_s.arg(pageRate.spread(0)));
    print(u"  replay --speed max (reference) %1 records/s"_s.arg(commandRate.spread(0)));
    print(u"  page / reference (medians)     %1"_s.arg(pageRate.median() / commandRate.median(), 0, 'f', 2));
    print(u"  longest GUI-thread stall       %1 ms"_s.arg(pageStall.spread(0)));
    return 0;
}
