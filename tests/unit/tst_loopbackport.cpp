#include "common/loopbackport.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

class TestLoopbackPort final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pickedPortIsFree();
    void boundPortIsNotFree();
    void avoidedPortsAreNotPicked();
};

void TestLoopbackPort::pickedPortIsFree()
{
    const quint16 port = LoopbackPort::pickFree();
    QVERIFY(port > 0);
    QVERIFY(LoopbackPort::isFree(port));
    QTcpServer server;
    QVERIFY2(server.listen(QHostAddress::LocalHost, port), qPrintable(server.errorString()));
}

void TestLoopbackPort::boundPortIsNotFree()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    QVERIFY(!LoopbackPort::isFree(holder.serverPort()));
    QVERIFY(!LoopbackPort::isFree(0));
    QTcpServer wildcard;
    QVERIFY(wildcard.listen(QHostAddress::AnyIPv4, 0));
    QVERIFY2(!LoopbackPort::isFree(wildcard.serverPort()), "a port taken on 0.0.0.0 is taken on 127.0.0.1 too");
}

void TestLoopbackPort::avoidedPortsAreNotPicked()
{
    QList<quint16> avoid;
    for (int i = 0; i < 20; ++i) {
        const quint16 port = LoopbackPort::pickFree(avoid);
        QVERIFY(port > 0);
        QVERIFY(!avoid.contains(port));
        avoid.append(port);
    }
    // The kernel rarely offers a port twice anyway, so the loop above could pass with `avoid`
    // ignored. With every port avoided, whatever the kernel offers must be refused: 0.
    QList<quint16> every;
    for (int port = 1; port <= 65535; ++port)
        every.append(quint16(port));
    QCOMPARE(LoopbackPort::pickFree(every), quint16(0));
}

QTEST_GUILESS_MAIN(TestLoopbackPort)
#include "tst_loopbackport.moc"
