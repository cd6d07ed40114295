#include "delivery/durablespool.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
DeliveryBatch batch(const QString& destination, int rows, int offset = 0)
{
    DeliveryBatch b;
    b.destination = destination;
    b.createdAtMs = 1000 + offset;
    for (int i = 0; i < rows; ++i) {
        b.rows += "{\"id\":" + QByteArray::number(offset + i) + ",\"text\":\"ação\"}\n";
        b.keys.append("key-" + QByteArray::number(offset + i));
    }
    return b;
}
} // namespace

class TestDurableSpool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesComeBackInOrderAfterReopening();
    void acknowledgedBatchesStayDelivered();
    void severalBatchesAreAcknowledgedAtOnce();
    void tornLastFrameIsCutAndReported();
    void corruptFrameIsNeverMisread();
    void fullSpoolRefusesLoudly();
    void partialBatchKeepsOnlyMissingRows();
    void coalescedBatchesKeepRowsKeysAndAge();
};

void TestDurableSpool::batchesComeBackInOrderAfterReopening()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"spool/direct.spool"_s);
    QList<DeliveryBatch> written;
    {
        DurableSpool spool(path);
        QString error;
        QVERIFY2(spool.open(&error), qPrintable(error));
        for (int i = 0; i < 5; ++i) {
            DeliveryBatch b = batch(i % 2 ? u"logs"_s : u"traces"_s, 10 + i, i * 100);
            QVERIFY2(spool.append(&b, &error), qPrintable(error));
            written.append(b);
        }
        QCOMPARE(spool.pendingBatches(), 5);
        QCOMPARE(spool.pendingRows(), 10 + 11 + 12 + 13 + 14);
        QCOMPARE(spool.oldestCreatedAtMs(), 1000);
    }
    DurableSpool reopened(path);
    QString error;
    QVERIFY2(reopened.open(&error), qPrintable(error));
    QCOMPARE(reopened.pendingBatches(), 5);
    for (const DeliveryBatch& expected : written) {
        const auto front = reopened.front(&error);
        QVERIFY2(front.has_value(), qPrintable(error));
        QCOMPARE(*front, expected);
        QVERIFY(reopened.acknowledgeFront(&error));
    }
    QVERIFY(reopened.isEmpty());
    QCOMPARE(QFileInfo(path).size(), 0); // emptied once everything is delivered
}

void TestDurableSpool::acknowledgedBatchesStayDelivered()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"a.spool"_s);
    QString error;
    {
        DurableSpool spool(path);
        QVERIFY(spool.open(&error));
        for (int i = 0; i < 3; ++i) {
            DeliveryBatch b = batch(u"traces"_s, 5, i * 10);
            QVERIFY(spool.append(&b, &error));
        }
        QVERIFY(spool.acknowledgeFront(&error));
    }
    DurableSpool reopened(path);
    QVERIFY(reopened.open(&error));
    QCOMPARE(reopened.pendingBatches(), 2);
    QCOMPARE(reopened.front(&error)->keys.first(), QByteArray("key-10"));
    // Sequence numbers go on after the ones already used.
    DeliveryBatch next = batch(u"traces"_s, 1, 99);
    QVERIFY(reopened.append(&next, &error));
    QVERIFY(next.sequence > reopened.front(&error)->sequence);
}

void TestDurableSpool::tornLastFrameIsCutAndReported()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"t.spool"_s);
    QString error;
    qint64 goodSize = 0;
    {
        DurableSpool spool(path);
        QVERIFY(spool.open(&error));
        DeliveryBatch b = batch(u"traces"_s, 3);
        QVERIFY(spool.append(&b, &error));
        goodSize = spool.sizeBytes();
        DeliveryBatch c = batch(u"traces"_s, 3, 10);
        QVERIFY(spool.append(&c, &error));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() - 7)); // a crash in the middle of the second write
    file.close();
    DurableSpool reopened(path);
    QString warning;
    QVERIFY(reopened.open(&error, &warning));
    QCOMPARE(reopened.pendingBatches(), 1);
    QVERIFY2(warning.contains(u"a frame cut short"_s) && warning.contains(u"at byte %1"_s.arg(goodSize)),
        qPrintable(warning));
    QCOMPARE(reopened.sizeBytes(), goodSize);
    QCOMPARE(QFileInfo(path).size(), goodSize);
}

