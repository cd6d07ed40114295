#include "clickhousefixture.h"
#include "collectorfixture.h"
#include "dialogs/secretprompt.h"
#include "dialogs/settingsdialog.h"
#include "health/clickhouseprobe.h"
#include "mainwindow.h"
#include "pages/sendpage.h"
#include "screenshots.h"
#include "sendhistorymodel.h"
#include "settings/secretstore.h"
#include "settings/settingsconfig.h"
#include "settings/workbenchsettings.h"
#include "widgets/destinationform.h"
#include "widgets/sendcomposer.h"
#include "widgets/settingfield.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QStringList g_log; ///< every message of the session, as a log file would have it
QtMessageHandler g_previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_log.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

/// The forms a secret takes when it is written down carelessly: as typed, UTF-16, base64 (alone and
/// in HTTP basic auth), percent-encoded, hex.
QList<QByteArray> formsOf(const QString& secret, const QString& user)
{
    const QByteArray utf8 = secret.toUtf8();
    return { utf8, QByteArray(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2), utf8.toBase64(),
        (user + u':' + secret).toUtf8().toBase64(), QUrl::toPercentEncoding(secret), utf8.toHex() };
}

/// Files under `folders` holding any form of a secret, "path (form n)" each; files named in
/// `skipped` are not read.
QStringList filesHolding(
    const QStringList& folders, const QList<QByteArray>& forms, int* scanned, const QStringList& skipped = {})
{
    QStringList found;
    for (const QString& folder : folders) {
        QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (skipped.contains(files.fileInfo().fileName()) || !file.open(QIODevice::ReadOnly))
                continue;
            ++*scanned;
            const QByteArray content = file.readAll();
            for (int form = 0; form < forms.size(); ++form) {
                if (content.contains(forms.at(form)))
                    found.append(u"%1 (form %2)"_s.arg(file.fileName()).arg(form));
            }
        }
    }
    return found;
}
} // namespace

/// The Settings dialog: every value with its source, wrong values named, the theme applied, and a
/// whole session with a known password and token that leaves them in no file and no log.
class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyValueSaysWhereItComesFrom();
    void aValueThatDoesNotFitIsNamedAndTheDialogStays();
    void theThemeAppliesAtOnce();
    void theReceiverTokenGoesOnlyToTheReceiver();
    void aWholeSessionLeavesNoSecretInAFileOrTheLog();

private:
    std::unique_ptr<WorkbenchSettings> settingsIn(
        const QString& file, SecretStore* secrets, const QProcessEnvironment& environment = {}) const
    {
        return std::make_unique<WorkbenchSettings>(
            std::make_unique<QSettings>(file, QSettings::IniFormat), environment, secrets);
    }

    QTemporaryDir m_home; ///< the session's config, data, cache and state folders
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(m_home.isValid());
    // The product's folders, as the desktop names them, all inside the test's own folder.
    for (const char* variable : { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" }) {
        const QString folder = m_home.filePath(QString::fromLatin1(variable).toLower());
        QVERIFY(QDir().mkpath(folder));
        qputenv(variable, folder.toUtf8());
    }
    QCoreApplication::setOrganizationName(u"Automagik"_s);
    QCoreApplication::setApplicationName(u"automagik-workbench-settings-test"_s);
    g_previousHandler = qInstallMessageHandler(keepMessage);
}

