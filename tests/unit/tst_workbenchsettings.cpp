#include "settings/secretstore.h"
#include "settings/settingdefinition.h"
#include "settings/workbenchsettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Source = WorkbenchSettings::Source;
Q_DECLARE_METATYPE(WorkbenchSettings::Source)

/// The settings' precedence (flag, environment, saved, default), their checks, and secrets that
/// never reach the settings file.
class TestWorkbenchSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void precedence_data();
    void precedence();
    void normalised_data();
    void normalised();
    void aSavedValueThatDoesNotFitIsReportedAndTheDefaultUsed();
    void savingTheDefaultForgetsTheSavedValue();
    void aSecretIsKeptForTheSessionAndOnlyTheFactIsSaved();
    void everyKeyIsDefinedOnceWithItsDefaultValid();

private:
    std::unique_ptr<QSettings> store() const
    {
        return std::make_unique<QSettings>(m_folder->filePath(u"settings.ini"_s), QSettings::IniFormat);
    }

    std::unique_ptr<QTemporaryDir> m_folder;
};

void TestWorkbenchSettings::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void TestWorkbenchSettings::precedence_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("saved");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<Source>("source");
    QTest::addColumn<QString>("origin");

    const QString port = SettingKey::receiverPort.toString();
    const QString endpoint = SettingKey::clickHouseEndpoint.toString();
    const QString otlp = SettingKey::otlpEndpoint.toString();
    QTest::newRow("default") << port << QString() << QString() << QString() << QString() << QVariant(4318)
                             << Source::Default << QString();
    QTest::newRow("saved") << port << QString() << QString() << QString() << u"4400"_s << QVariant(4400)
                           << Source::Saved << QString();
    QTest::newRow("flag beats saved") << port << u"4500"_s << QString() << QString() << u"4400"_s << QVariant(4500)
                                      << Source::Flag << u"--otlp-port"_s;
    QTest::newRow("environment beats saved")
        << endpoint << QString() << u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s << u"http://env:8123"_s
        << u"http://saved:8123"_s << QVariant(u"http://env:8123"_s) << Source::Environment
        << u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s;
    QTest::newRow("flag beats environment")
        << endpoint << u"http://flag:8123"_s << u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s << u"http://env:8123"_s
        << QString() << QVariant(u"http://flag:8123"_s) << Source::Flag << u"--clickhouse-endpoint"_s;
    QTest::newRow("compression variable")
        << SettingKey::gzip.toString() << QString() << u"OTEL_EXPORTER_OTLP_COMPRESSION"_s << u"none"_s << u"true"_s
        << QVariant(false) << Source::Environment << u"OTEL_EXPORTER_OTLP_COMPRESSION"_s;
    QTest::newRow("empty variable is unset")
        << endpoint << QString() << u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s << QString() << u"http://saved:8123"_s
        << QVariant(u"http://saved:8123"_s) << Source::Saved << QString();
    QTest::newRow("unusable environment falls through")
        << otlp << QString() << u"OTEL_EXPORTER_OTLP_ENDPOINT"_s << u"not a url"_s << u"http://saved:4318"_s
        << QVariant(u"http://saved:4318"_s) << Source::Saved << QString();
    QTest::newRow("unusable flag falls through")
        << port << u"99999"_s << QString() << QString() << QString() << QVariant(4318) << Source::Default << QString();
}

void TestWorkbenchSettings::precedence()
{
    QFETCH(QString, key);
    QFETCH(QString, flag);
    QFETCH(QString, variable);
    QFETCH(QString, environment);
    QFETCH(QString, saved);
    QFETCH(QVariant, value);
    QFETCH(Source, source);
    QFETCH(QString, origin);
    if (!saved.isEmpty()) {
        auto file = store();
        file->setValue(key, saved);
    }
    QProcessEnvironment variables;
    if (!variable.isEmpty())
        variables.insert(variable, environment);
    WorkbenchSettings settings(store(), variables, nullptr);
    if (!flag.isEmpty())
        settings.setFlag(key, flag);
    const WorkbenchSettings::Effective effective = settings.effective(key);
    QCOMPARE(effective.value, value);
    QCOMPARE(effective.source, source);
    QCOMPARE(effective.origin, origin);
}