void TestDurableSpool::corruptFrameIsNeverMisread()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"c.spool"_s);
    QString error;
    {
        DurableSpool spool(path);
        QVERIFY(spool.open(&error));
        DeliveryBatch b = batch(u"traces"_s, 3);
        QVERIFY(spool.append(&b, &error));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(40);
    file.write("X");
    file.close();
    DurableSpool reopened(path);
    QString warning;
    QVERIFY(reopened.open(&error, &warning));
    QCOMPARE(reopened.pendingBatches(), 0);
    QVERIFY2(warning.contains(u"checksum does not match"_s), qPrintable(warning));
}

void TestDurableSpool::fullSpoolRefusesLoudly()
{
    QTemporaryDir directory;
    DurableSpool spool(directory.filePath(u"f.spool"_s), 600);
    QString error;
    QVERIFY(spool.open(&error));
    DeliveryBatch small = batch(u"traces"_s, 2);
    QVERIFY(spool.append(&small, &error));
    DeliveryBatch large = batch(u"traces"_s, 50);
    QVERIFY(!spool.append(&large, &error));
    QVERIFY2(error.contains(u"is full"_s) && error.contains(u"a batch of 50 rows does not fit"_s), qPrintable(error));
    QCOMPARE(spool.pendingBatches(), 1);
}

void TestDurableSpool::partialBatchKeepsOnlyMissingRows()
{
    const DeliveryBatch full = batch(u"traces"_s, 4);
    const DeliveryBatch rest = full.without({ "key-0", "key-2" });
    QCOMPARE(rest.keys, (QList<QByteArray> { "key-1", "key-3" }));
    QCOMPARE(rest.rows, QByteArray("{\"id\":1,\"text\":\"ação\"}\n{\"id\":3,\"text\":\"ação\"}\n"));
    QVERIFY(full.without(full.keys).isEmpty());
}

void TestDurableSpool::coalescedBatchesKeepRowsKeysAndAge()
{
    // Group commit joins queued batches; a partial resend must still find every row by its key.
    DeliveryBatch joined = batch(u"traces"_s, 2, 10);
    joined.append(batch(u"traces"_s, 2, 0));
    QCOMPARE(joined.rowCount(), 4);
    QCOMPARE(joined.keys, (QList<QByteArray> { "key-10", "key-11", "key-0", "key-1" }));
    QCOMPARE(joined.rows.count('\n'), 4);
    QCOMPARE(joined.createdAtMs, 1000); // the older batch's age, so spool age is not understated
    QCOMPARE(joined.without({ "key-11", "key-0" }).rows,
        QByteArray("{\"id\":10,\"text\":\"ação\"}\n{\"id\":1,\"text\":\"ação\"}\n"));
}

void TestDurableSpool::severalBatchesAreAcknowledgedAtOnce()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"many.spool"_s);
    {
        DurableSpool spool(path);
        QString error;
        QVERIFY2(spool.open(&error), qPrintable(error));
        for (int i = 0; i < 4; ++i) {
            DeliveryBatch b = batch(u"traces"_s, 2, i * 10);
            QVERIFY2(spool.append(&b, &error), qPrintable(error));
        }
        const auto third = spool.at(2, &error);
        QVERIFY(third.has_value());
        QCOMPARE(third->keys, batch(u"traces"_s, 2, 20).keys);
        QVERIFY(!spool.at(4, &error).has_value());
        QVERIFY2(spool.acknowledgeFront(&error, 3), qPrintable(error));
        QCOMPARE(spool.pendingBatches(), 1);
    }
    DurableSpool reopened(path);
    QString error;
    QVERIFY2(reopened.open(&error), qPrintable(error));
    QCOMPARE(reopened.pendingBatches(), 1);
    QCOMPARE(reopened.front(&error)->keys, batch(u"traces"_s, 2, 30).keys);
}

QTEST_GUILESS_MAIN(TestDurableSpool)
#include "tst_durablespool.moc"
