#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseresultstream.h"
#include "clickhousefixture.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Kind = ClickHouseError::Kind;

namespace {
/// Runs a request to its end; the reply is owned by the caller through the unique_ptr.
std::unique_ptr<ClickHouseReply> finish(ClickHouseReply* reply)
{
    std::unique_ptr<ClickHouseReply> owned(reply);
    if (!ClickHouseFixture::waitFor(reply))
        qWarning("request did not finish in time");
    return owned;
}
} // namespace

class TestClickHouseClient final : public QObject
{
    Q_OBJECT

private:
    static void compressionVariants();

private Q_SLOTS:
    void initTestCase();
    void pingAndVersion();
    void gzipInsertRoundTrip();
    void wrongPasswordIsAClearAuthenticationError();
    void unknownUserIsAnAuthenticationError();
    void syntaxErrorCarriesTheServerMessage();
    void slowQueryTimesOut();
    void refusedConnectionIsANetworkError();
    void abortGivesCancelled();
    void cancelStopsTheQueryOnTheServer();
    void compressedAnswersAreInflated();
    void largeResultsStreamInBlocks_data();
    void largeResultsStreamInBlocks();
    void serverErrorMidStreamIsReported_data();
    void serverErrorMidStreamIsReported();
    void cancellingAStreamStopsTheQuery();

private:
    ClickHouseFixture m_fixture;
};

void TestClickHouseClient::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

void TestClickHouseClient::pingAndVersion()
{
    ClickHouseClient client(m_fixture.endpoint());
    auto ping = finish(client.ping());
    QVERIFY2(ping->isOk(), qPrintable(ping->error().toString()));
    QCOMPARE(ping->text(), u"Ok."_s);
    auto version = finish(client.query(u"SELECT version()"_s));
    QVERIFY2(version->isOk(), qPrintable(version->error().toString()));
    QVERIFY2(QRegularExpression(u"^\\d+\\.\\d+"_s).match(version->text()).hasMatch(), qPrintable(version->text()));
    QCOMPARE(version->text(), m_fixture.server().serverVersion());
    QVERIFY(!version->queryId().isEmpty());
}

void TestClickHouseClient::gzipInsertRoundTrip()
{
    ClickHouseClient client(m_fixture.endpoint());
    auto created = finish(client.query(u"CREATE TABLE default.roundtrip (id UInt64, name String, value Float64, "
                                       "tags Array(String)) ENGINE = MergeTree ORDER BY id"_s));
    QVERIFY2(created->isOk(), qPrintable(created->error().toString()));

    // Rows that exercise escaping: quotes, tabs, newlines, unicode, max UInt64, empty arrays.
    QList<QJsonObject> rows;
    for (int i = 0; i < 2000; ++i) {
        rows.append(QJsonObject { { u"id"_s, QString::number(i) },
            { u"name"_s, u"row %1 \"quoted\"\ttab\nnewline ação ✓"_s.arg(i) }, { u"value"_s, i * 0.5 },
            { u"tags"_s, i % 3 == 0 ? QJsonArray() : QJsonArray { u"a"_s, u"b%1"_s.arg(i) } } });
    }
    rows.append(QJsonObject { { u"id"_s, u"18446744073709551615"_s }, { u"name"_s, QString() }, { u"value"_s, -1.25 },
        { u"tags"_s, QJsonArray() } });
    QByteArray body;
    for (const QJsonObject& row : std::as_const(rows))
        body += QJsonDocument(row).toJson(QJsonDocument::Compact) + '\n';

    auto inserted = finish(client.insert(u"INSERT INTO default.roundtrip FORMAT JSONEachRow"_s, body, true));
    QVERIFY2(inserted->isOk(), qPrintable(inserted->error().toString()));
    QCOMPARE(inserted->httpStatus(), 200);

    auto readBack =
        finish(client.query(u"SELECT id, name, value, tags FROM default.roundtrip ORDER BY id FORMAT JSONEachRow"_s));
    QVERIFY2(readBack->isOk(), qPrintable(readBack->error().toString()));
    const QList<QByteArray> lines = readBack->body().trimmed().split('\n');
    QCOMPARE(lines.size(), rows.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject got = QJsonDocument::fromJson(lines.at(i)).object();
        const QJsonObject& sent = rows.at(i);
        // UInt64 comes back quoted (output_format_json_quote_64bit_integers), exact.
        QCOMPARE(got.value(u"id"_s).toString(), sent.value(u"id"_s).toString());
        QCOMPARE(got.value(u"name"_s).toString(), sent.value(u"name"_s).toString());
        QCOMPARE(got.value(u"value"_s).toDouble(), sent.value(u"value"_s).toDouble());
        QCOMPARE(got.value(u"tags"_s).toArray(), sent.value(u"tags"_s).toArray());
    }

    auto count = finish(client.query(u"SELECT count(), sum(value) FROM default.roundtrip"_s));
    QVERIFY(count->isOk());
    QCOMPARE(count->text(), u"2001\t999498.75"_s);
}

