#include "replayreport.h"

#include "capture/replayreportjson.h"
#include "console.h"

#include <QCoreApplication>
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
    QString line = QCoreApplication::translate("ReplayReport", "\r  %1 records  %2/s")
                       .arg(c.toString(p.sent), c.toString(qint64(p.recordsPerSecond)));
    if (p.fraction >= 0)
        line += u"  %1%"_s.arg(int(p.fraction * 100));
    if (p.etaMs >= 0)
        line += QCoreApplication::translate("ReplayReport", "  ETA %1").arg(duration(p.etaMs));
    line += QCoreApplication::translate("ReplayReport", "  lag %1 ms  %2 problems  %3 failed%4   ")
                .arg(p.lagMs)
                .arg(p.problems)
                .arg(p.failed)
                .arg(p.paused ? QCoreApplication::translate("ReplayReport", "  (paused)") : QString());
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
        QCoreApplication::translate("ReplayReport",
            "%1 replay %2 to %3: %4 spans, %5 metric points, %6 logs in %7 (%8 records/s; scheduled %9, late at most "
            "%10 ms)")
            .arg(s.cancelled ? QCoreApplication::translate("ReplayReport", "Cancelled")
                             : QCoreApplication::translate("ReplayReport", "Finished"),
                QString::fromUtf8(s.replayId), s.outputDescription, c.toString(s.sent[ReplayEngine::Spans]),
                c.toString(s.sent[ReplayEngine::Metrics]), c.toString(s.sent[ReplayEngine::Logs]),
                duration(s.elapsedMs), c.toString(qint64(replayRate)), duration(s.scheduledMs))
            .arg(s.maxLagMs));
    printLine(stdout,
        QCoreApplication::translate("ReplayReport",
            "Read %1 bytes, decoded at %2 records/s; %3 capture problems; %4 filtered out; peak memory %5 MiB")
            .arg(c.toString(s.reading.bytes), c.toString(qint64(decodeRate)), c.toString(s.problemCount),
                c.toString(s.filteredOut), c.toString(peakResidentKiB() / 1024)));
    printLine(stdout,
        QCoreApplication::translate("ReplayReport", "Output: %1 delivered, %2 failed, %3 in the spool%4")
            .arg(c.toString(s.output.delivered), c.toString(s.output.failed), c.toString(s.output.spooled),
                s.output.lastError.isEmpty()
                    ? QString()
                    : QCoreApplication::translate("ReplayReport", " (last error: %1)").arg(s.output.lastError)));
    if (!verification)
        return;
    if (!verification->error.isEmpty()) {
        printLine(
            stderr, QCoreApplication::translate("ReplayReport", "Verification failed: %1").arg(verification->error));
        return;
    }
    for (const ReplayVerifier::SignalResult& r : verification->signalResults) {
        QString line =
            QCoreApplication::translate("ReplayReport", "Verified %1: %2 expected, %3 found, %4 missing, %5 duplicated")
                .arg(r.table)
                .arg(r.expected)
                .arg(r.found)
                .arg(r.missing)
                .arg(r.duplicated);
        if (r.missing > 0)
            line +=
                QCoreApplication::translate("ReplayReport", "; missing seq %1").arg(listed(r.missingKeys, r.missing));
        if (r.duplicated > 0)
            line += QCoreApplication::translate("ReplayReport", "; duplicated seq %1")
                        .arg(listed(r.duplicatedKeys, r.duplicated));
        printLine(stdout, line);
    }
    printLine(stdout,
        verification->exactlyOnce()
            ? QCoreApplication::translate("ReplayReport", "Every record arrived exactly once.")
            : QCoreApplication::translate("ReplayReport", "Not every record arrived exactly once."));
}

} // namespace ReplayReport
