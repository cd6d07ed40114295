#include "common/gzip.h"
#include "common/jsonreader.h"
#include "otlp/otlpcodec.h"
#include "recordsamples.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace {
const QString peerDir = QStringLiteral(WORKBENCH_INTEROP_PEER_DIR);

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Runs the JS peer; returns its stderr on failure, an empty string on success.
QString runPeer(const QStringList& arguments)
{
    QProcess node;
    node.setWorkingDirectory(peerDir);
    node.start(QStandardPaths::findExecutable(u"node"_s), QStringList { u"otlp-peer.mjs"_s } + arguments);
    if (!node.waitForFinished(120000))
        return u"node did not finish: "_s + node.errorString();
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0)
        return u"node failed (%1): %2"_s.arg(node.exitCode()).arg(QString::fromUtf8(node.readAllStandardError()));
    return {};
}

template<typename Record>
QString compare(const QList<Record>& expected, const QList<Record>& actual)
{
    if (expected.size() != actual.size())
        return u"%1 records instead of %2"_s.arg(actual.size()).arg(expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (!(expected.at(i) == actual.at(i)))
            return u"record %1 differs"_s.arg(i);
    }
    return {};
}

/// Decodes a body with our decoder and the JS peer's canonical reading of it with our JSON
/// decoder; both must give the same records.
template<typename Decode>
QString sameReading(
    Decode decode, const QByteArray& body, Encoding encoding, const QByteArray& canonical, qsizetype* count)
{
    const auto ours = decode(body, encoding);
    const auto theirs = decode(canonical, Encoding::Json);
    if (!ours.ok())
        return u"our decoder: "_s + ours.error;
    if (!theirs.ok())
        return u"canonical JSON: "_s + theirs.error;
    if (ours.rejected != 0)
        return u"our decoder refused %1 records: %2"_s.arg(ours.rejected).arg(ours.rejections.join(u"; "_s));
    *count = ours.records.size();
    return compare(theirs.records, ours.records);
}
} // namespace

class TestOtlpInterop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ourOutputReadsTheSameInJs_data();
    void ourOutputReadsTheSameInJs();
    void jsExportersReadTheSameHere();
};

void TestOtlpInterop::initTestCase()
{
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
        QFAIL(
            "Node.js is needed for the interop tests: run packaging/install-deps.sh (or apt-get install nodejs npm).");
    if (!QFileInfo::exists(peerDir + u"/node_modules/otlp-transformer-decoder/build/src/generated/root.js"_s))
        QFAIL(qPrintable(u"The OpenTelemetry JS packages are not installed in %1: run `npm ci` there (ctest runs it as "
                         "the interop_npm_ci test; run the interop label, not this test alone)."_s.arg(peerDir)));
}

void TestOtlpInterop::ourOutputReadsTheSameInJs_data()
{
    QTest::addColumn<QString>("signal");
    QTest::addColumn<Encoding>("encoding");
    for (const char* signal : { "traces", "metrics", "logs" }) {
        QTest::addRow("%s protobuf", signal) << QString::fromLatin1(signal) << Encoding::Protobuf;
        QTest::addRow("%s json", signal) << QString::fromLatin1(signal) << Encoding::Json;
    }
}

