#include "clickhousefixture.h"
#include "query/queryexporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Format = QueryExporter::Format;

/// Exports of a whole result to disk, against a real ClickHouse: every row in each format, and
/// what happens when the server fails midway, when the user cancels, and when the file cannot
/// be written (nothing half-written is left behind, the old file survives).
class TestQueryExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void exportsEveryRow_data();
    void exportsEveryRow();
    void jsonIsOneDocument();
    void serverFailingMidwayLeavesNoFile();
    void cancelStopsTheQueryAndLeavesTheOldFile();
    void unwritablePathIsAClearError();

private:
    bool runExport(const QString& sql, Format format, const QString& path, ClickHouseError* error = nullptr,
        const ClickHouseClient::Settings& settings = {});

    ClickHouseFixture m_fixture;
    QTemporaryDir m_directory;
    std::unique_ptr<QueryExporter> m_exporter;
};

void TestQueryExporter::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    QVERIFY(m_directory.isValid());
}

void TestQueryExporter::init()
{
    m_exporter = std::make_unique<QueryExporter>();
    m_exporter->setServer(m_fixture.endpoint(), m_fixture.serverInfo());
}

bool TestQueryExporter::runExport(const QString& sql, Format format, const QString& path, ClickHouseError* error,
    const ClickHouseClient::Settings& settings)
{
    QSignalSpy finished(m_exporter.get(), &QueryExporter::finished);
    m_exporter->start(sql, format, path, settings);
    if (!finished.wait(60000))
        return false;
    const auto result = finished.first().at(0).value<ClickHouseError>();
    if (error)
        *error = result;
    return !result.isError();
}

void TestQueryExporter::exportsEveryRow_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("firstLines");
    QTest::addColumn<QString>("lastLine");
    QTest::newRow("CSV") << int(Format::Csv) << u"\"n\",\"text\"\n0,\"say \"\"0\"\", ok\"\n"_s
                         << u"\n249999,\"say \"\"249999\"\", ok\"\n"_s;
    QTest::newRow("TSV") << int(Format::Tsv) << u"n\ttext\n0\tsay \"0\", ok\n"_s << u"\n249999\tsay \"249999\", ok\n"_s;
}

void TestQueryExporter::exportsEveryRow()
{
    QFETCH(int, format);
    QFETCH(QString, firstLines);
    QFETCH(QString, lastLine);
    const QString path = m_directory.filePath(u"rows-%1.txt"_s.arg(format));
    // More rows than the grid's cap, and text that needs quoting.
    QVERIFY(
        runExport(u"SELECT number AS n, concat('say \"', toString(number), '\", ok') AS text FROM numbers(250000)"_s,
            Format(format), path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY2(content.startsWith(firstLines.toUtf8()), content.left(100).constData());
    QCOMPARE(content.count('\n'), 250001);
    QVERIFY2(content.endsWith(lastLine.toUtf8()), content.right(60).constData());
}

void TestQueryExporter::jsonIsOneDocument()
{
    const QString path = m_directory.filePath(u"rows.json"_s);
    QVERIFY(runExport(u"SELECT number AS n, toString(number) AS s FROM numbers(1000)"_s, Format::Json, path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject document = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.value(u"rows"_s).toInt(), 1000);
    QCOMPARE(document.value(u"data"_s).toArray().size(), 1000);
    QCOMPARE(document.value(u"data"_s).toArray().last().toObject().value(u"s"_s).toString(), u"999"_s);
    QCOMPARE(QueryExporter::formatForPath(u"/x/Result.JSON"_s), Format::Json);
    QCOMPARE(QueryExporter::formatForPath(u"a.tsv"_s), Format::Tsv);
    QCOMPARE(QueryExporter::formatForPath(u"a.txt"_s), Format::Csv);
}

void TestQueryExporter::serverFailingMidwayLeavesNoFile()
{
    const QString path = m_directory.filePath(u"failed.csv"_s);
    ClickHouseError error;
    // The exception comes after many rows were sent (small blocks make them arrive first).
    QVERIFY(!runExport(u"SELECT number, throwIf(number = 300000) FROM numbers(400000)"_s, Format::Csv, path, &error,
        { { u"max_block_size"_s, u"1000"_s } }));
    QCOMPARE(error.code(), 395);
    QVERIFY2(error.message().contains(u"throwIf"_s) || error.message().contains(u"non zero"_s),
        qPrintable(error.toString()));
    QVERIFY(!QFile::exists(path));
}

void TestQueryExporter::cancelStopsTheQueryAndLeavesTheOldFile()
{
    const QString path = m_directory.filePath(u"endless.csv"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous export\n");
    }
    QSignalSpy progressed(m_exporter.get(), &QueryExporter::progressed);
    QSignalSpy finished(m_exporter.get(), &QueryExporter::finished);
    m_exporter->start(u"SELECT number FROM system.numbers"_s, Format::Csv, path);
    QTRY_VERIFY_WITH_TIMEOUT(!progressed.isEmpty() && progressed.last().first().toLongLong() > 1000000, 30000);
    const QString running =
        u"SELECT count() FROM system.processes WHERE query LIKE 'SELECT number FROM system.numbers%'"_s;
    QCOMPARE(ClickHouseFixture::run(m_fixture.endpoint(), running).trimmed(), u"1"_s);
    m_exporter->cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).value<ClickHouseError>().kind(), ClickHouseError::Kind::Cancelled);
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the previous export\n"));
    QTRY_COMPARE_WITH_TIMEOUT(ClickHouseFixture::run(m_fixture.endpoint(), running).trimmed(), u"0"_s, 10000);
}

void TestQueryExporter::unwritablePathIsAClearError()
{
    ClickHouseError error;
    const QString path = m_directory.filePath(u"no/such/folder/out.csv"_s);
    QVERIFY(!runExport(u"SELECT 1"_s, Format::Csv, path, &error));
    QVERIFY2(
        error.toString().contains(u"cannot create"_s) && error.toString().contains(path), qPrintable(error.toString()));
}

QTEST_MAIN(TestQueryExporter)
#include "tst_queryexporter.moc"
