#include "clickhouse/httpresponseparser.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestHttpResponseParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framings_data();
    void framings();
    void malformed_data();
    void malformed();
    void closedEarly();
};

void TestHttpResponseParser::framings_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("needsClose");
    QTest::addRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nOk.\n") << 200
                                    << QByteArray("Ok.\n") << true << false;
    QTest::addRow("empty insert answer") << QByteArray(
        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nKeep-Alive: timeout=3\r\n\r\n")
                                         << 200 << QByteArray() << true << false;
    QTest::addRow("chunked, as ClickHouse streams") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n")
                                                    << 200 << QByteArray("hello world") << true << false;
    QTest::addRow("chunked with trailers") << QByteArray(
        "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n")
                                           << 200 << QByteArray("0123456789") << true << false;
    QTest::addRow("error answer") << QByteArray(
        "HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\nConnection: Keep-Alive\r\n\r\nCode: 193, x")
                                  << 401 << QByteArray("Code: 193, x") << true << false;
    QTest::addRow("connection close") << QByteArray(
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi")
                                      << 200 << QByteArray("hi") << false << false;
    QTest::addRow("until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\nall of it") << 200 << QByteArray("all of it")
                                 << false << true;
    QTest::addRow("bare LF line ends") << QByteArray("HTTP/1.1 204 No Content\n\n") << 204 << QByteArray() << true
                                       << false;
}

void TestHttpResponseParser::framings()
{
    QFETCH(QByteArray, response);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    QFETCH(bool, needsClose);
    // Every way of cutting the bytes into chunks gives the same answer.
    for (int chunk : { 1, 3, 7, 1000 }) {
        HttpResponseParser parser;
        QByteArray received;
        for (qsizetype i = 0; i < response.size(); i += chunk) {
            QVERIFY2(parser.feed(QByteArrayView(response).sliced(i, qMin<qsizetype>(chunk, response.size() - i))),
                qPrintable(parser.error()));
            received += parser.takeBody();
        }
        if (needsClose) {
            QVERIFY(!parser.isComplete());
            QVERIFY(parser.connectionClosed());
        }
        QVERIFY(parser.isComplete());
        QCOMPARE(parser.status(), status);
        QCOMPARE(received, body);
        QCOMPARE(parser.keepAlive(), keepAlive);
    }
}

void TestHttpResponseParser::malformed_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("expected");
    QTest::addRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n") << u"not an HTTP response"_s;
    QTest::addRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n") << u"bad HTTP status"_s;
    QTest::addRow("bad header") << QByteArray("HTTP/1.1 200 OK\r\nnocolon\r\n") << u"malformed header line"_s;
    QTest::addRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n")
                                << u"bad Content-Length"_s;
    QTest::addRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << u"bad chunk size"_s;
    QTest::addRow("chunk without CRLF") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n")
                                        << u"not followed by CRLF"_s;
    QTest::addRow("huge headers") << QByteArray("HTTP/1.1 200 OK\r\nX: " + QByteArray(70000, 'a'))
                                  << u"longer than 65536 bytes"_s;
    QTest::addRow("bytes after the end") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab")
                                         << u"1 bytes after the end"_s;
}

void TestHttpResponseParser::malformed()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, expected);
    HttpResponseParser parser;
    QVERIFY(!parser.feed(response));
    QVERIFY2(parser.error().contains(expected), qPrintable(parser.error()));
    QVERIFY(!parser.feed("more")); // stays failed
}

void TestHttpResponseParser::closedEarly()
{
    HttpResponseParser nothing;
    QVERIFY(!nothing.connectionClosed());
    QCOMPARE(nothing.error(), u"the server closed the connection without answering"_s);
    HttpResponseParser half;
    QVERIFY(half.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345"));
    QVERIFY(!half.connectionClosed());
    QVERIFY2(half.error().contains(u"in the middle of the answer (5 body bytes received)"_s), qPrintable(half.error()));
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