void TestOtlpInterop::ourOutputReadsTheSameInJs()
{
    // Every field of every sample record, encoded by us, read by the OpenTelemetry JS protobuf
    // definitions, written back canonically, and compared with what we sent.
    QFETCH(QString, signal);
    QFETCH(Encoding, encoding);
    QTemporaryDir directory;
    const QString input = directory.filePath(u"body"_s);
    const QString output = directory.filePath(u"canonical.json"_s);
    QByteArray body;
    if (signal == u"traces"_s)
        body = OtlpCodec::encodeTraces(RecordSamples::spans(), encoding);
    else if (signal == u"metrics"_s)
        body = OtlpCodec::encodeMetrics(RecordSamples::metrics(), encoding);
    else
        body = OtlpCodec::encodeLogs(RecordSamples::logs(), encoding);
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(body);
    file.close();

    const QString failure =
        runPeer({ u"decode"_s, signal, encoding == Encoding::Protobuf ? u"protobuf"_s : u"json"_s, input, output });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QByteArray canonical = readFile(output);
    QString difference;
    if (signal == u"traces"_s) {
        const auto read = OtlpCodec::decodeTraces(canonical, Encoding::Json);
        QVERIFY2(read.ok(), qPrintable(read.error));
        difference = compare(RecordSamples::spans(), read.records);
    } else if (signal == u"metrics"_s) {
        const auto read = OtlpCodec::decodeMetrics(canonical, Encoding::Json);
        QVERIFY2(read.ok(), qPrintable(read.error));
        difference = compare(RecordSamples::metrics(), read.records);
    } else {
        const auto read = OtlpCodec::decodeLogs(canonical, Encoding::Json);
        QVERIFY2(read.ok(), qPrintable(read.error));
        difference = compare(RecordSamples::logs(), read.records);
    }
    QVERIFY2(difference.isEmpty(), qPrintable(difference + u"\nJS read: "_s + QString::fromUtf8(canonical.left(3000))));
}

void TestOtlpInterop::jsExportersReadTheSameHere()
{
    // The six real exporters, plain and gzip: every request they send decodes here to exactly
    // what the JS definitions read from it.
    QTemporaryDir directory;
    const QString failure = runPeer({ u"emit"_s, directory.path() });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QStringList bodies = QDir(directory.path()).entryList({ u"*.body"_s }, QDir::Files, QDir::Name);
    QVERIFY2(bodies.size() >= 24, qPrintable(bodies.join(u", "_s)));
    QHash<QString, qsizetype> recordsPerRun;
    for (const QString& name : bodies) {
        const QString stem = name.chopped(5);
        JsonValue meta;
        JsonReader reader;
        QVERIFY(reader.parse(readFile(directory.filePath(stem + u".meta.json"_s)), &meta));
        const QByteArray signal = meta.member("signal")->text();
        const Encoding encoding = meta.member("encoding")->text() == "protobuf" ? Encoding::Protobuf : Encoding::Json;
        QByteArray body = readFile(directory.filePath(name));
        if (meta.member("contentEncoding")->text() == "gzip") {
            const Gzip::Inflated inflated = Gzip::decompress(body, 64 << 20);
            QVERIFY2(inflated.ok(), qPrintable(inflated.error));
            body = inflated.data;
        }
        const QByteArray canonical = readFile(directory.filePath(stem + u".canonical.json"_s));
        qsizetype count = 0;
        QString difference;
        if (signal == "traces")
            difference = sameReading(OtlpCodec::decodeTraces, body, encoding, canonical, &count);
        else if (signal == "metrics")
            difference = sameReading(OtlpCodec::decodeMetrics, body, encoding, canonical, &count);
        else
            difference = sameReading(OtlpCodec::decodeLogs, body, encoding, canonical, &count);
        QVERIFY2(difference.isEmpty(), qPrintable(name + u": "_s + difference));
        // "http-none-traces-2" and "http-none-traces" belong to one run.
        const QString run = stem.section(u'-', 0, 2);
        recordsPerRun[run] += count;
    }
    for (const QString& exporter : { u"http"_s, u"proto"_s }) {
        for (const QString& compression : { u"none"_s, u"gzip"_s }) {
            const QString prefix = exporter + u'-' + compression + u'-';
            QCOMPARE(recordsPerRun.value(prefix + u"traces"_s), 2);
            QCOMPARE(recordsPerRun.value(prefix + u"metrics"_s) >= 6, true);
            QCOMPARE(recordsPerRun.value(prefix + u"logs"_s), 6);
        }
    }
}

QTEST_GUILESS_MAIN(TestOtlpInterop)
#include "tst_otlpinterop.moc"
