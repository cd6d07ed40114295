#include "live/tailseconds.h"

#include <QTest>

/// TailSeconds decides which seconds of a table the Live page's tail reads again and which rows
/// of a read are new: counted fingerprints, late rows, the receiver's records, forgetting.
class TestTailSeconds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSecondsWhoseCountChanged();
    void equalRowsAreCountedNotMerged();
    void receiverRecordsAreNotNew();
    void forgottenSecondsAreNoLongerWatched();
    void cutSecondsCountWhatWasNotShownOnce();
};

void TestTailSeconds::readsSecondsWhoseCountChanged()
{
    TailSeconds seconds;
    using Counts = QList<TailSeconds::Count>;
    // Unknown seconds are read, oldest first.
    QCOMPARE(seconds.changed({ { 12, 3 }, { 10, 5 } }), (Counts { { 10, 5 }, { 12, 3 } }));
    seconds.setCount(10, 5);
    seconds.setCount(12, 3);
    QCOMPARE(seconds.changed({ { 10, 5 }, { 12, 3 } }), Counts {});
    // A late row lands in second 10, which the tail had passed: 10 is read again.
    QCOMPARE(seconds.changed({ { 10, 6 }, { 12, 3 }, { 13, 1 } }), (Counts { { 10, 6 }, { 13, 1 } }));
    // Fewer rows (a merge that deduplicated, a deletion) is a change too.
    QCOMPARE(seconds.changed({ { 10, 4 }, { 12, 3 } }), (Counts { { 10, 4 } }));
}

void TestTailSeconds::equalRowsAreCountedNotMerged()
{
    TailSeconds seconds;
    // Two equal rows and another: three records.
    QCOMPARE(seconds.takeNew({ 10, 10, 10 }, { 7, 7, 8 }), (QList<qsizetype> { 0, 1, 2 }));
    QCOMPARE(seconds.prints(), 3);
    // The same second read again with one more equal row: only that one is new.
    QCOMPARE(seconds.takeNew({ 10, 10, 10, 10 }, { 7, 8, 7, 7 }), (QList<qsizetype> { 3 }));
    // The same fingerprint in another second is another record.
    QCOMPARE(seconds.takeNew({ 11 }, { 7 }), (QList<qsizetype> { 0 }));
    QCOMPARE(seconds.prints(), 5);
}

void TestTailSeconds::receiverRecordsAreNotNew()
{
    TailSeconds seconds;
    seconds.note(20, 99);
    seconds.note(20, 99);
    // The receiver's two rows reach the table, with one row of another writer.
    QCOMPARE(seconds.takeNew({ 20, 20, 20 }, { 99, 5, 99 }), (QList<qsizetype> { 1 }));
    // A third equal row was not the receiver's.
    QCOMPARE(seconds.takeNew({ 20, 20, 20, 20 }, { 99, 99, 99, 5 }), (QList<qsizetype> { 2 }));

    // A second holding exactly the receiver's records is not read at all: at 10,000 records/s
    // through the receiver, the tail reads nothing.
    seconds.note(21, 1);
    seconds.note(21, 2);
    QCOMPARE(seconds.changed({ { 21, 1 } }), (QList<TailSeconds::Count> { { 21, 1 } })); // one still on its way
    QCOMPARE(seconds.changed({ { 21, 2 } }), QList<TailSeconds::Count> {});
    QCOMPARE(seconds.changed({ { 21, 3 } }), (QList<TailSeconds::Count> { { 21, 3 } })); // and another writer's
}

void TestTailSeconds::forgottenSecondsAreNoLongerWatched()
{
    TailSeconds seconds;
    QCOMPARE(seconds.takeNew({ 1, 2, 2, 3 }, { 1, 2, 3, 4 }).size(), 4);
    seconds.forgetBefore(2);
    QCOMPARE(seconds.firstWatched(), 2u);
    QCOMPARE(seconds.prints(), 3);
    // Rows of a forgotten second are neither read nor shown.
    QCOMPARE(seconds.changed({ { 1, 9 }, { 3, 2 } }), (QList<TailSeconds::Count> { { 3, 2 } }));
    QCOMPARE(seconds.takeNew({ 1 }, { 42 }), QList<qsizetype> {});
    seconds.note(1, 42);
    QCOMPARE(seconds.prints(), 3);
    // Beyond the fingerprints it may keep, the oldest seconds go first.
    seconds.forgetOldestBeyond(1, 100);
    QCOMPARE(seconds.firstWatched(), 3u);
    QCOMPARE(seconds.prints(), 1);
    QCOMPARE(seconds.takeNew({ 3, 3 }, { 4, 4 }), (QList<qsizetype> { 1 }));
    // The newest seconds stay, whatever they hold.
    seconds.forgetOldestBeyond(0, 3);
    QCOMPARE(seconds.firstWatched(), 3u);
    QCOMPARE(seconds.prints(), 2);
}

void TestTailSeconds::cutSecondsCountWhatWasNotShownOnce()
{
    TailSeconds seconds;
    QCOMPARE(seconds.takeNew({ 5, 5 }, { 1, 2 }).size(), 2);
    seconds.setCount(5, 10, true); // ten rows, a read took two
    QCOMPARE(seconds.notShown(), 8u);
    seconds.setCount(5, 12, true); // read again: not counted twice
    QCOMPARE(seconds.notShown(), 10u);
    seconds.setCount(5, 12); // read whole at last
    QCOMPARE(seconds.notShown(), 0u);
    seconds.setCount(5, 12, true);
    seconds.forgetBefore(6); // what a forgotten second never showed stays counted
    QCOMPARE(seconds.notShown(), 10u);
}

QTEST_GUILESS_MAIN(TestTailSeconds)
#include "tst_tailseconds.moc"
