#include "capture/capturereader.h"
#include "capture/capturewriter.h"
#include "recordsamples.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CaptureBatch readAll(const QString& path)
{
    CaptureBatch all;
    CaptureReader reader;
    QString error;
    if (!reader.open(path, &error))
        qFatal("%s", qPrintable(error));
    CaptureBatch block;
    while (reader.next(&block))
        all.append(std::move(block));
    return all;
}
} // namespace

/// The capture writer: what it writes reads back field for field, as plain JSON Lines or gzip,
/// and rotation keeps every record in exactly one file.
class TestCaptureWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatReadsBack_data();
    void writesWhatReadsBack();
    void linesAreTheOpenTelemetryFileFormat();
    void rotatesBySizeAndLosesNothing();
    void reportsAFolderThatCannotBeWritten();

private:
    QTemporaryDir m_folder;
};

void TestCaptureWriter::writesWhatReadsBack_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("JSON Lines") << u"capture.jsonl"_s;
    QTest::addRow("gzip, by the name") << u"capture.jsonl.gz"_s;
}

void TestCaptureWriter::writesWhatReadsBack()
{
    QFETCH(QString, name);
    CaptureWriter writer;
    QString error;
    QVERIFY2(writer.open(m_folder.filePath(name), {}, &error), qPrintable(error));
    writer.captureSpans(RecordSamples::spans());
    writer.captureMetrics(RecordSamples::metrics());
    writer.captureLogs(RecordSamples::logs());
    const QList<SpanRecord> events = RecordSamples::realisticEvents(50);
    writer.captureSpans(events);
    QVERIFY(writer.close());
    const auto statistics = writer.statistics();
    QCOMPARE(statistics.lines, 4);
    QCOMPARE(statistics.spans, RecordSamples::spans().size() + 50);

    QFile raw(m_folder.filePath(name));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QCOMPARE(raw.peek(2) == "\x1f\x8b", name.endsWith(u".gz"_s));

    const CaptureBatch read = readAll(m_folder.filePath(name));
    QVERIFY(read.problems.isEmpty());
    QCOMPARE(read.spans, RecordSamples::spans() + events);
    QCOMPARE(read.metrics, RecordSamples::metrics());
    QCOMPARE(read.logs, RecordSamples::logs());
}

void TestCaptureWriter::linesAreTheOpenTelemetryFileFormat()
{
    CaptureWriter writer;
    QString error;
    const QString path = m_folder.filePath(u"format.jsonl"_s);
    QVERIFY2(writer.open(path, {}, &error), qPrintable(error));
    writer.captureSpans(RecordSamples::realisticEvents(3));
    writer.captureLogs(RecordSamples::logs());
    QVERIFY(writer.close());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two lines, each ended by a newline
    QVERIFY(lines.at(0).startsWith(R"({"resourceSpans":[)"));
    QVERIFY(lines.at(1).startsWith(R"({"resourceLogs":[)"));
    QVERIFY(lines.at(2).isEmpty());
}

void TestCaptureWriter::rotatesBySizeAndLosesNothing()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"rotating.jsonl"_s);
    CaptureWriter writer;
    QString error;
    CaptureWriter::Options options;
    options.rotateBytes = 20 * 1024;
    QVERIFY2(writer.open(path, options, &error), qPrintable(error));
    QList<SpanRecord> written;
    for (int i = 0; i < 12; ++i) {
        QList<SpanRecord> spans = RecordSamples::realisticEvents(10);
        for (SpanRecord& span : spans)
            span.name = "batch-" + QByteArray::number(i);
        writer.captureSpans(spans);
        written += spans;
    }
    QVERIFY(writer.close());
    const QStringList rotated = writer.statistics().rotatedFiles;
    QVERIFY2(rotated.size() >= 2, qPrintable(rotated.join(u", "_s)));
    for (const QString& file : rotated)
        QVERIFY2(QFileInfo(file).fileName().startsWith(u"rotating-"_s) && file.endsWith(u".jsonl"_s), qPrintable(file));
    QList<SpanRecord> read;
    for (const QString& file : rotated + QStringList { path })
        read += readAll(file).spans;
    QCOMPARE(read, written);
}

void TestCaptureWriter::reportsAFolderThatCannotBeWritten()
{
    CaptureWriter writer;
    QString error;
    QVERIFY(!writer.open(m_folder.filePath(u"no/such/folder/capture.jsonl"_s), {}, &error));
    QVERIFY2(error.startsWith(u"cannot write "_s) && error.contains(u"capture.jsonl"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCaptureWriter)
#include "tst_capturewriter.moc"
