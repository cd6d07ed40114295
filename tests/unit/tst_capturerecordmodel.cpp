#include "capture/capturewriter.h"
#include "capturerecordmodel.h"
#include "telemetry/sampleevents.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// The Replay page's record list: rows arrive block by block, with the strings first seen in
/// each; the signal filter and the search select rows, also among rows that arrive later; the
/// summary counts every record, shown or not.
class TestCaptureRecordModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksAppendRowsWithTheirStrings();
    void filterAndSearchFollowNewBlocks();
    void resetForgetsEverything();
    void theIndexerReadsOnlyTheGenerationWanted();

private:
    static CaptureIndexBlock block(int first, int count, bool withStrings);
};

/// Rows first..first+count: even rows spans of "checkout", odd ones logs of "billing", a second
/// apart.
CaptureIndexBlock TestCaptureRecordModel::block(int first, int count, bool withStrings)
{
    CaptureIndexBlock result;
    if (withStrings)
        result.newStrings = { "checkout", "billing", "GET /cart", "card declined", "OK", "ERROR" };
    for (int i = first; i < first + count; ++i) {
        const bool span = i % 2 == 0;
        result.rows.append({ 1'764'460'800'000'000'000ull + quint64(i) * 1'000'000'000ull, span ? 0u : 1u,
            span ? 2u : 3u, span ? 4u : 5u, 0, span ? CaptureIndexRow::Span : CaptureIndexRow::Log });
    }
    return result;
}

void TestCaptureRecordModel::blocksAppendRowsWithTheirStrings()
{
    CaptureRecordModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset({ u"/tmp/a.jsonl"_s });
    model.appendBlock(block(0, 10, true));
    model.appendBlock(block(10, 5, false));
    QCOMPARE(model.rowCount(), 15);
    QCOMPARE(model.index(0, CaptureRecordModel::SignalColumn).data().toString(), u"span"_s);
    QCOMPARE(model.index(0, CaptureRecordModel::ServiceColumn).data().toString(), u"checkout"_s);
    QCOMPARE(model.index(1, CaptureRecordModel::NameColumn).data().toString(), u"card declined"_s);
    QCOMPARE(model.index(1, CaptureRecordModel::StatusColumn).data().toString(), u"ERROR"_s);
    QCOMPARE(model.index(1, CaptureRecordModel::FileColumn).data().toString(), u"a.jsonl"_s);
    QCOMPARE(model.index(3, 0).data(CaptureRecordModel::TimeRole).value<quint64>(), 1'764'460'803'000'000'000ull);
    const CaptureRecordModel::Summary summary = model.summary();
    QCOMPARE(summary.records[0], 8);
    QCOMPARE(summary.records[2], 7);
    QCOMPARE(summary.services.value(u"checkout"_s), 8);
    QCOMPARE(summary.services.value(u"billing"_s), 7);
    QCOMPARE(summary.lastTime - summary.firstTime, 14'000'000'000ull);
    QVERIFY2(model.summaryText().startsWith(u"8 spans, 0 metric points, 7 logs from 2 services"_s),
        qPrintable(model.summaryText()));
}

void TestCaptureRecordModel::filterAndSearchFollowNewBlocks()
{
    CaptureRecordModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset({ u"a.jsonl"_s });
    model.appendBlock(block(0, 10, true));
    model.setSignalMask(CaptureRecordModel::Logs);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, CaptureRecordModel::ServiceColumn).data().toString(), u"billing"_s);
    model.appendBlock(block(10, 10, false));
    QCOMPARE(model.rowCount(), 10);
    model.setSignalMask(CaptureRecordModel::AllSignals);
    model.setSearchText(u"CART"_s); // case-insensitive, in the name
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, CaptureRecordModel::SignalColumn).data().toString(), u"span"_s);
    model.setSearchText(u"error"_s); // in the status
    QCOMPARE(model.rowCount(), 10);
    model.setSignalMask(CaptureRecordModel::Spans);
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText({});
    model.setSignalMask(CaptureRecordModel::AllSignals);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.summary().total(), 20); // the summary counts what is not shown too
}

void TestCaptureRecordModel::resetForgetsEverything()
{
    CaptureRecordModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset({ u"a.jsonl"_s });
    CaptureIndexBlock first = block(0, 4, true);
    first.problems = 2;
    first.problemTexts = { u"a.jsonl:3: not JSON"_s, u"a.jsonl:9: unknown key"_s };
    model.appendBlock(first);
    QCOMPARE(model.summary().problems, 2);
    QCOMPARE(model.problemTexts().size(), 2);
    model.reset({ u"b.jsonl"_s });
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.summary().total(), 0);
    QCOMPARE(model.summary().problems, 0);
    QVERIFY(model.problemTexts().isEmpty());
    QCOMPARE(model.summaryText(), u"0 spans, 0 metric points, 0 logs"_s);
}

void TestCaptureRecordModel::theIndexerReadsOnlyTheGenerationWanted()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"capture.jsonl"_s);
    CaptureWriter writer;
    QString error;
    QVERIFY2(writer.open(path, {}, &error), qPrintable(error));
    writer.captureSpans(SampleEvents::automagikEvents(30));
    QVERIFY(writer.close());

    CaptureIndexer indexer;
    QSignalSpy blocks(&indexer, &CaptureIndexer::indexed);
    QSignalSpy finished(&indexer, &CaptureIndexer::finished);
    indexer.want(2);
    indexer.index({ path }, 2);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toBool(), false); // read to its end
    qint64 rows = 0;
    for (const QList<QVariant>& block : std::as_const(blocks))
        rows += block.first().value<CaptureIndexBlock>().rows.size();
    QCOMPARE(rows, 30);

    // A read queued before a newer one was wanted (or a cancel) reads nothing.
    blocks.clear();
    indexer.want(3);
    indexer.index({ path }, 2);
    QCOMPARE(blocks.size(), 0);
    QCOMPARE(finished.last().at(1).toBool(), true);
    indexer.cancel();
    indexer.index({ path }, 3);
    QCOMPARE(blocks.size(), 0);
    QCOMPARE(finished.last().at(0).toULongLong(), 3ull);
    QCOMPARE(finished.last().at(1).toBool(), true);
}

QTEST_GUILESS_MAIN(TestCaptureRecordModel)
#include "tst_capturerecordmodel.moc"
