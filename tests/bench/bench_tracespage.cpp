// The Traces page opening and scrolling one large trace, on the path a user takes: the trace is
// written into a capture and replayed into a managed ClickHouse by `automagik-workbench replay`;
// then, on a shown Traces page, the trace is opened (until its waterfall is painted), scrolled
// from top to bottom half a page at a time (each repaint timed), its root folded and unfolded,
// and searched ("find in trace"). The reference, in the same run and rotated with the page every
// round: clickhouse-client fetching the same trace's rows (SELECT * ... FORMAT JSONEachRow), the
// floor any viewer of this table stands on. A stall is the longest gap a 5 ms timer on the GUI
// thread saw. Every figure is min / median / max over the rounds (at least 5).
// Usage: bench_tracespage --program build/release/bin/automagik-workbench [--spans N] [--rounds N]
#include "bench/benchsamples.h"
#include "bench/benchserver.h"
#include "bench/stallprobe.h"
#include "capture/capturewriter.h"
#include "pages/tracespage.h"
#include "telemetry/sampleevents.h"
#include "trace/traceloader.h"
#include "traceoutline.h"
#include "traces/traceview.h"
#include "traces/tracewaterfallview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
/// Two traces of the same shape: the rounds open them in turn, as a user opens one trace after
/// another (the page does not reload the trace it shows).
const QByteArray traceIds[2] = { "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e", "0ddba11a0ddba11a0ddba11a0ddba11a" };

void print(const QString& text)
{
    std::printf("%s\n", qUtf8Printable(text));
    std::fflush(stdout);
}

