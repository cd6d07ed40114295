#include "replayreport.h"

#include "capture/replayreportjson.h"
#include "console.h"

#include <QJsonObject>
#include <QLocale>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using Console::printLine;

namespace {
const QLocale c(QLocale::English);

/// The most memory this process has held, in KiB (what a 1 GB capture's replay must keep low).
qint64 peakResidentKiB()
{
    struct rusage usage
    { };
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
} // "11,225": the same digits in every locale's terminal

QString duration(qint64 ms)
{
    return u"%1:%2"_s.arg(ms / 60000).arg((ms / 1000) % 60, 2, 10, QChar(u'0'));
}

QString listed(const QList<qint64>& list, qint64 total)
{
    QStringList numbers;
    for (const qint64 key : list)
        numbers.append(QString::number(key));
    return numbers.join(u", "_s) + (total > list.size() ? u", ..."_s : QString());
}
} // namespace

namespace ReplayReport {

void printProgress(const ReplayEngine::Progress& p)
{
    QString line = u"\r  %1 records  %2/s"_s.arg(c.toString(p.sent), c.toString(qint64(p.recordsPerSecond)));
    if (p.fraction >= 0)
        line += u"  %1%"_s.arg(int(p.fraction * 100));
    if (p.etaMs >= 0)
        line += u"  ETA %1"_s.arg(duration(p.etaMs));
    line += u"  lag %1 ms  %2 problems  %3 failed%4   "_s.arg(p.lagMs)
                .arg(p.problems)
                .arg(p.failed)
                .arg(p.paused ? u"  (paused)"_s : QString());
    std::fputs(line.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

void printProblem(const ReplayEngine::FileProblem& problem)
{
    const QString where =
        problem.problem.item > 0 ? u"%1:%2"_s.arg(problem.file).arg(problem.problem.item) : problem.file;
    printLine(stderr, u"%1: %2"_s.arg(where, problem.problem.reason));
}

void printSummary(const ReplayEngine::Summary& s, const ReplayVerifier::Result* verification, bool json)
{
    const double decodeRate = s.reading.decodeMs > 0
        ? double(s.reading.spans + s.reading.metrics + s.reading.logs) * 1000.0 / double(s.reading.decodeMs)
        : 0;
    const double replayRate = s.elapsedMs > 0 ? double(s.totalSent()) * 1000.0 / double(s.elapsedMs) : 0;
    if (json) {
        QJsonObject object = ReplayReportJson::summary(s, verification);
        object.insert(u"peak_rss_kib"_s, peakResidentKiB());
        Console::printJson(object);
        return;
    }
    if (!s.error.isEmpty()) {
        printLine(stderr, u"replay: "_s + s.error);
        return;
    }
    printLine(stdout,
        u"%1 replay %2 to %3: %4 spans, %5 metric points, %6 logs in %7 (%8 records/s; scheduled %9, late at most %10 ms)"_s
            .arg(s.cancelled ? u"Cancelled"_s : u"Finished"_s, QString::fromUtf8(s.replayId), s.outputDescription,
                c.toString(s.sent[ReplayEngine::Spans]), c.toString(s.sent[ReplayEngine::Metrics]),
                c.toString(s.sent[ReplayEngine::Logs]), duration(s.elapsedMs), c.toString(qint64(replayRate)),
                duration(s.scheduledMs))
            .arg(s.maxLagMs));
    printLine(stdout,
        u"Read %1 bytes, decoded at %2 records/s; %3 capture problems; %4 filtered out; peak memory %5 MiB"_s.arg(
            c.toString(s.reading.bytes), c.toString(qint64(decodeRate)), c.toString(s.problemCount),
            c.toString(s.filteredOut), c.toString(peakResidentKiB() / 1024)));
    printLine(stdout,
        u"Output: %1 delivered, %2 failed, %3 in the spool%4"_s.arg(c.toString(s.output.delivered),
            c.toString(s.output.failed), c.toString(s.output.spooled),
            s.output.lastError.isEmpty() ? QString() : u" (last error: %1)"_s.arg(s.output.lastError)));
    if (!verification)
        return;
    if (!verification->error.isEmpty()) {
        printLine(stderr, u"Verification failed: "_s + verification->error);
        return;
    }
    for (const ReplayVerifier::SignalResult& r : verification->signalResults) {
        QString line = u"Verified %1: %2 expected, %3 found, %4 missing, %5 duplicated"_s.arg(r.table)
                           .arg(r.expected)
                           .arg(r.found)
                           .arg(r.missing)
                           .arg(r.duplicated);
        if (r.missing > 0)
            line += u"; missing seq %1"_s.arg(listed(r.missingKeys, r.missing));
        if (r.duplicated > 0)
            line += u"; duplicated seq %1"_s.arg(listed(r.duplicatedKeys, r.duplicated));
        printLine(stdout, line);
    }
    printLine(stdout,
        verification->exactlyOnce() ? u"Every record arrived exactly once."_s
                                    : u"Not every record arrived exactly once."_s);
}

} // namespace ReplayReport
