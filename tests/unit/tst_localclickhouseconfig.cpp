#include "clickhouse/localclickhouse.h"
#include "clickhouse/localclickhouseconfig.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
/// Every element's text by its path ("yandex/logger/level"), the way ClickHouse reads its config.
QMultiHash<QString, QString> elements(const QByteArray& xml, QString* error)
{
    QMultiHash<QString, QString> values;
    QXmlStreamReader reader(xml);
    QStringList path;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            path.append(reader.name().toString());
        } else if (reader.isEndElement()) {
            path.removeLast();
        } else if (reader.isCharacters() && !reader.isWhitespace()) {
            values.insert(path.join(u'/'), reader.text().toString());
        }
    }
    if (reader.hasError())
        *error = reader.errorString();
    return values;
}
} // namespace

class TestLocalClickHouseConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverConfigIsLoopbackOnlyWithOurPortsAndPaths();
    void usersFileHoldsOnlyTheHash();
    void pathsWithXmlSpecialCharactersAreEscaped();
    void writeCreatesFoldersAndPrivateFiles();
    void writeReportsAnUnwritableFolder();
    void theServerGetsItsAllocatorSettingsUnlessTheUserHasOwn();
};

void TestLocalClickHouseConfig::serverConfigIsLoopbackOnlyWithOurPortsAndPaths()
{
    const LocalClickHouseConfig config(u"/tmp/wb-root"_s, 41001, 41002, u"telemetry"_s, u"secret"_s);
    QString error;
    const auto values = elements(config.serverConfigXml(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(values.values(u"yandex/listen_host"_s), QStringList { u"127.0.0.1"_s });
    QCOMPARE(values.value(u"yandex/http_port"_s), u"41001"_s);
    QCOMPARE(values.value(u"yandex/tcp_port"_s), u"41002"_s);
    QCOMPARE(values.value(u"yandex/path"_s), u"/tmp/wb-root/data/"_s);
    QCOMPARE(values.value(u"yandex/users_config"_s), u"/tmp/wb-root/users.xml"_s);
    QCOMPARE(values.value(u"yandex/logger/errorlog"_s), config.errorLogPath());
    QVERIFY2(!values.contains(u"yandex/interserver_http_port"_s), "no port beyond the two we chose");
    QVERIFY(!config.serverConfigXml().contains("secret"));
}

void TestLocalClickHouseConfig::usersFileHoldsOnlyTheHash()
{
    const LocalClickHouseConfig config(u"/tmp/wb-root"_s, 1, 2, u"telemetry"_s, u"s3cr3t-password"_s);
    const QByteArray xml = config.usersXml();
    QString error;
    const auto values = elements(xml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QByteArray expected = QCryptographicHash::hash("s3cr3t-password", QCryptographicHash::Sha256).toHex();
    QCOMPARE(values.value(u"yandex/users/telemetry/password_sha256_hex"_s), QString::fromLatin1(expected));
    QVERIFY(!xml.contains("s3cr3t-password"));
    QCOMPARE(values.values(u"yandex/users/telemetry/networks/ip"_s).size(), 2);
    QVERIFY2(!values.contains(u"yandex/users/default/password"_s), "no password-less default user");
}

void TestLocalClickHouseConfig::pathsWithXmlSpecialCharactersAreEscaped()
{
    const LocalClickHouseConfig config(u"/tmp/a&b <c>"_s, 1, 2, u"telemetry"_s, u"x"_s);
    QString error;
    const auto values = elements(config.serverConfigXml(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(values.value(u"yandex/path"_s), u"/tmp/a&b <c>/data/"_s);
}

void TestLocalClickHouseConfig::writeCreatesFoldersAndPrivateFiles()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const LocalClickHouseConfig config(directory.filePath(u"server"_s), 1, 2, u"telemetry"_s, u"x"_s);
    QString error;
    QVERIFY2(config.write(&error), qPrintable(error));
    QVERIFY(QFileInfo(config.dataPath()).isDir());
    QVERIFY(QFileInfo(config.logDirectory()).isDir());
    QCOMPARE(QFile(config.usersPath()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
        QFileDevice::Permissions());
    QFile written(config.configPath());
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), config.serverConfigXml());
}

void TestLocalClickHouseConfig::writeReportsAnUnwritableFolder()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    // A file where the data folder must go.
    QFile blocker(directory.filePath(u"data"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const LocalClickHouseConfig config(directory.path(), 1, 2, u"telemetry"_s, u"x"_s);
    QString error;
    QVERIFY(!config.write(&error));
    QVERIFY2(error.contains(u"cannot create the folder"_s) && error.contains(directory.filePath(u"data"_s)),
        qPrintable(error));
}

void TestLocalClickHouseConfig::theServerGetsItsAllocatorSettingsUnlessTheUserHasOwn()
{
    QProcessEnvironment system;
    system.insert(u"PATH"_s, u"/usr/bin"_s);
    const QProcessEnvironment ours = LocalClickHouse::serverEnvironment(system);
    QCOMPARE(ours.value(u"MALLOC_CONF"_s), QString::fromLatin1(LocalClickHouse::allocatorSettings));
    QCOMPARE(ours.value(u"CLICKHOUSE_WATCHDOG_ENABLE"_s), u"0"_s);
    QCOMPARE(ours.value(u"PATH"_s), u"/usr/bin"_s);
    system.insert(u"MALLOC_CONF"_s, u"narenas:2"_s);
    QCOMPARE(LocalClickHouse::serverEnvironment(system).value(u"MALLOC_CONF"_s), u"narenas:2"_s);
    // Set but empty reads as unset, to jemalloc too: ours apply.
    system.insert(u"MALLOC_CONF"_s, QString());
    QCOMPARE(LocalClickHouse::serverEnvironment(system).value(u"MALLOC_CONF"_s),
        QString::fromLatin1(LocalClickHouse::allocatorSettings));
}

QTEST_GUILESS_MAIN(TestLocalClickHouseConfig)
#include "tst_localclickhouseconfig.moc"
