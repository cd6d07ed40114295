#include "settingdefinition.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
using Kind = SettingDefinition::Kind;
using Group = SettingDefinition::Group;

SettingDefinition setting(QStringView key, Group group, Kind kind, const char* label, const char* help,
    QVariant defaultValue = {}, QStringList environment = {}, QString flag = {})
{
    SettingDefinition definition;
    definition.key = key.toString();
    definition.group = group;
    definition.kind = kind;
    definition.label = label;
    definition.help = help;
    definition.defaultValue = std::move(defaultValue);
    definition.environment = std::move(environment);
    definition.flag = std::move(flag);
    return definition;
}

SettingDefinition ranged(SettingDefinition definition, int minimum, int maximum)
{
    definition.minimum = minimum;
    definition.maximum = maximum;
    return definition;
}

SettingDefinition choice(SettingDefinition definition, QStringList choices)
{
    definition.choices = std::move(choices);
    return definition;
}

QList<SettingDefinition> build()
{
    namespace K = SettingKey;
    return {
        setting(K::clickHouseEndpoint, Group::Endpoints, Kind::Url, QT_TRANSLATE_NOOP("Settings", "ClickHouse"),
            QT_TRANSLATE_NOOP("Settings", "Empty: the managed local ClickHouse the workbench starts itself."),
            QString(), { u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT"_s }, u"clickhouse-endpoint"_s),
        setting(K::clickHouseDatabase, Group::Endpoints, Kind::Text,
            QT_TRANSLATE_NOOP("Settings", "ClickHouse database"),
            QT_TRANSLATE_NOOP("Settings", "Where the traces, metrics and logs tables are."), u"telemetry"_s,
            { u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE"_s }),
        setting(K::otlpEndpoint, Group::Endpoints, Kind::Url, QT_TRANSLATE_NOOP("Settings", "OTLP endpoint"),
            QT_TRANSLATE_NOOP(
                "Settings", "Where the Send and Replay pages send OTLP. Empty: the workbench's own receiver."),
            QString(), { u"OTEL_EXPORTER_OTLP_ENDPOINT"_s }),
        setting(K::clickHouseUser, Group::Credentials, Kind::Text, QT_TRANSLATE_NOOP("Settings", "ClickHouse user"),
            QT_TRANSLATE_NOOP("Settings", "For an external ClickHouse; the managed one has its own."), u"default"_s,
            { u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME"_s }),
        setting(K::clickHousePassword, Group::Credentials, Kind::Secret,
            QT_TRANSLATE_NOOP("Settings", "ClickHouse password"),
            QT_TRANSLATE_NOOP("Settings", "Kept in the system keyring, never in a file."), QString(),
            { u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD"_s }),
        setting(K::otlpHeaders, Group::Credentials, Kind::Secret, QT_TRANSLATE_NOOP("Settings", "OTLP headers"),
            QT_TRANSLATE_NOOP("Settings",
                "key=value pairs, comma-separated (Authorization=Bearer%20…), sent with every OTLP request."),
            QString(), { u"OTEL_EXPORTER_OTLP_HEADERS"_s }),
        ranged(setting(K::batchSize, Group::Backends, Kind::Integer, QT_TRANSLATE_NOOP("Settings", "Batch size"),
                   QT_TRANSLATE_NOOP(
                       "Settings", "Records per OTLP request or ClickHouse insert of the Send and Replay pages."),
                   512, { u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_BATCH_SIZE"_s }),
            1, 100000),
        ranged(
            setting(K::flushIntervalMs, Group::Backends, Kind::Integer,
                QT_TRANSLATE_NOOP("Settings", "Flush interval (ms)"),
                QT_TRANSLATE_NOOP("Settings", "A batch that has not filled goes out after this long (both backends)."),
                5000, { u"OTEL_BSP_SCHEDULE_DELAY"_s }),
            10, 600000),
        setting(K::gzip, Group::Backends, Kind::Boolean, QT_TRANSLATE_NOOP("Settings", "Compress with gzip"),
            QT_TRANSLATE_NOOP("Settings", "OTLP request bodies."), true, { u"OTEL_EXPORTER_OTLP_COMPRESSION"_s }),
        setting(K::receiverAddress, Group::Receiver, Kind::Address, QT_TRANSLATE_NOOP("Settings", "Listen on"),
            QT_TRANSLATE_NOOP(
                "Settings", "127.0.0.1 keeps it to this machine; any other address lets other machines send here."),
            u"127.0.0.1"_s, {}, u"listen"_s),
        ranged(
            setting(K::receiverPort, Group::Receiver, Kind::Integer, QT_TRANSLATE_NOOP("Settings", "OTLP port"),
                QT_TRANSLATE_NOOP("Settings", "The OTLP/HTTP receiver (4318 is the standard port; 0: any free port)."),
                4318, {}, u"otlp-port"_s),
            0, 65535),
        ranged(setting(K::gatewayPort, Group::Receiver, Kind::Integer,
                   QT_TRANSLATE_NOOP("Settings", "ClickHouse gateway port"),
                   QT_TRANSLATE_NOOP("Settings", "Where the SDKs' ClickHouse backend can insert (0: any free port)."),
                   8124, {}, u"gateway-port"_s),
            0, 65535),
        setting(K::receiverToken, Group::Receiver, Kind::Secret, QT_TRANSLATE_NOOP("Settings", "Bearer token"),
            QT_TRANSLATE_NOOP(
                "Settings", "Empty: no token asked. When set, the Send and Replay pages send it to the receiver."),
            QString(), { u"AUTOMAGIK_WORKBENCH_RECEIVER_TOKEN"_s }),
        setting(K::corsOrigins, Group::Receiver, Kind::Text, QT_TRANSLATE_NOOP("Settings", "CORS origins"),
            QT_TRANSLATE_NOOP("Settings", "Browser origins allowed to send, comma-separated (* for any)."), QString(),
            {}, u"cors-origin"_s),
        setting(K::spoolFolder, Group::Spool, Kind::Folder, QT_TRANSLATE_NOOP("Settings", "Spool folder"),
            QT_TRANSLATE_NOOP(
                "Settings", "What could not be delivered yet waits here. Empty: the data folder's spool."),
            QString()),
        ranged(
            setting(K::spoolLimitMiB, Group::Spool, Kind::Integer, QT_TRANSLATE_NOOP("Settings", "Spool limit (MiB)"),
                QT_TRANSLATE_NOOP("Settings", "Per spool file; past it a sender is told to slow down."), 1024),
            1, 1048576),
        ranged(
            setting(K::healthIntervalMs, Group::Health, Kind::Integer, QT_TRANSLATE_NOOP("Settings", "Look every (ms)"),
                QT_TRANSLATE_NOOP("Settings", "How often the Health page asks ClickHouse and the services below."),
                2000),
            250, 600000),
        setting(K::collectorHealthUrl, Group::Health, Kind::Url,
            QT_TRANSLATE_NOOP("Settings", "OTel collector health check"),
            QT_TRANSLATE_NOOP("Settings",
                "The collector's health_check extension, e.g. http://127.0.0.1:13133/. "
                "Empty: not looked at."),
            QString()),
        setting(K::collectorMetricsUrl, Group::Health, Kind::Url,
            QT_TRANSLATE_NOOP("Settings", "OTel collector metrics"),
            QT_TRANSLATE_NOOP("Settings",
                "The collector's own metrics, e.g. http://127.0.0.1:8888/metrics. "
                "Empty: not looked at."),
            QString()),
        setting(K::grafanaUrl, Group::Health, Kind::Url, QT_TRANSLATE_NOOP("Settings", "Grafana"),
            QT_TRANSLATE_NOOP(
                "Settings", "Grafana's address, e.g. http://127.0.0.1:3000 (its /api/health). Empty: not looked at."),
            QString()),
        choice(setting(K::theme, Group::Appearance, Kind::Choice, QT_TRANSLATE_NOOP("Settings", "Theme"),
                   QT_TRANSLATE_NOOP("Settings", "System follows the desktop."), u"system"_s),
            { u"system"_s, u"light"_s, u"dark"_s }),
        choice(setting(K::language, Group::Appearance, Kind::Choice, QT_TRANSLATE_NOOP("Settings", "Language"),
                   QT_TRANSLATE_NOOP("Settings", "System follows the desktop's locale. Applies at the next start."),
                   u"system"_s, {}, u"language"_s),
            { u"system"_s, u"en"_s, u"pt_BR"_s }),
    };
}
} // namespace

const QList<SettingDefinition>& SettingDefinition::all()
{
    static const QList<SettingDefinition> definitions = build();
    return definitions;
}

const SettingDefinition* SettingDefinition::find(QStringView key)
{
    for (const SettingDefinition& definition : all()) {
        if (definition.key == key)
            return &definition;
    }
    return nullptr;
}

QVariant SettingDefinition::normalised(const QVariant& value, QString* problem) const
{
    const QString text = value.toString().trimmed();
    switch (kind) {
    case Kind::Integer: {
        bool ok = false;
        const int number = value.typeId() == QMetaType::Int ? value.toInt() : text.toInt(&ok);
        if (value.typeId() == QMetaType::Int)
            ok = true;
        if (!ok || number < minimum || number > maximum) {
            *problem = u"\"%1\" is not a whole number from %2 to %3"_s.arg(text).arg(minimum).arg(maximum);
            return {};
        }
        return number;
    }
    case Kind::Boolean:
        if (value.typeId() == QMetaType::Bool)
            return value.toBool();
        if (text == u"true"_s || text == u"1"_s || text == u"gzip"_s)
            return true;
        if (text == u"false"_s || text == u"0"_s || text == u"none"_s)
            return false;
        *problem = u"\"%1\" is not true or false"_s.arg(text);
        return {};
    case Kind::Url: {
        if (text.isEmpty())
            return text;
        // "host:8123" without a scheme means http, as the SDKs read their variables.
        const QString withScheme = text.contains(u"://"_s) ? text : u"http://"_s + text;
        const QUrl url(withScheme, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
            *problem = u"\"%1\" is not an http(s) URL with a host"_s.arg(text);
            return {};
        }
        return withScheme;
    }
    case Kind::Address:
        if (QHostAddress address; !address.setAddress(text)) {
            *problem = u"\"%1\" is not an IP address"_s.arg(text);
            return {};
        }
        return text;
    case Kind::Choice:
        if (!choices.contains(text)) {
            *problem = u"\"%1\" is not one of %2"_s.arg(text, choices.join(u", "_s));
            return {};
        }
        return text;
    case Kind::Secret:
        return value.toString(); // kept as given: spaces may belong to it
    case Kind::Text:
    case Kind::Folder:
        return text;
    }
    return text;
}
