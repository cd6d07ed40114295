#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhousefixture.h"

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
    auto reply = finish(client.query(u"SELECT sleep(2)"_s));
    QCOMPARE(reply->error().kind(), Kind::Timeout);
    QVERIFY2(reply->elapsedMs() < 1900, qPrintable(QString::number(reply->elapsedMs())));
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

QTEST_GUILESS_MAIN(TestClickHouseClient)
#include "tst_clickhouseclient.moc"
