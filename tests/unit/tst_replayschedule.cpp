#include "capture/replayschedule.h"

#include <QTest>

namespace {
constexpr qint64 second = 1'000'000'000;
constexpr quint64 base = 1'700'000'000ull * 1'000'000'000ull;
} // namespace

/// The replay's timetable, without a clock: offsets from the start follow the records' own
/// times scaled by the speed, a long gap counts as the cap, out-of-order records are due at
/// once, loops follow each other, and the fixed-rate and as-fast-as-possible modes.
class TestReplaySchedule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheRecordsTimes_data();
    void followsTheRecordsTimes();
    void doesNotDriftOverManyRecords();
    void loopsFollowEachOther();
    void fixedRateIgnoresTimestamps();
    void asFastAsPossibleIsDueAtOnce();
};

void TestReplaySchedule::followsTheRecordsTimes_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<QList<qint64>>("times"); ///< seconds after the base, 0 = no timestamp
    QTest::addColumn<QList<qint64>>("due"); ///< milliseconds
    QTest::addRow("1x") << 1.0 << QList<qint64> { 0, 1, 3 } << QList<qint64> { 0, 1000, 3000 };
    QTest::addRow("10x") << 10.0 << QList<qint64> { 0, 1, 3 } << QList<qint64> { 0, 100, 300 };
    QTest::addRow("0.5x") << 0.5 << QList<qint64> { 0, 1 } << QList<qint64> { 0, 2000 };
    QTest::addRow("a one-hour gap waits the 5 s cap")
        << 1.0 << QList<qint64> { 0, 3600, 3601 } << QList<qint64> { 0, 5000, 6000 };
    QTest::addRow("the cap applies after the speed")
        << 1000.0 << QList<qint64> { 0, 3600 } << QList<qint64> { 0, 3600 };
    QTest::addRow("an older record is due at once, the clock does not go back")
        << 1.0 << QList<qint64> { 10, 12, 11, 13 } << QList<qint64> { 0, 2000, 2000, 3000 };
}

void TestReplaySchedule::followsTheRecordsTimes()
{
    QFETCH(double, speed);
    QFETCH(QList<qint64>, times);
    QFETCH(QList<qint64>, due);
    ReplaySchedule schedule({ ReplaySchedule::Mode::Speed, speed, 0, 5 * second });
    QList<qint64> actual;
    for (const qint64 time : times)
        actual.append(schedule.dueNanos(base + quint64(time * second)) / 1'000'000);
    QCOMPARE(actual, due);
}

void TestReplaySchedule::doesNotDriftOverManyRecords()
{
    // 10,000 records 1 ms apart (and 1/3 ms jitter that does not add up): the last is due at
    // exactly its capture offset.
    ReplaySchedule schedule({ ReplaySchedule::Mode::Speed, 1.0, 0, 5 * second });
    qint64 last = 0;
    for (int i = 0; i < 10'000; ++i)
        last = schedule.dueNanos(base + quint64(i) * 1'000'000 + quint64(i % 3) * 333'333);
    QCOMPARE(last, qint64(9'999) * 1'000'000);
}

void TestReplaySchedule::loopsFollowEachOther()
{
    ReplaySchedule schedule({ ReplaySchedule::Mode::Speed, 1.0, 0, 5 * second });
    schedule.dueNanos(base);
    QCOMPARE(schedule.dueNanos(base + 2 * second), 2 * second);
    schedule.startLoop();
    QCOMPARE(schedule.dueNanos(base), 2 * second); // the second loop starts where the first ended
    QCOMPARE(schedule.dueNanos(base + 2 * second), 4 * second);
}

void TestReplaySchedule::fixedRateIgnoresTimestamps()
{
    ReplaySchedule schedule({ ReplaySchedule::Mode::FixedRate, 1.0, 200, 5 * second });
    QCOMPARE(schedule.dueNanos(base + 3600 * second), 0);
    QCOMPARE(schedule.dueNanos(base), 5'000'000);
    QCOMPARE(schedule.dueNanos(0), 10'000'000);
    QCOMPARE(schedule.records(), 3);
}

void TestReplaySchedule::asFastAsPossibleIsDueAtOnce()
{
    ReplaySchedule schedule({ ReplaySchedule::Mode::AsFastAsPossible, 1.0, 0, 5 * second });
    QCOMPARE(schedule.dueNanos(base), 0);
    QCOMPARE(schedule.dueNanos(base + 3600 * second), 0);
}

QTEST_GUILESS_MAIN(TestReplaySchedule)
#include "tst_replayschedule.moc"