void TestClickHouseClient::compressedAnswersAreInflated()
{
    ClickHouseClient client(m_fixture.endpoint());
    QVERIFY(!client.responseCompression()); // loopback: compressing would only cost CPU
    const QString sql = u"SELECT number, toString(number * 7) FROM numbers(100000) FORMAT TabSeparated"_s;
    auto plain = finish(client.query(sql));
    QVERIFY2(plain->isOk(), qPrintable(plain->error().toString()));
    QCOMPARE(plain->wireBodyBytes(), plain->body().size());
    client.setResponseCompression(true);
    auto compressed = finish(client.query(sql));
    QVERIFY2(compressed->isOk(), qPrintable(compressed->error().toString()));
    QCOMPARE(compressed->header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(compressed->body(), plain->body());
    QVERIFY2(compressed->wireBodyBytes() * 2 < plain->body().size(),
        qPrintable(u"%1 compressed bytes for %2"_s.arg(compressed->wireBodyBytes()).arg(plain->body().size())));
    // A server error still reads as one (the error text may come compressed too).
    auto failed = finish(client.query(u"SELECT * FROM default.no_such_table"_s));
    QCOMPARE(failed->error().code(), 60);
    // A remote host gets compression by default.
    ClickHouseEndpoint remote = m_fixture.endpoint();
    remote.url.setHost(u"clickhouse.example.org"_s);
    QVERIFY(ClickHouseClient(remote).responseCompression());
}

void TestClickHouseClient::wrongPasswordIsAClearAuthenticationError()
{
    ClickHouseEndpoint wrong = m_fixture.endpoint();
    wrong.password = u"not-the-password"_s;
    ClickHouseClient client(wrong);
    client.setTimeoutMs(10000);
    QElapsedTimer timer;
    timer.start();
    auto reply = finish(client.query(u"SELECT 1"_s));
    QVERIFY(reply->isFinished());
    qInfo("the authentication failure was answered in %lld ms (the timeout is 10,000 ms)", timer.elapsed());
    QVERIFY2(timer.elapsed() < 10000, "an authentication failure must not wait for the timeout");
    QVERIFY(!reply->isOk());
    QCOMPARE(reply->error().kind(), Kind::Authentication);
    QCOMPARE(reply->httpStatus(), 401);
    QCOMPARE(reply->error().code(), 193);
    QVERIFY2(reply->error().toString().contains(u"Wrong password for user telemetry"_s),
        qPrintable(reply->error().toString()));
    QVERIFY2(!reply->error().toString().contains(u"not-the-password"_s), "the password is never echoed");

    // An insert with wrong credentials fails the same way and writes nothing.
    auto insert = finish(client.insert(u"INSERT INTO default.nothing FORMAT JSONEachRow"_s, "{}\n"));
    QCOMPARE(insert->error().kind(), Kind::Authentication);
}

void TestClickHouseClient::unknownUserIsAnAuthenticationError()
{
    ClickHouseEndpoint anonymous = m_fixture.endpoint();
    anonymous.user = u"default"_s;
    anonymous.password.clear();
    ClickHouseClient client(anonymous);
    auto reply = finish(client.query(u"SELECT 1"_s));
    QCOMPARE(reply->error().kind(), Kind::Authentication);
    QCOMPARE(reply->error().code(), 192);
}

void TestClickHouseClient::syntaxErrorCarriesTheServerMessage()
{
    ClickHouseClient client(m_fixture.endpoint());
    auto reply = finish(client.query(u"SELEKT 1"_s));
    QCOMPARE(reply->error().kind(), Kind::Server);
    QCOMPARE(reply->error().code(), 62);
    QCOMPARE(reply->httpStatus(), 400);
    QVERIFY2(reply->error().message().startsWith(u"Syntax error"_s), qPrintable(reply->error().message()));

    auto missing = finish(client.query(u"SELECT * FROM default.no_such_table"_s));
    QCOMPARE(missing->error().code(), 60);
    QVERIFY2(missing->error().message().contains(u"no_such_table"_s), qPrintable(missing->error().message()));
}

void TestClickHouseClient::slowQueryTimesOut()
{
    ClickHouseClient client(m_fixture.endpoint());
    client.setTimeoutMs(300);
    // The server answers after 3 s (the longest sleep it allows); the timeout must end it first,
    // with a margin of 2.4 s for a loaded machine.
    auto reply = finish(client.query(u"SELECT sleep(3)"_s));
    QCOMPARE(reply->error().kind(), Kind::Timeout);
    qInfo("a 300 ms timeout ended a 3 s query after %lld ms", reply->elapsedMs());
    QVERIFY2(reply->elapsedMs() < 2700, qPrintable(QString::number(reply->elapsedMs())));
}

void TestClickHouseClient::refusedConnectionIsANetworkError()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = holder.serverPort();
    holder.close();
    ClickHouseEndpoint nowhere = m_fixture.endpoint();
    nowhere.url.setPort(closedPort);
    ClickHouseClient client(nowhere);
    auto reply = finish(client.query(u"SELECT 1"_s));
    QCOMPARE(reply->error().kind(), Kind::Network);
    QVERIFY2(
        reply->error().message().contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(reply->error().message()));
}