/// A root over batches of 100 items (two services), each item with an attribute, one with a needle.
QList<SpanRecord> traceOf(const QByteArray& traceId, int spans)
{
    using SampleEvents::spanOf;
    const ResourcePtr front = SampleEvents::serviceResource("bench-front");
    const ResourcePtr worker = SampleEvents::serviceResource("bench-worker");
    constexpr quint64 ms = 1'000'000;
    const quint64 start = quint64(QDateTime::currentMSecsSinceEpoch() - 60'000) * ms;
    QList<SpanRecord> records { spanOf(traceId, front, 1, 0, "bench-root", start, start + quint64(spans) * ms) };
    quint64 number = 2;
    for (int batch = 0; qsizetype(records.size()) < spans; ++batch) {
        const quint64 batchId = number++;
        const quint64 batchStart = start + quint64(batch) * 200 * ms + ms;
        records.append(spanOf(
            traceId, front, batchId, 1, "batch-" + QByteArray::number(batch), batchStart, batchStart + 190 * ms));
        for (int item = 0; item < 100 && qsizetype(records.size()) < spans; ++item) {
            const quint64 itemStart = batchStart + quint64(item + 1) * ms;
            SpanRecord span = spanOf(traceId, worker, number++, batchId,
                "item-" + QByteArray::number(batch) + '-' + QByteArray::number(item), itemStart, itemStart + 90 * ms);
            span.attributes.append({ "order.id", AttributeValue::fromInt(batch * 1000 + item) });
            records.append(span);
        }
    }
    records[spans / 2].attributes.append({ "needle", AttributeValue::fromString(QByteArray("found-me")) });
    return records;
}

bool writeCapture(const QString& path, int spans, QString* error)
{
    CaptureWriter writer;
    if (!writer.open(path, {}, error))
        return false;
    for (const QByteArray& traceId : traceIds) {
        const QList<SpanRecord> records = traceOf(traceId, spans);
        for (qsizetype i = 0; i < records.size(); i += 1000)
            writer.captureSpans(records.mid(i, 1000));
    }
    if (!writer.close()) {
        *error = writer.statistics().lastError;
        return false;
    }
    return true;
}

bool replay(
    const BenchServer& server, const QString& program, const QString& capture, const QString& data, QString* error)
{
    QProcess process;
    const ClickHouseEndpoint endpoint = server.endpoint();
    process.setProgram(program);
    process.setArguments({ u"replay"_s, capture, u"--speed"_s, u"max"_s, u"--endpoint"_s, endpoint.url.toString(),
        u"--user"_s, endpoint.user, u"--database"_s, server.database(), u"--data-dir"_s, data, u"--verify"_s });
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, endpoint.password);
    process.setProcessEnvironment(environment);
    process.start();
    if (!process.waitForFinished(600'000) || process.exitCode() != 0) {
        *error =
            u"replay exited %1: %2"_s.arg(process.exitCode()).arg(QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

struct PageRound
{
    double openMs = 0;
    double openStallMs = 0;
    double openBusiestMs = 0;
    double longestRepaintMs = 0;
    double medianRepaintMs = 0;
    double foldMs = 0;
    double findMs = 0;
};

bool pageRound(TracesPage* page, const QByteArray& traceId, int spans, PageRound* round, QString* error)
{
    QEventLoop loop;
    bool opened = false;
    QObject::connect(page->loader(), &TraceLoader::traceOpened, &loop, [&] {
        opened = true;
        loop.quit();
    });
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    TraceWaterfallView* waterfall = page->traceView()->waterfall();
    QElapsedTimer clock;
    {
        StallProbe probe;
        clock.start();
        page->openTrace(traceId);
        loop.exec();
        if (!opened) {
            *error = u"the trace did not open within 120 s: "_s + page->statusText();
            return false;
        }
        waterfall->viewport()->repaint();
        round->openMs = double(clock.nsecsElapsed()) / 1e6;
        QCoreApplication::processEvents();
        round->openStallMs = probe.longestMs();
        round->openBusiestMs = probe.busiestMs();
    }
    TraceOutline* outline = page->traceView()->outline();
    if (outline->rowCount() != spans) {
        *error = u"the waterfall has %1 rows of %2"_s.arg(outline->rowCount()).arg(spans);
        return false;
    }
    const qsizetype perPage = waterfall->lastVisibleRow() - waterfall->firstVisibleRow() + 1;
    BenchSamples repaints;
    for (qsizetype top = 0; top < outline->rowCount(); top += qMax<qsizetype>(1, perPage / 2)) {
        waterfall->setTopRow(top);
        clock.start();
        waterfall->viewport()->repaint();
        repaints.append(double(clock.nsecsElapsed()) / 1e6);
    }
    round->longestRepaintMs = repaints.max();
    round->medianRepaintMs = repaints.median();
    clock.start();
    outline->toggle(outline->tree().roots().first());
    waterfall->viewport()->repaint();
    outline->toggle(outline->tree().roots().first());
    waterfall->viewport()->repaint();
    round->foldMs = double(clock.nsecsElapsed()) / 1e6;
    // Find in trace: from the text set until its one match is known (the field waits for typing to pause).
    QLineEdit* find = page->traceView()->findField();
    clock.start();
    find->setText(u"needle=found-me"_s);
    while (outline->matches().size() != 1 && clock.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    round->findMs = double(clock.nsecsElapsed()) / 1e6;
    find->clear();
    if (outline->matches().isEmpty() && round->findMs >= 10'000) {
        *error = u"find in trace did not find the needle"_s;
        return false;
    }
    return true;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ u"program"_s, u"The automagik-workbench binary that replays the capture."_s, u"path"_s });
    parser.addOption({ u"spans"_s, u"Spans in the trace (default 10,000)."_s, u"N"_s, u"10000"_s });
    parser.addOption({ u"rounds"_s, u"Rounds (at least 5)."_s, u"N"_s, u"5"_s });
    parser.process(application);
    const int spans = parser.value(u"spans"_s).toInt();
    const int rounds = qMax(BenchSamples::minimumRounds, parser.value(u"rounds"_s).toInt());
    const QString program = parser.value(u"program"_s);
    if (spans < 2 || !QFileInfo(program).isExecutable()) {
        print(u"usage: bench_tracespage --program path/to/automagik-workbench [--spans N] [--rounds N]"_s);
        return 2;
    }
    BenchServer server;
    QString error;
    QTemporaryDir folder;
    const QString capture = folder.filePath(u"trace.jsonl"_s);
    if (!server.start(&error) || !writeCapture(capture, spans, &error)
        || !replay(server, program, capture, folder.filePath(u"data"_s), &error)) {
        print(u"error: "_s + error);
        return 1;
    }
    if (!server.hasClient()) {
        print(u"error: clickhouse-client is missing (the reference): apt-get install clickhouse-client"_s);
        return 1;
    }
    print(u"two traces of %1 spans, replayed from a capture of %2 MB"_s.arg(spans).arg(
        double(QFileInfo(capture).size()) / 1e6, 0, 'f', 1));
    TracesPage page;
    page.setServer(server.endpoint(), server.info());
    page.setTelemetryDatabase(server.database());
    page.resize(1400, 900);
    page.show();
    QCoreApplication::processEvents();

    BenchSamples open, openStall, openBusiest, longestRepaint, medianRepaint, fold, find, reference;
    const QString fetch = u"SELECT * FROM %1.traces WHERE trace_id = '%2' FORMAT JSONEachRow"_s.arg(
        server.database(), QLatin1StringView(traceIds[0]));
    for (int round = 0; round < rounds; ++round) {
        for (qsizetype step = 0; step < 2; ++step) {
            if (BenchSamples::roundOrder(round, step, 2) == 0) {
                PageRound measured;
                if (!pageRound(&page, traceIds[round % 2], spans, &measured, &error)) {
                    print(u"error: "_s + error);
                    return 1;
                }
                open.append(measured.openMs);
                openStall.append(measured.openStallMs);
                openBusiest.append(measured.openBusiestMs);
                longestRepaint.append(measured.longestRepaintMs);
                medianRepaint.append(measured.medianRepaintMs);
                fold.append(measured.foldMs);
                find.append(measured.findMs);
            } else {
                double seconds = 0;
                if (!server.runClient(fetch, {}, &seconds, &error)) {
                    print(u"error: clickhouse-client: "_s + error);
                    return 1;
                }
                reference.append(seconds * 1000);
            }
        }
        print(u"round %1 done"_s.arg(round + 1));
    }
    print(u"A trace of %1 spans on the Traces page (min / median / max over %2 rounds):"_s.arg(spans).arg(rounds));
    print(u"  opened and painted                  %1 ms"_s.arg(open.spread(0)));
    print(u"  clickhouse-client fetch (reference) %1 ms"_s.arg(reference.spread(0)));
    print(u"  page / reference (medians)          %1"_s.arg(open.median() / reference.median(), 0, 'f', 2));
    print(u"  longest GUI-thread stall, opening   %1 ms"_s.arg(openStall.spread(0)));
    print(u"  most GUI-thread CPU in one gap      %1 ms"_s.arg(openBusiest.spread(0)));
    print(u"  scrolling: longest repaint          %1 ms"_s.arg(longestRepaint.spread(1)));
    print(u"  scrolling: median repaint           %1 ms"_s.arg(medianRepaint.spread(2)));
    print(u"  fold and unfold the root            %1 ms"_s.arg(fold.spread(1)));
    print(u"  find a span by attribute            %1 ms (the field waits 150 ms for typing to pause)"_s.arg(
        find.spread(0)));
    return 0;
}
