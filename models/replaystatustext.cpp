#include "replaystatustext.h"

#include "pluralcount.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ReplayStatusText", text);
}

// A text with plural forms: %Ln is the count.
QString tr(const char* text, const char* disambiguation, qint64 count)
{
    return QCoreApplication::translate("ReplayStatusText", text, disambiguation, PluralCount::n(count));
}
} // namespace

namespace ReplayStatusText {

QString clock(qint64 ms)
{
    return u"%1:%2"_s.arg(ms / 60000).arg((ms / 1000) % 60, 2, 10, QChar(u'0'));
}

ProgressLine progress(const ReplayEngine::Progress& progress, qint64 expectedRecords)
{
    const QLocale locale;
    ProgressLine line;
    line.fraction = progress.fraction;
    qint64 etaMs = progress.etaMs;
    const QString rate = locale.toString(qint64(progress.recordsPerSecond));
    if (expectedRecords > 0) {
        const qint64 left = expectedRecords - qMin(progress.sent, expectedRecords);
        line.fraction = double(expectedRecords - left) / double(expectedRecords);
        etaMs = progress.recordsPerSecond > 0 ? qint64(double(left) * 1000.0 / progress.recordsPerSecond) : -1;
        line.text =
            tr("%1 of %2 sent · %3/s").arg(locale.toString(progress.sent), locale.toString(expectedRecords), rate);
    } else {
        line.text = tr("%1 sent · %2/s").arg(locale.toString(progress.sent), rate);
    }
    if (etaMs >= 0)
        line.text += tr(" · ETA %1").arg(clock(etaMs));
    line.text += tr(" · %1 ms behind schedule").arg(progress.lagMs);
    if (progress.failed > 0)
        line.text += tr(" · %1 failed").arg(locale.toString(progress.failed));
    if (progress.problems > 0)
        line.text += tr(" · %1 unreadable").arg(locale.toString(progress.problems));
    if (progress.paused)
        line.text += tr(" · paused");
    return line;
}

QString finished(const ReplayEngine::Summary& s)
{
    if (!s.error.isEmpty())
        return tr("The replay could not run: %1").arg(s.error);
    const QLocale locale;
    QString text = (s.cancelled ? tr("Cancelled after %Ln record(s): %1, %2, %3 in %4", nullptr, s.totalSent())
                                : tr("Replayed %Ln record(s): %1, %2, %3 in %4", nullptr, s.totalSent()))
                       .arg(tr("%Ln span(s)", nullptr, s.sent[ReplayEngine::Spans]),
                           tr("%Ln metric point(s)", nullptr, s.sent[ReplayEngine::Metrics]),
                           tr("%Ln log(s)", nullptr, s.sent[ReplayEngine::Logs]), clock(s.elapsedMs));
    text += tr("; %1 delivered, %2 failed, %3 in the spool; late at most %4 ms")
                .arg(locale.toString(s.output.delivered), locale.toString(s.output.failed),
                    locale.toString(s.output.spooled))
                .arg(s.maxLagMs);
    if (!s.output.lastError.isEmpty() && s.output.delivered < s.totalSent())
        text += tr(" (last error: %1)").arg(s.output.lastError);
    return text;
}

} // namespace ReplayStatusText