void TestSettingsDialog::everyValueSaysWhereItComesFrom()
{
    QTemporaryDir folder;
    QProcessEnvironment environment;
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE"_s, u"from_env"_s);
    SecretStore secrets;
    secrets.setKeyringEnabled(false);
    auto settings = settingsIn(folder.filePath(u"s.ini"_s), &secrets, environment);
    settings->setFlag(SettingKey::receiverPort, 4555);
    QString problem;
    QVERIFY(settings->save(SettingKey::batchSize, 100, &problem));

    SettingsDialog dialog(settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    SettingField* database = dialog.field(SettingKey::clickHouseDatabase);
    QCOMPARE(database->editedValue().toString(), u"from_env"_s);
    QVERIFY(!database->editor()->isEnabled());
    QCOMPARE(database->sourceText(),
        u"From the environment (AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE): unset it to change this here."_s);
    SettingField* port = dialog.field(SettingKey::receiverPort);
    QCOMPARE(port->editedValue().toInt(), 4555);
    QVERIFY(!port->editor()->isEnabled());
    QCOMPARE(port->sourceText(), u"From the command line (--otlp-port): it wins over what is saved here."_s);
    QCOMPARE(dialog.field(SettingKey::batchSize)->editedValue().toInt(), 100);
    QCOMPARE(dialog.field(SettingKey::batchSize)->sourceText(), u"Saved."_s);
    QCOMPARE(dialog.field(SettingKey::gatewayPort)->sourceText(),
        u"Default. Where the SDKs' ClickHouse backend can insert (0: any free port)."_s);
    QVERIFY(dialog.field(SettingKey::clickHousePassword)->sourceText().startsWith(u"Not set. "_s));
    QVERIFY2(dialog.keyringText().startsWith(u"No system keyring (turned off by AUTOMAGIK_WORKBENCH_KEYRING=off)"_s),
        qPrintable(dialog.keyringText()));

    // Every setting has a field, a label and an accessible name.
    for (const SettingDefinition& definition : SettingDefinition::all()) {
        SettingField* field = dialog.field(definition.key);
        QVERIFY2(field, qPrintable(definition.key));
        QVERIFY2(!field->editor()->accessibleName().isEmpty(), qPrintable(definition.key));
    }
    QCOMPARE(dialog.tabs()->count(), 7);
    QVERIFY(!Screenshots::save(&dialog, u"settings"_s).isEmpty());
    dialog.tabs()->setCurrentIndex(1);
    QVERIFY(!Screenshots::save(&dialog, u"settings-credentials"_s).isEmpty());
}

void TestSettingsDialog::aValueThatDoesNotFitIsNamedAndTheDialogStays()
{
    QTemporaryDir folder;
    auto settings = settingsIn(folder.filePath(u"s.ini"_s), nullptr);
    SettingsDialog dialog(settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* otlp = qobject_cast<QLineEdit*>(dialog.field(SettingKey::otlpEndpoint)->editor());
    QTest::keyClicks(otlp, u"ftp://collector:4318"_s); // not http
    auto* address = qobject_cast<QLineEdit*>(dialog.field(SettingKey::receiverAddress)->editor());
    address->clear();
    QTest::keyClicks(address, u"0.0.0.0"_s);
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.problemText().startsWith(u"OTLP endpoint: \"ftp://collector:4318\" is not an http(s) URL"_s),
        qPrintable(dialog.problemText()));
    QCOMPARE(settings->text(SettingKey::otlpEndpoint), QString()); // not saved
    QCOMPARE(settings->text(SettingKey::receiverAddress), u"0.0.0.0"_s); // the good one is
    QCOMPARE(dialog.field(SettingKey::receiverAddress)->sourceText(), u"Saved."_s);

    otlp->clear();
    QTest::keyClicks(otlp, u"http://collector:4318"_s);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(settings->text(SettingKey::otlpEndpoint), u"http://collector:4318"_s);
}

void TestSettingsDialog::theThemeAppliesAtOnce()
{
    QTemporaryDir folder;
    auto settings = settingsIn(folder.filePath(u"s.ini"_s), nullptr);
    MainWindow window({ .settings = settings.get() });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SettingsDialog* dialog = window.showSettings();
    QVERIFY(dialog);
    QCOMPARE(window.showSettings(), dialog); // one at a time
    auto* theme = qobject_cast<QComboBox*>(dialog->field(SettingKey::theme)->editor());
    theme->setCurrentIndex(theme->findData(u"dark"_s));
    QVERIFY(dialog->apply());
    // What is on screen follows: the open dialog, a field in it, and the window behind.
    for (QWidget* shown :
        { static_cast<QWidget*>(dialog), dialog->field(SettingKey::theme)->editor(), static_cast<QWidget*>(&window) })
        QVERIFY2(shown->palette().color(QPalette::Window).lightness() < 80,
            qPrintable(shown->palette().color(QPalette::Window).name()));
    QVERIFY(!Screenshots::save(dialog, u"settings-dark"_s).isEmpty());
    theme->setCurrentIndex(theme->findData(u"light"_s));
    QVERIFY(dialog->apply());
    QVERIFY(dialog->palette().color(QPalette::Window).lightness() > 180);
    QVERIFY(window.palette().color(QPalette::Window).lightness() > 180);
    settings->resetToDefault(SettingKey::theme);
}

void TestSettingsDialog::theReceiverTokenGoesOnlyToTheReceiver()
{
    DestinationForm form;
    form.setBackend(SendTarget::Backend::OtlpProtobuf);
    form.setReceiverUrl(QUrl(u"http://127.0.0.1:4318"_s));
    SendDefaults defaults;
    defaults.receiverToken = "t0ken";
    defaults.otlpHeaders = { { "x-team", "qa" } };
    defaults.batchSize = 64;
    defaults.gzip = false;
    form.setDefaults(defaults);
    QCOMPARE(form.otlpUrlEdit()->text(), u"http://127.0.0.1:4318"_s);
    SendTarget target;
    QString error;
    QVERIFY2(form.target(u"spool"_s, &target, &error), qPrintable(error));
    const QList<std::pair<QByteArray, QByteArray>> toReceiver { { "x-team", "qa" },
        { "Authorization", "Bearer t0ken" } };
    QCOMPARE(target.otlp.headers, toReceiver);
    QCOMPARE(target.otlp.batchSize, 64);
    QVERIFY(!target.otlp.gzip);

    // Another collector gets the headers, never the receiver's token.
    form.otlpUrlEdit()->setText(u"http://collector.example:4318"_s);
    QVERIFY(form.target(u"spool"_s, &target, &error));
    const QList<std::pair<QByteArray, QByteArray>> elsewhere { { "x-team", "qa" } };
    QCOMPARE(target.otlp.headers, elsewhere);

    // An OTLP endpoint from the settings replaces the receiver as the default.
    DestinationForm configured;
    configured.setReceiverUrl(QUrl(u"http://127.0.0.1:4318"_s));
    defaults.otlpUrl = QUrl(u"http://saved:4318"_s);
    configured.setDefaults(defaults);
    QCOMPARE(configured.otlpUrlEdit()->text(), u"http://saved:4318"_s);
}

void TestSettingsDialog::aWholeSessionLeavesNoSecretInAFileOrTheLog()
{
    const QString password = u"Pw-canary-4b1d-9e77-settings"_s;
    const QString token = u"tok-canary-51f0-3c2a-receiver"_s;
    LocalClickHouse::Options serverOptions;
    serverOptions.password = password;
    ClickHouseFixture server;
    QString error;
    QVERIFY2(server.start(&error, serverOptions), qPrintable(error));
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString settingsFile = QSettings().fileName();
    QVERIFY2(settingsFile.startsWith(m_home.path()), qPrintable(settingsFile));
    std::unique_ptr<LocalCollector> collector;

    {
        // Session 1: the user types the server, its password, the receiver's token and ports.
        SecretStore secrets;
        secrets.setKeyringEnabled(false); // as on a machine without a keyring
        WorkbenchSettings settings(nullptr, QProcessEnvironment(), &secrets);
        {
            SettingsDialog dialog(&settings);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            const auto type = [&dialog](QStringView key, const QString& text) {
                auto* line = qobject_cast<QLineEdit*>(dialog.field(key)->editor());
                line->clear();
                QTest::keyClicks(line, text);
            };
            type(SettingKey::clickHouseEndpoint, server.endpoint().url.toString());
            type(SettingKey::clickHouseUser, server.endpoint().user);
            type(SettingKey::clickHousePassword, password);
            type(SettingKey::receiverToken, token);
            for (QStringView port : { SettingKey::receiverPort, SettingKey::gatewayPort }) // any free port
                qobject_cast<QSpinBox*>(dialog.field(port)->editor())->setValue(0);
            QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
            QVERIFY2(!dialog.isVisible(), qPrintable(dialog.problemText()));
        }

        // What the app does with them: the collector starts with the token...
        LocalCollector::Options options;
        SettingsConfig::applyToCollector(settings, &options);
        QCOMPARE(options.receiver.bearerToken, token.toUtf8());
        options.clickHouse.endpoint = server.endpoint();
        options.clickHouse.dialect = server.rowDialect();
        options.clickHouse.spoolPath = SettingsConfig::collectorSpoolPath(settings, dataFolder);
        collector = std::make_unique<LocalCollector>(options);
        QVERIFY2(collector->start(&error), qPrintable(error));
        // ...the window reaches the server the settings name, with the password...
        ClickHouseEndpoint endpoint;
        QString source;
        QVERIFY(SettingsConfig::externalClickHouse(settings, &endpoint, &source));
        QCOMPARE(source, u"saved"_s);
        QCOMPARE(endpoint.password, password);
        ClickHouseProbe probe;
        probe.setEndpoint(endpoint);
        MainWindow window({ .probe = &probe, .collector = collector.get(), .settings = &settings });
        window.sendPage()->setReceiverUrl(collector->receiver()->url());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(probe.hasSample(), 30'000);
        QVERIFY2(probe.lastSample().reachable, qPrintable(probe.lastSample().error.toString()));

        // ...and a send to the receiver carries the token (without it the receiver answers 401).
        SendPage* send = window.sendPage();
        send->setServer(server.endpoint(), server.serverInfo());
        send->destination()->setBackend(SendTarget::Backend::OtlpJson);
        send->composer()->nameEdit()->setText(u"settings.session"_s);
        QSignalSpy finished(send, &SendPage::sendFinished);
        QTest::mouseClick(send->sendButton(), Qt::LeftButton);
        QVERIFY2(finished.wait(60'000), qPrintable(send->statusText()));
        QCOMPARE(send->history()->outcome(0).summary.statistics.delivered, 1);
        QCOMPARE(collector->receiver()->statistics().answersByStatus.value(401), 0);
        probe.stop();
    }

    // Session 2: without a keyring the secrets are gone, and asked for once each.
    {
        SecretStore secrets;
        secrets.setKeyringEnabled(false);
        WorkbenchSettings settings(nullptr, QProcessEnvironment(), &secrets);
        QCOMPARE(settings.text(SettingKey::clickHouseEndpoint), server.endpoint().url.toString());
        QCOMPARE(settings.text(SettingKey::clickHousePassword), QString());
        QStringList asked;
        const int given = SecretPrompt::askMissing(&settings, [&](const QString& label, QString* answer) {
            asked.append(label);
            *answer = label == u"Bearer token"_s ? token : password;
            return true;
        });
        QCOMPARE(given, 2);
        QCOMPARE(asked, (QStringList { u"ClickHouse password"_s, u"Bearer token"_s }));
        QCOMPARE(settings.text(SettingKey::clickHousePassword), password);
        QCOMPARE(settings.effective(SettingKey::receiverToken).origin, u"for this session only"_s);
    }
    collector->stop(5000);
    collector.reset();

    // Nothing the session wrote holds either secret in any form: config, data, cache and state
    // folders, the server's folder with its logs, and every message logged. The server plays the
    // external one here; its own run file (connection.json, owner-only, where a managed server
    // tells `stack` and the CLI how to reach it) is its configuration, not the session's.
    int scanned = 0;
    const QStringList serverOwn { u"connection.json"_s };
    QStringList found = filesHolding({ m_home.path() }, formsOf(password, server.endpoint().user), &scanned);
    found += filesHolding({ m_home.path() }, formsOf(token, u"Bearer"_s), &scanned);
    found += filesHolding({ server.dataDirectory() }, formsOf(password, server.endpoint().user), &scanned, serverOwn);
    found += filesHolding({ server.dataDirectory() }, formsOf(token, u"Bearer"_s), &scanned, serverOwn);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u", "_s)));
    QVERIFY2(scanned > 10, qPrintable(QString::number(scanned))); // the settings file, spools, server files
    QVERIFY(QFile::exists(settingsFile));
    const QString log = g_log.join(u'\n');
    for (const QString& secret : { password, token })
        QVERIFY2(!log.contains(secret) && !log.contains(QString::fromLatin1(secret.toUtf8().toBase64())),
            "a secret was logged");

    // The scan itself finds a secret where there is one.
    QTemporaryDir planted;
    QFile file(planted.filePath(u"leak.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("password=" + QUrl::toPercentEncoding(password));
    file.close();
    int plantedScanned = 0;
    QVERIFY(!filesHolding({ planted.path() }, formsOf(password, u"x"_s), &plantedScanned).isEmpty());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
