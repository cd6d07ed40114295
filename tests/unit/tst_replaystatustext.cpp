#include "replaystatustext.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

/// The Replay page's status line: progress measured against the listing's count when it has one,
/// and a finished replay told in records, delivery and lag.
class TestReplayStatusText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void progress_data();
    void progress();
    void finishedSaysWhatWasSentAndDelivered();
    void clock_data();
    void clock();
};

void TestReplayStatusText::progress_data()
{
    QTest::addColumn<qint64>("sent");
    QTest::addColumn<double>("engineFraction");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<bool>("paused");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QString>("starts");
    QTest::addColumn<QString>("contains");

    const QLocale locale;
    QTest::newRow("counted by the listing")
        << qint64(2500) << 0.9 << qint64(10000) << false << 0.25
        << u"%1 of %2 sent"_s.arg(locale.toString(2500), locale.toString(10000)) << u"ETA 0:07"_s;
    QTest::newRow("bytes when not counted")
        << qint64(40) << 0.5 << qint64(0) << false << 0.5 << u"40 sent"_s << u"ETA 0:02"_s;
    QTest::newRow("looping forever") << qint64(7) << -1.0 << qint64(0) << true << -1.0 << u"7 sent"_s << u" · paused"_s;
    QTest::newRow("more sent than listed")
        << qint64(12) << 0.1 << qint64(10) << false << 1.0 << u"12 of 10 sent"_s << u"ETA 0:00"_s;
}

void TestReplayStatusText::progress()
{
    QFETCH(qint64, sent);
    QFETCH(double, engineFraction);
    QFETCH(qint64, expected);
    QFETCH(bool, paused);
    QFETCH(double, fraction);
    QFETCH(QString, starts);
    QFETCH(QString, contains);
    ReplayEngine::Progress progress;
    progress.sent = sent;
    progress.fraction = engineFraction;
    progress.recordsPerSecond = 1000;
    progress.etaMs = engineFraction < 0 ? -1 : 2000;
    progress.lagMs = 3;
    progress.paused = paused;
    const ReplayStatusText::ProgressLine line = ReplayStatusText::progress(progress, expected);
    QCOMPARE(line.fraction, fraction);
    QVERIFY2(line.text.startsWith(starts), qPrintable(line.text));
    QVERIFY2(line.text.contains(contains), qPrintable(line.text));
    QVERIFY2(line.text.contains(u"3 ms behind schedule"_s), qPrintable(line.text));
    QCOMPARE(line.text.contains(u"ETA"_s), engineFraction >= 0 || expected > 0);
}

void TestReplayStatusText::finishedSaysWhatWasSentAndDelivered()
{
    ReplayEngine::Summary summary;
    summary.sent[ReplayEngine::Spans] = 3;
    summary.sent[ReplayEngine::Metrics] = 2;
    summary.sent[ReplayEngine::Logs] = 1;
    summary.elapsedMs = 65000;
    summary.maxLagMs = 9;
    summary.output.delivered = 5;
    summary.output.failed = 1;
    summary.output.lastError = u"HTTP 503"_s;
    const QString done = ReplayStatusText::finished(summary);
    QVERIFY2(done.startsWith(u"Replayed 6 records: 3 spans, 2 metric points, 1 log in 1:05"_s), qPrintable(done));
    QVERIFY2(done.contains(u"5 delivered, 1 failed, 0 in the spool; late at most 9 ms (last error: HTTP 503)"_s),
        qPrintable(done));
    summary.cancelled = true;
    QVERIFY(ReplayStatusText::finished(summary).startsWith(u"Cancelled after 6 records"_s));
    summary.error = u"no such file"_s;
    QCOMPARE(ReplayStatusText::finished(summary), u"The replay could not run: no such file"_s);
}

void TestReplayStatusText::clock_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0:00"_s;
    QTest::newRow("seconds") << qint64(9999) << u"0:09"_s;
    QTest::newRow("minutes") << qint64(61000) << u"1:01"_s;
    QTest::newRow("hours as minutes") << qint64(3723000) << u"62:03"_s;
}

void TestReplayStatusText::clock()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(ReplayStatusText::clock(ms), text);
}

QTEST_GUILESS_MAIN(TestReplayStatusText)
#include "tst_replaystatustext.moc"