void TestClickHouseClient::abortGivesCancelled()
{
    ClickHouseClient client(m_fixture.endpoint());
    std::unique_ptr<ClickHouseReply> reply(client.query(u"SELECT sleep(2)"_s));
    QSignalSpy finished(reply.get(), &ClickHouseReply::finished);
    reply->abort();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->error().kind(), Kind::Cancelled);
}

void TestClickHouseClient::cancelStopsTheQueryOnTheServer()
{
    ClickHouseClient client(m_fixture.endpoint());
    client.setTimeoutMs(120000);
    // Minutes of work with no output: closing the connection alone would not stop it.
    std::unique_ptr<ClickHouseReply> reply(client.query(u"SELECT count() FROM numbers(100000000000)"_s));
    const QString id = reply->queryId();
    const QString running = u"SELECT count() FROM system.processes WHERE query_id = '%1'"_s.arg(id);
    QTRY_COMPARE_WITH_TIMEOUT(ClickHouseFixture::run(m_fixture.endpoint(), running), u"1"_s, 10000);
    QSignalSpy finished(reply.get(), &ClickHouseReply::finished);
    QElapsedTimer timer;
    timer.start();
    reply->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reply->error().kind(), ClickHouseError::Kind::Cancelled);
    // Without KILL QUERY it would count for minutes; the bound is generous for a loaded machine.
    QTRY_COMPARE_WITH_TIMEOUT(ClickHouseFixture::run(m_fixture.endpoint(), running), u"0"_s, 15000);
    qInfo("the query left system.processes %lld ms after cancel()", timer.elapsed());
}

void TestClickHouseClient::compressionVariants()
{
    QTest::addColumn<bool>("compressed");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip answer") << true;
}

void TestClickHouseClient::largeResultsStreamInBlocks_data()
{
    compressionVariants();
}

