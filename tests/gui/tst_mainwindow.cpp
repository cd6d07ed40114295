#include "clickhousefixture.h"
#include "dialogs/aboutdialog.h"
#include "health/clickhouseprobe.h"
#include "mainwindow.h"
#include "pages/healthpage.h"
#include "screenshots.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Page = NavigationModel::Page;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusBarSaysClickHouseIsReachable();
    void everyPageIsReachableAndPictured();
    void aboutBoxShowsTheVersions();
    void stoppingTheServerIsShown();
    void missingServerSaysHowToInstallAndTheWindowStillOpens();

private:
    ClickHouseFixture m_fixture;
};

void TestMainWindow::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

void TestMainWindow::statusBarSaysClickHouseIsReachable()
{
    ClickHouseProbe probe;
    probe.setEndpoint(m_fixture.endpoint());
    MainWindow window(&m_fixture.server(), &probe);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.clickHouseStatusText().contains(u"reachable"_s), 10000);
    const QString expected =
        u"ClickHouse %1 reachable at 127.0.0.1:%2 (managed)"_s.arg(m_fixture.server().serverVersion())
            .arg(m_fixture.server().httpPort());
    QVERIFY2(window.clickHouseStatusText().startsWith(expected), qPrintable(window.clickHouseStatusText()));
    QVERIFY(!Screenshots::save(&window, u"mainwindow-reachable"_s).isEmpty());
}

void TestMainWindow::everyPageIsReachableAndPictured()
{
    ClickHouseProbe probe;
    probe.setEndpoint(m_fixture.endpoint());
    MainWindow window(&m_fixture.server(), &probe);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.hasSample(), 10000);

    const auto* navigation = window.navigation();
    auto* sidebar = window.findChild<QListView*>();
    QVERIFY(sidebar);
    for (int row = 0; row < navigation->rowCount(); ++row) {
        const Page page = navigation->pageAt(row);
        // Navigate the way a user does: click the sidebar entry.
        const QRect rect = sidebar->visualRect(navigation->index(row, 0));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.currentPage(), page);
        QWidget* shown = window.pageWidget(page);
        QVERIFY(shown->isVisible());
        const QString name = navigation->index(row, 0).data().toString().toLower();
        const QString path = Screenshots::save(&window, u"page-"_s + name);
        QVERIFY2(!path.isEmpty(), "screenshot saved");
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
    }
    // Keyboard: Ctrl+4 is Query, as the View menu says.
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), Page::Query);
}

void TestMainWindow::aboutBoxShowsTheVersions()
{
    ClickHouseProbe probe;
    probe.setEndpoint(m_fixture.endpoint());
    MainWindow window(&m_fixture.server(), &probe);
    window.show();
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.hasSample() && probe.lastSample().reachable, 10000);
    window.showAbout();
    auto* about = window.findChild<AboutDialog*>(u"aboutDialog"_s);
    QVERIFY(about);
    QVERIFY(QTest::qWaitForWindowExposed(about));
    QCOMPARE(about->versionText(),
        u"Version %1"_s.arg(
            QCoreApplication::applicationVersion().isEmpty() ? u"0.1.0"_s : QCoreApplication::applicationVersion()));
    const QList<QLabel*> labels = about->findChildren<QLabel*>();
    const bool mentionsServer = std::any_of(labels.begin(), labels.end(), [this](const QLabel* label) {
        return label->text().contains(u"ClickHouse server: "_s + m_fixture.server().serverVersion());
    });
    QVERIFY(mentionsServer);
    QVERIFY(!Screenshots::save(about, u"about-dialog"_s).isEmpty());
    about->close();
}

void TestMainWindow::stoppingTheServerIsShown()
{
    QTemporaryDir directory;
    LocalClickHouse::Options options;
    options.dataDirectory = directory.path();
    LocalClickHouse server(options);
    ClickHouseProbe probe;
    probe.follow(&server);
    MainWindow window(&server, &probe);
    window.show();
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.clickHouseStatusText().contains(u"reachable"_s), 60000);
    HealthPage* health = window.healthPage();
    QVERIFY(health->clickHouseStateText().contains(u"reachable"_s));

    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(window.clickHouseStatusText().contains(u"the managed server is stopped"_s), 20000);
    // It shut down by itself on SIGTERM; the probe let go of its connection instead of keeping
    // the server busy until the kill timer.
    QFile log(directory.filePath(u"log/clickhouse-server.log"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("shutting down"));
    QVERIFY(!Screenshots::save(&window, u"mainwindow-stopped"_s).isEmpty());
}

void TestMainWindow::missingServerSaysHowToInstallAndTheWindowStillOpens()
{
    QTemporaryDir directory;
    LocalClickHouse::Options options;
    options.dataDirectory = directory.path();
    options.serverBinary = directory.filePath(u"no/clickhouse-server"_s);
    LocalClickHouse server(options);
    ClickHouseProbe probe;
    MainWindow window(&server, &probe);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    server.start();
    QVERIFY2(window.clickHouseStatusText().contains(u"sudo apt-get install clickhouse-server"_s),
        qPrintable(window.clickHouseStatusText()));
    QVERIFY2(window.healthPage()->serverLogText().contains(u"AUTOMAGIK_WORKBENCH_CLICKHOUSE_SERVER"_s),
        qPrintable(window.healthPage()->serverLogText()));
    QVERIFY(!Screenshots::save(&window, u"mainwindow-server-missing"_s).isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
