#include "clickhouse/clickhouseerror.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Kind = ClickHouseError::Kind;

class TestClickHouseError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseExceptionText_data();
    void parseExceptionText();
    void fromHttp_data();
    void fromHttp();
    void toStringNamesKindAndCode();
};

void TestClickHouseError::parseExceptionText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("parsed");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    // Texts as the servers send them (reference/wire.md 2.7, and what 18.16 answered here).
    QTest::addRow("18.16 unknown table")
        << u"Code: 60, e.displayText() = DB::Exception: Table default.nope doesn't exist., e.what() = DB::Exception\n"_s
        << true << 60 << u"Table default.nope doesn't exist."_s;
    QTest::addRow("18.16 wrong password")
        << u"Code: 193, e.displayText() = DB::Exception: Wrong password for user telemetry, e.what() = DB::Exception"_s
        << true << 193 << u"Wrong password for user telemetry"_s;
    QTest::addRow("18.16 syntax error with commas in the message")
        << u"Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 8 (line 1, col 8): FORM t, expected one of: FROM, e.what() = DB::Exception"_s
        << true << 62 << u"Syntax error: failed at position 8 (line 1, col 8): FORM t, expected one of: FROM"_s;
    QTest::addRow("modern unknown table")
        << u"Code: 60. DB::Exception: Table default.x doesn't exist. (UNKNOWN_TABLE) (version 21.12.1.8856 (official build))"_s
        << true << 60 << u"Table default.x doesn't exist. (UNKNOWN_TABLE)"_s;
    QTest::addRow("modern authentication")
        << u"Code: 516. DB::Exception: telemetry: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 24.8.4.13 (official build))\n"_s
        << true << 516
        << u"telemetry: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)"_s;
    QTest::addRow("not an exception") << u"Ok."_s << false << 0 << QString();
    QTest::addRow("html from a proxy") << u"<html><body>502 Bad Gateway</body></html>"_s << false << 0 << QString();
    QTest::addRow("empty") << QString() << false << 0 << QString();
}

void TestClickHouseError::parseExceptionText()
{
    QFETCH(QString, text);
    QFETCH(bool, parsed);
    QFETCH(int, code);
    QFETCH(QString, message);
    int actualCode = -1;
    QString actualMessage;
    QCOMPARE(ClickHouseError::parseExceptionText(text, &actualCode, &actualMessage), parsed);
    if (parsed) {
        QCOMPARE(actualCode, code);
        QCOMPARE(actualMessage, message);
    }
}

void TestClickHouseError::fromHttp_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("headerCode");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("18.16 wrong password is 401") << 401
                                                 << QByteArray("Code: 193, e.displayText() = DB::Exception: Wrong "
                                                               "password for user telemetry, e.what() = DB::Exception")
                                                 << -1 << Kind::Authentication << 193 << u"Wrong password"_s;
    QTest::addRow("modern unknown user is 403 with a header code")
        << 403
        << QByteArray("Code: 516. DB::Exception: x: Authentication failed (AUTHENTICATION_FAILED) (version 24.8.1.1)")
        << 516 << Kind::Authentication << 516 << u"Authentication failed"_s;
    QTest::addRow("auth code with an odd status")
        << 500 << QByteArray("Code: 192, e.displayText() = DB::Exception: Unknown user bob, e.what() = DB::Exception")
        << -1 << Kind::Authentication << 192 << u"Unknown user bob"_s;
    QTest::addRow("syntax error is a server error")
        << 400 << QByteArray("Code: 62, e.displayText() = DB::Exception: Syntax error, e.what() = DB::Exception") << -1
        << Kind::Server << 62 << u"Syntax error"_s;
    QTest::addRow("header code wins over the body")
        << 404 << QByteArray("Code: 60. DB::Exception: Table x doesn't exist. (UNKNOWN_TABLE)") << 81 << Kind::Server
        << 81 << u"Table x"_s;
    QTest::addRow("garbage body keeps the status and the text")
        << 502 << QByteArray("<html>Bad Gateway</html>") << -1 << Kind::Server << 0
        << u"HTTP status 502: <html>Bad Gateway</html>"_s;
    QTest::addRow("empty body") << 503 << QByteArray() << -1 << Kind::Server << 0
                                << u"HTTP status 503 with an empty body"_s;
}

void TestClickHouseError::fromHttp()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, headerCode);
    QFETCH(Kind, kind);
    QFETCH(int, code);
    QFETCH(QString, messagePart);
    const ClickHouseError error = ClickHouseError::fromHttp(status, body, headerCode);
    QVERIFY(error.isError());
    QCOMPARE(error.kind(), kind);
    QCOMPARE(error.code(), code);
    QCOMPARE(error.httpStatus(), status);
    QVERIFY2(error.message().contains(messagePart), qPrintable(error.message()));
}

void TestClickHouseError::toStringNamesKindAndCode()
{
    const ClickHouseError auth = ClickHouseError::fromHttp(
        401, "Code: 193, e.displayText() = DB::Exception: Wrong password for user telemetry, e.what() = DB::Exception");
    QCOMPARE(auth.toString(), u"Authentication failed (code 193): Wrong password for user telemetry"_s);
    QCOMPARE(ClickHouseError::timeout(1500).toString(), u"Timeout: no answer within 1500 ms"_s);
    QCOMPARE(ClickHouseError::network(u"Connection refused"_s).toString(), u"Network error: Connection refused"_s);
    QVERIFY(!ClickHouseError().isError());
    QCOMPARE(ClickHouseError::cancelled().kind(), Kind::Cancelled);
}

QTEST_GUILESS_MAIN(TestClickHouseError)
#include "tst_clickhouseerror.moc"