void TestClickHouseClient::largeResultsStreamInBlocks()
{
    QFETCH(bool, compressed);
    ClickHouseClient client(m_fixture.endpoint());
    client.setResponseCompression(compressed);
    QElapsedTimer wallClock;
    wallClock.start();
    std::unique_ptr<ClickHouseResultStream> stream(
        client.stream(u"SELECT number, toString(number) AS text FROM numbers(200000)"_s));
    QSignalSpy columns(stream.get(), &ClickHouseResultStream::columnsReady);
    qint64 rows = 0;
    int blocks = 0;
    quint64 last = 0;
    connect(stream.get(), &ClickHouseResultStream::rowsReady, this, [&](const ResultRows& block) {
        ++blocks;
        rows += block.rowCount();
        QVERIFY(block.rowCount() <= ClickHouseResultStream::rowsPerBlock);
        last = block.value(block.rowCount() - 1, 0).toULongLong();
        QCOMPARE(block.value(block.rowCount() - 1, 1).toString(), QString::number(last));
    });
    QSignalSpy finished(stream.get(), &ClickHouseResultStream::finished);
    QVERIFY(finished.wait(60000));
    QVERIFY2(!stream->error().isError(), qPrintable(stream->error().toString()));
    QCOMPARE(columns.size(), 1);
    QCOMPARE(stream->columns().at(0), (ClickHouseColumn { u"number"_s, u"UInt64"_s }));
    QCOMPARE(rows, 200000);
    QCOMPARE(last, 199999u);
    QVERIFY2(blocks >= 40, qPrintable(QString::number(blocks)));
    QCOMPARE(stream->statistics().rows, 200000);
    QVERIFY(stream->statistics().rowsRead >= 200000); // the server reads whole blocks
    // The server's own measure, in seconds: more than nothing, and within the time the request
    // took here (it ran inside it; 1 ms for this clock's rounding).
    const double elapsedSeconds = stream->statistics().elapsedSeconds;
    const qint64 requestMs = wallClock.elapsed();
    QVERIFY2(elapsedSeconds > 0 && elapsedSeconds * 1000 <= double(requestMs + 1),
        qPrintable(u"the server says %1 s, the request took %2 ms"_s.arg(elapsedSeconds).arg(requestMs)));
}

void TestClickHouseClient::serverErrorMidStreamIsReported_data()
{
    compressionVariants();
}

void TestClickHouseClient::serverErrorMidStreamIsReported()
{
    // HTTP 200 is already sent when the error happens: the text arrives inside the data.
    QFETCH(bool, compressed);
    ClickHouseClient client(m_fixture.endpoint());
    client.setResponseCompression(compressed);
    std::unique_ptr<ClickHouseResultStream> stream(
        client.stream(u"SELECT number, throwIf(number = 150000) AS boom FROM numbers(300000)"_s,
            { { u"max_block_size"_s, u"1000"_s } }));
    qint64 rows = 0;
    connect(stream.get(), &ClickHouseResultStream::rowsReady, this,
        [&](const ResultRows& block) { rows += block.rowCount(); });
    QSignalSpy finished(stream.get(), &ClickHouseResultStream::finished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(stream->error().kind(), ClickHouseError::Kind::Server);
    QCOMPARE(stream->error().code(), 395);
    QVERIFY2(stream->error().message().contains(u"throwIf"_s), qPrintable(stream->error().message()));
    QVERIFY(rows < 150001);
}

void TestClickHouseClient::cancellingAStreamStopsTheQuery()
{
    ClickHouseClient client(m_fixture.endpoint());
    std::unique_ptr<ClickHouseResultStream> stream(client.stream(u"SELECT number FROM system.numbers"_s)); // endless
    QSignalSpy blocks(stream.get(), &ClickHouseResultStream::rowsReady);
    QVERIFY(blocks.wait(10000));
    const QString running = u"SELECT count() FROM system.processes WHERE query_id = '%1'"_s.arg(stream->queryId());
    QCOMPARE(ClickHouseFixture::run(m_fixture.endpoint(), running), u"1"_s);
    QSignalSpy finished(stream.get(), &ClickHouseResultStream::finished);
    QElapsedTimer timer;
    timer.start();
    stream->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(stream->error().kind(), ClickHouseError::Kind::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(ClickHouseFixture::run(m_fixture.endpoint(), running), u"0"_s, 15000);
    qInfo("the streamed query left system.processes %lld ms after cancel()", timer.elapsed());
}

QTEST_GUILESS_MAIN(TestClickHouseClient)
#include "tst_clickhouseclient.moc"
