#include "capture/capturewriter.h"
#include "capture/discardreplayoutput.h"
#include "capture/replayengine.h"
#include "recordsamples.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 base = 1'700'000'000ull * 1'000'000'000ull;

/// `count` spans spread evenly over `spanNanos` of capture time, in lines of 100.
QString writeCapture(const QTemporaryDir& folder, const QString& name, const QList<quint64>& times)
{
    CaptureWriter writer;
    QString error;
    const QString path = folder.filePath(name);
    if (!writer.open(path, {}, &error))
        qFatal("%s", qPrintable(error));
    const SpanRecord prototype = RecordSamples::realisticEvents(1).first();
    QList<SpanRecord> line;
    for (const quint64 time : times) {
        SpanRecord span = prototype;
        span.startTimeUnixNano = time;
        span.endTimeUnixNano = time + 1000;
        line.append(span);
        if (line.size() == 100) {
            writer.captureSpans(line);
            line.clear();
        }
    }
    writer.captureSpans(line);
    writer.close();
    return path;
}

ReplayEngine::Summary replay(ReplayEngine::Options options)
{
    ReplayEngine engine(std::move(options), std::make_unique<DiscardReplayOutput>());
    QSignalSpy finished(&engine, &ReplayEngine::finished);
    engine.start();
    if (finished.isEmpty() && !finished.wait(120000))
        qFatal("the replay did not finish in 120 s");
    return finished.first().first().value<ReplayEngine::Summary>();
}
} // namespace

/// The replay's timing on a real clock (a dry run, so no backend's speed is measured): 10,000
/// records over 10 s of capture time take 10 s at 1x and 1 s at 10x, and a one-hour gap waits the
/// 5 s cap. These measure what is their point and run alone (RUN_SERIAL); each prints its figure.
class TestReplayTiming final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsTheCapturesTime_data();
    void keepsTheCapturesTime();
    void capsALongGap();
    void pauseHoldsTheSchedule();

private:
    QTemporaryDir m_folder;
    QString m_evenCapture;
};

void TestReplayTiming::initTestCase()
{
    QList<quint64> times;
    for (int i = 0; i < 10'000; ++i)
        times.append(base + quint64(i) * 1'000'000); // 1 ms apart: the last at 9.999 s
    // Out of order within a line: sent in time order all the same.
    std::swap(times[500], times[501]);
    m_evenCapture = writeCapture(m_folder, u"even.jsonl"_s, times);
}

void TestReplayTiming::keepsTheCapturesTime_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("1x: 10 s within 2 percent") << 1.0 << 0.02;
    QTest::newRow("10x: 1 s within 5 percent") << 10.0 << 0.05;
}

void TestReplayTiming::keepsTheCapturesTime()
{
    QFETCH(double, speed);
    QFETCH(double, tolerance);
    ReplayEngine::Options options;
    options.files = { m_evenCapture };
    options.schedule.speed = speed;
    const ReplayEngine::Summary summary = replay(options);
    QCOMPARE(summary.totalSent(), 10'000);
    const double expectedMs = 9999.0 / speed;
    const double error = (double(summary.elapsedMs) - expectedMs) / expectedMs;
    qInfo(
        "%.0fx: last record sent after %lld ms (capture time %.0f ms): error %+.2f percent, latest record %lld ms late",
        speed, summary.elapsedMs, expectedMs, error * 100, summary.maxLagMs);
    QVERIFY2(qAbs(error) <= tolerance, qPrintable(u"%1 ms instead of %2"_s.arg(summary.elapsedMs).arg(expectedMs)));
}

void TestReplayTiming::capsALongGap()
{
    const QString path = writeCapture(m_folder, u"gap.jsonl"_s, { base, base + 3600ull * 1'000'000'000ull });
    ReplayEngine::Options options;
    options.files = { path };
    const ReplayEngine::Summary summary = replay(options);
    QCOMPARE(summary.totalSent(), 2);
    qInfo("a one-hour gap took %lld ms with the default 5 s cap", summary.elapsedMs);
    QVERIFY2(summary.elapsedMs >= 4900 && summary.elapsedMs <= 5500, qPrintable(QString::number(summary.elapsedMs)));
}

void TestReplayTiming::pauseHoldsTheSchedule()
{
    // 2 s of capture at 1x, paused for 1 s after half a second: the replay takes 3 s on the clock
    // and its own clock (which leaves the pause out) says 2.
    QList<quint64> times;
    for (int i = 0; i <= 20; ++i)
        times.append(base + quint64(i) * 100'000'000);
    ReplayEngine::Options options;
    options.files = { writeCapture(m_folder, u"pause.jsonl"_s, times) };
    ReplayEngine engine(options, std::make_unique<DiscardReplayOutput>());
    QSignalSpy finished(&engine, &ReplayEngine::finished);
    QSignalSpy progressed(&engine, &ReplayEngine::progressed);
    QElapsedTimer clock;
    clock.start();
    engine.start();
    QTimer::singleShot(500, &engine, [&] { engine.pause(); });
    QTimer::singleShot(1500, &engine, [&] { engine.resume(); });
    QVERIFY(finished.wait(20000));
    const qint64 wall = clock.elapsed();
    const auto summary = finished.first().first().value<ReplayEngine::Summary>();
    qInfo("paused 1 s: %lld ms on the clock, %lld ms of replay", wall, summary.elapsedMs);
    QCOMPARE(summary.totalSent(), 21);
    QVERIFY2(wall >= 2900, qPrintable(QString::number(wall)));
    QVERIFY2(summary.elapsedMs >= 1950 && summary.elapsedMs <= 2200, qPrintable(QString::number(summary.elapsedMs)));
    bool sawPaused = false;
    for (const QList<QVariant>& report : std::as_const(progressed))
        sawPaused = sawPaused || report.first().value<ReplayEngine::Progress>().paused;
    QVERIFY(sawPaused);
}

QTEST_GUILESS_MAIN(TestReplayTiming)
#include "tst_replaytiming.moc"
