#include "common/gzip.h"
#include "common/gzipinflatestream.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

class TestGzip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void concatenatedMembers();
    void outputLimitIsEnforced();
    void badInput_data();
    void badInput();
    void streamInflatesAnyChunking_data();
    void streamInflatesAnyChunking();
    void streamBadInput_data();
    void streamBadInput();
};

void TestGzip::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("level");
    QTest::addRow("empty") << QByteArray() << 1;
    QTest::addRow("one byte") << QByteArray("x") << 6;
    QTest::addRow("ndjson") << QByteArray(R"({"trace_id":"abc","span_name":"x"})"
                                          "\n")
                                   .repeated(5000)
                            << 1;
    QByteArray random(300000, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char& c : random)
        c = static_cast<char>(generator.bounded(256));
    QTest::addRow("incompressible") << random << 9;
    QTest::addRow("unicode") << u"ação ✓ 日本語 \U0001F600"_s.toUtf8().repeated(100) << 6;
}

void TestGzip::roundTrip()
{
    QFETCH(QByteArray, data);
    QFETCH(int, level);
    const QByteArray compressed = Gzip::compress(data, level);
    QVERIFY(Gzip::hasGzipMagic(compressed));
    const Gzip::Inflated inflated = Gzip::decompress(compressed, data.size() + 1);
    QVERIFY2(inflated.ok(), qPrintable(inflated.error));
    QCOMPARE(inflated.data, data);
}

void TestGzip::concatenatedMembers()
{
    const QByteArray joined = Gzip::compress("first ") + Gzip::compress("second");
    const Gzip::Inflated inflated = Gzip::decompress(joined, 1024);
    QVERIFY2(inflated.ok(), qPrintable(inflated.error));
    QCOMPARE(inflated.data, QByteArray("first second"));
}

void TestGzip::outputLimitIsEnforced()
{
    // 64 MiB of zeros compress to about 64 KiB: a classic bomb shape.
    const QByteArray bomb = Gzip::compress(QByteArray(64 * 1024 * 1024, '\0'), 9);
    QVERIFY(bomb.size() < 200 * 1024);
    const Gzip::Inflated inflated = Gzip::decompress(bomb, 1024 * 1024);
    QVERIFY(!inflated.ok());
    QVERIFY2(inflated.error.contains(u"beyond the limit of 1048576 bytes"_s), qPrintable(inflated.error));
    QVERIFY(inflated.data.isEmpty());
    // Exactly at the limit is fine.
    const Gzip::Inflated exact = Gzip::decompress(Gzip::compress(QByteArray(1000, 'a')), 1000);
    QVERIFY2(exact.ok(), qPrintable(exact.error));
}

void TestGzip::badInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedError");
    const QByteArray good = Gzip::compress(QByteArray("hello world, hello world, hello world").repeated(20));
    QTest::addRow("empty") << QByteArray() << u"not gzip data"_s;
    QTest::addRow("plain text") << QByteArray("hello") << u"not gzip data"_s;
    QTest::addRow("magic only") << QByteArray("\x1f\x8b") << u"truncated"_s;
    QTest::addRow("truncated") << good.left(good.size() / 2) << u"truncated"_s;
    QTest::addRow("trailing garbage") << good + QByteArray("junk")
                                      << u"trailing garbage after the gzip stream at byte"_s;
    QByteArray corrupt = good;
    corrupt[12] = static_cast<char>(corrupt[12] ^ 0x5a);
    corrupt[13] = static_cast<char>(corrupt[13] ^ 0xa5);
    QTest::addRow("corrupt body") << corrupt << u"corrupt gzip data near byte"_s;
}

void TestGzip::badInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedError);
    const Gzip::Inflated inflated = Gzip::decompress(input, 1 << 20);
    QVERIFY(!inflated.ok());
    QVERIFY2(inflated.error.contains(expectedError), qPrintable(inflated.error));
}

void TestGzip::streamInflatesAnyChunking_data()
{
    roundTrip_data();
}

void TestGzip::streamInflatesAnyChunking()
{
    // A compressed HTTP answer arrives in whatever pieces the socket hands out.
    QFETCH(QByteArray, data);
    QFETCH(int, level);
    const QByteArray compressed = Gzip::compress(data, level) + Gzip::compress(data.left(10), level);
    for (const qsizetype piece : { qsizetype(1), qsizetype(7), qsizetype(4096), compressed.size() }) {
        GzipInflateStream stream;
        QByteArray out;
        for (qsizetype at = 0; at < compressed.size(); at += piece)
            QVERIFY2(stream.feed(QByteArrayView(compressed).sliced(at, qMin(piece, compressed.size() - at)), &out),
                qPrintable(stream.error()));
        QVERIFY2(stream.finish(), qPrintable(stream.error()));
        QCOMPARE(out, data + data.left(10));
        QCOMPARE(stream.compressedBytes(), compressed.size());
    }
}

void TestGzip::streamBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("failsWhileFeeding");
    QTest::addColumn<QString>("expectedError");
    const QByteArray good = Gzip::compress(QByteArray("hello world, hello world, hello world").repeated(20));
    QTest::addRow("plain text") << QByteArray("hello") << true << u"corrupt gzip data"_s;
    QTest::addRow("truncated") << good.left(good.size() / 2) << false << u"ends early"_s;
    QTest::addRow("trailing garbage") << good + QByteArray("junk") << true << u"corrupt gzip data after"_s;
    QByteArray corrupt = good;
    corrupt[12] = static_cast<char>(corrupt[12] ^ 0x5a);
    corrupt[13] = static_cast<char>(corrupt[13] ^ 0xa5);
    QTest::addRow("corrupt body") << corrupt << true << u"corrupt gzip data"_s;
}

void TestGzip::streamBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, failsWhileFeeding);
    QFETCH(QString, expectedError);
    GzipInflateStream stream;
    QByteArray out;
    const bool fed = stream.feed(input, &out);
    QCOMPARE(fed, !failsWhileFeeding);
    if (fed)
        QVERIFY(!stream.finish());
    QVERIFY2(stream.error().contains(expectedError), qPrintable(stream.error()));
    QVERIFY(!stream.feed("more", &out)); // an error is final
}

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"