void TestWorkbenchSettings::normalised_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QVariant>("expected"); ///< invalid: refused
    QTest::addColumn<QString>("problem");

    const QString port = SettingKey::receiverPort.toString();
    QTest::newRow("port text") << port << QVariant(u" 4319 "_s) << QVariant(4319) << QString();
    QTest::newRow("port zero: any free one") << port << QVariant(0) << QVariant(0) << QString();
    QTest::newRow("port negative") << port << QVariant(-1) << QVariant() << u"from 0 to 65535"_s;
    QTest::newRow("port words") << port << QVariant(u"four"_s) << QVariant() << u"\"four\" is not a whole number"_s;
    QTest::newRow("gzip none") << SettingKey::gzip.toString() << QVariant(u"none"_s) << QVariant(false) << QString();
    QTest::newRow("gzip maybe") << SettingKey::gzip.toString() << QVariant(u"maybe"_s) << QVariant()
                                << u"not true or false"_s;
    QTest::newRow("url without host") << SettingKey::otlpEndpoint.toString() << QVariant(u"http://"_s) << QVariant()
                                      << u"not an http(s) URL"_s;
    QTest::newRow("url ftp") << SettingKey::otlpEndpoint.toString() << QVariant(u"ftp://x"_s) << QVariant()
                             << u"not an http(s) URL"_s;
    QTest::newRow("url without scheme") << SettingKey::clickHouseEndpoint.toString() << QVariant(u"host:8123"_s)
                                        << QVariant(u"http://host:8123"_s) << QString();
    QTest::newRow("empty url") << SettingKey::otlpEndpoint.toString() << QVariant(u""_s) << QVariant(u""_s)
                               << QString();
    QTest::newRow("address") << SettingKey::receiverAddress.toString() << QVariant(u"0.0.0.0"_s)
                             << QVariant(u"0.0.0.0"_s) << QString();
    QTest::newRow("address name") << SettingKey::receiverAddress.toString() << QVariant(u"localhost"_s) << QVariant()
                                  << u"not an IP address"_s;
    QTest::newRow("theme") << SettingKey::theme.toString() << QVariant(u"dark"_s) << QVariant(u"dark"_s) << QString();
    QTest::newRow("theme pink") << SettingKey::theme.toString() << QVariant(u"pink"_s) << QVariant()
                                << u"not one of system, light, dark"_s;
    QTest::newRow("secret keeps spaces") << SettingKey::clickHousePassword.toString() << QVariant(u" a b "_s)
                                         << QVariant(u" a b "_s) << QString();
}

void TestWorkbenchSettings::normalised()
{
    QFETCH(QString, key);
    QFETCH(QVariant, input);
    QFETCH(QVariant, expected);
    QFETCH(QString, problem);
    const SettingDefinition* definition = SettingDefinition::find(key);
    QVERIFY(definition);
    QString why;
    const QVariant value = definition->normalised(input, &why);
    QCOMPARE(value, expected);
    QVERIFY2(why.contains(problem), qPrintable(why));
    QCOMPARE(why.isEmpty(), problem.isEmpty());
}

void TestWorkbenchSettings::aSavedValueThatDoesNotFitIsReportedAndTheDefaultUsed()
{
    {
        auto file = store();
        file->setValue(SettingKey::gatewayPort.toString(), u"70000"_s);
        file->setValue(SettingKey::theme.toString(), u"dark"_s);
    }
    WorkbenchSettings settings(store(), {}, nullptr);
    QCOMPARE(settings.value(SettingKey::gatewayPort), QVariant(8124));
    QCOMPARE(settings.effective(SettingKey::gatewayPort).source, Source::Default);
    QCOMPARE(settings.value(SettingKey::theme), QVariant(u"dark"_s)); // the good one is kept
    const QStringList problems = settings.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(u"receiver/gateway_port in "_s) && problems.first().contains(u"70000"_s),
        qPrintable(problems.first()));
    QString problem;
    QVERIFY(!settings.save(SettingKey::gatewayPort, u"abc"_s, &problem));
    QVERIFY2(problem.contains(u"not a whole number"_s), qPrintable(problem));
}

