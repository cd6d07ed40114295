#include "settingsconfig.h"

#include "clickhouse/clickhousebackendconfig.h"
#include "otlp/otlphttpexporterconfig.h"
#include "workbenchsettings.h"

#include <QDir>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace SettingsConfig {

ClickHouseEndpoint clickHouseCredentials(const WorkbenchSettings& settings)
{
    ClickHouseEndpoint endpoint;
    endpoint.database = settings.text(SettingKey::clickHouseDatabase);
    endpoint.user = settings.text(SettingKey::clickHouseUser);
    endpoint.password = settings.text(SettingKey::clickHousePassword);
    return endpoint;
}

bool externalClickHouse(const WorkbenchSettings& settings, ClickHouseEndpoint* endpoint, QString* source)
{
    const WorkbenchSettings::Effective named = settings.effective(SettingKey::clickHouseEndpoint);
    if (named.value.toString().isEmpty())
        return false;
    *endpoint = clickHouseCredentials(settings);
    endpoint->url = ClickHouseBackendConfig::endpointUrl(named.value.toString());
    *source = WorkbenchSettings::sourceText(named);
    return true;
}

void applyToCollector(const WorkbenchSettings& settings, LocalCollector::Options* options)
{
    const QHostAddress address(settings.text(SettingKey::receiverAddress));
    options->receiver.address = address;
    options->gateway.address = address;
    const WorkbenchSettings::Effective otlpPort = settings.effective(SettingKey::receiverPort);
    const WorkbenchSettings::Effective gatewayPort = settings.effective(SettingKey::gatewayPort);
    options->receiver.port = quint16(otlpPort.value.toInt());
    options->gateway.port = quint16(gatewayPort.value.toInt());
    options->fallBackToFreePorts = otlpPort.source == WorkbenchSettings::Source::Default
        && gatewayPort.source == WorkbenchSettings::Source::Default;
    options->receiver.bearerToken = settings.text(SettingKey::receiverToken).toUtf8();
    const QString origins = settings.text(SettingKey::corsOrigins);
    if (!origins.isEmpty()) {
        QStringList list = origins.split(u',', Qt::SkipEmptyParts);
        for (QString& origin : list)
            origin = origin.trimmed();
        options->receiver.cors = CorsPolicy(list);
    }
    options->clickHouse.spoolMaxBytes = qint64(settings.value(SettingKey::spoolLimitMiB).toInt()) << 20;
}

SendDefaults sendDefaults(const WorkbenchSettings& settings, QStringList* problems)
{
    SendDefaults defaults;
    defaults.otlpUrl = QUrl(settings.text(SettingKey::otlpEndpoint));
    QString error;
    if (!OtlpHttpExporterConfig::parseHeaders(settings.text(SettingKey::otlpHeaders), &defaults.otlpHeaders, &error)) {
        defaults.otlpHeaders.clear();
        if (problems) // not the parser's error: it quotes the text, which may hold a secret
            problems->append(u"The OTLP headers are not key=value pairs: none are sent"_s);
    }
    defaults.receiverToken = settings.text(SettingKey::receiverToken).toUtf8();
    defaults.batchSize = settings.value(SettingKey::batchSize).toInt();
    defaults.flushIntervalMs = settings.value(SettingKey::flushIntervalMs).toInt();
    defaults.gzip = settings.value(SettingKey::gzip).toBool();
    defaults.spoolMaxBytes = qint64(settings.value(SettingKey::spoolLimitMiB).toInt()) << 20;
    return defaults;
}

QString collectorSpoolPath(const WorkbenchSettings& settings, const QString& dataDirectory)
{
    const QString folder = settings.text(SettingKey::spoolFolder);
    if (folder.isEmpty())
        return LocalCollector::spoolPathIn(dataDirectory);
    QDir().mkpath(folder);
    return QDir(folder).filePath(u"collector.spool"_s);
}

bool concernsCollector(QStringView key)
{
    const SettingDefinition* definition = SettingDefinition::find(key);
    return definition && (definition->group == SettingDefinition::Group::Receiver || key == SettingKey::spoolLimitMiB);
}

QString spoolFolder(const WorkbenchSettings& settings, const QString& dataFolder)
{
    const QString saved = settings.text(SettingKey::spoolFolder);
    return saved.isEmpty() ? QDir(dataFolder).filePath(u"spool"_s) : saved;
}

} // namespace SettingsConfig