void TestWorkbenchSettings::savingTheDefaultForgetsTheSavedValue()
{
    WorkbenchSettings settings(store(), {}, nullptr);
    QSignalSpy changed(&settings, &WorkbenchSettings::changed);
    QString problem;
    QVERIFY(settings.save(SettingKey::batchSize, 100, &problem));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), SettingKey::batchSize.toString());
    QCOMPARE(settings.effective(SettingKey::batchSize).source, Source::Saved);
    QVERIFY(settings.save(SettingKey::batchSize, 100, &problem));
    QCOMPARE(changed.size(), 1); // nothing changed, nothing said
    QVERIFY(settings.save(SettingKey::batchSize, 512, &problem));
    QCOMPARE(settings.effective(SettingKey::batchSize).source, Source::Default);
    QVERIFY(!store()->contains(SettingKey::batchSize.toString()));
    QVERIFY(settings.save(SettingKey::otlpEndpoint, u"http://collector:4318"_s, &problem));
    settings.resetToDefault(SettingKey::otlpEndpoint);
    QCOMPARE(settings.effective(SettingKey::otlpEndpoint).source, Source::Default);
    QCOMPARE(changed.size(), 4);
}

void TestWorkbenchSettings::aSecretIsKeptForTheSessionAndOnlyTheFactIsSaved()
{
    const QString password = u"s3cret-Pa55-for-settings"_s;
    {
        SecretStore secrets;
        secrets.setKeyringEnabled(false);
        WorkbenchSettings settings(store(), {}, &secrets);
        QSignalSpy changed(&settings, &WorkbenchSettings::changed);
        QString problem;
        QVERIFY(settings.save(SettingKey::clickHousePassword, password, &problem));
        QCOMPARE(changed.size(), 1);
        const WorkbenchSettings::Effective effective = settings.effective(SettingKey::clickHousePassword);
        QCOMPARE(effective.value.toString(), password);
        QCOMPARE(effective.source, Source::Saved);
        QCOMPARE(effective.origin, u"for this session only"_s);
        QCOMPARE(secrets.where(SettingKey::clickHousePassword.toString()), SecretStore::Where::SessionOnly);
    }
    QFile file(m_folder->filePath(u"settings.ini"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(!written.contains(password.toUtf8()), written.constData());
    QVERIFY2(written.contains("clickhouse_password=true"), written.constData());

    // The next session knows that a password was given, not the password: it asks for it once.
    SecretStore secrets;
    secrets.setKeyringEnabled(false);
    WorkbenchSettings next(store(), {}, &secrets);
    QCOMPARE(next.secretsToAsk(), QStringList { SettingKey::clickHousePassword.toString() });
    QCOMPARE(next.effective(SettingKey::clickHousePassword).source, Source::Default);
    // Given in the environment, it is not asked for.
    QProcessEnvironment environment;
    environment.insert(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s, u"from-env"_s);
    WorkbenchSettings withVariable(store(), environment, &secrets);
    QVERIFY(withVariable.secretsToAsk().isEmpty());
    QCOMPARE(withVariable.text(SettingKey::clickHousePassword), u"from-env"_s);
    // Cleared, it is no longer asked for.
    QString problem;
    QVERIFY(next.save(SettingKey::clickHousePassword, QString(), &problem));
    QVERIFY(next.secretsToAsk().isEmpty());
}

void TestWorkbenchSettings::everyKeyIsDefinedOnceWithItsDefaultValid()
{
    QSet<QString> keys;
    for (const SettingDefinition& definition : SettingDefinition::all()) {
        QVERIFY2(!keys.contains(definition.key), qPrintable(definition.key));
        keys.insert(definition.key);
        QString problem;
        if (!definition.isSecret() && definition.kind != SettingDefinition::Kind::Text
            && definition.kind != SettingDefinition::Kind::Folder)
            QVERIFY2(definition.normalised(definition.defaultValue, &problem).isValid()
                    || definition.defaultValue.toString().isEmpty(),
                qPrintable(definition.key + u": "_s + problem));
        QVERIFY2(qstrlen(definition.label) > 0 && qstrlen(definition.help) > 0, qPrintable(definition.key));
    }
    QCOMPARE(keys.size(), 22);
}

QTEST_GUILESS_MAIN(TestWorkbenchSettings)
#include "tst_workbenchsettings.moc"
