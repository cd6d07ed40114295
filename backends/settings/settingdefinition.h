#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

/// One setting of the workbench: its QSettings key, where it shows in the Settings dialog, its
/// type and range, its default, and the environment variables and command-line flag that
/// override a saved value (DESIGN.md's precedence: flag, environment, saved, default). A secret
/// (a password, a token, headers that carry one) is never written to QSettings: SecretStore
/// keeps it.
struct SettingDefinition
{
    enum class Kind
    {
        Text,
        Url, ///< empty or an http(s) URL with a host
        Address, ///< an IP address to listen on
        Integer,
        Boolean,
        Choice, ///< one of `choices`
        Folder,
        Secret,
    };
    enum class Group
    {
        Endpoints,
        Credentials,
        Backends,
        Receiver,
        Spool,
        Health,
        Appearance,
    };

    QString key;
    Group group = Group::Endpoints;
    Kind kind = Kind::Text;
    const char* label = ""; ///< translated in the "Settings" context
    const char* help = ""; ///< what an empty value or the default means
    QVariant defaultValue;
    QStringList environment; ///< variables that override the saved value, first found wins
    QString flag; ///< the window's command-line option that overrides everything (without --)
    QStringList choices; ///< for Kind::Choice
    int minimum = 0;
    int maximum = 0;

    bool isSecret() const { return kind == Kind::Secret; }

    /// Every setting, in the dialog's order.
    static const QList<SettingDefinition>& all();
    /// Null for a key that is not a setting.
    static const SettingDefinition* find(QStringView key);
    /// The value as this setting holds it (an int for Integer, a bool for Boolean, text
    /// otherwise), or an invalid QVariant with `problem` saying why `value` does not fit.
    QVariant normalised(const QVariant& value, QString* problem) const;
};

/// The keys, so that callers name settings without spelling them twice.
namespace SettingKey {
inline constexpr QStringView clickHouseEndpoint = u"clickhouse/endpoint";
inline constexpr QStringView clickHouseDatabase = u"clickhouse/database";
inline constexpr QStringView clickHouseUser = u"clickhouse/user";
inline constexpr QStringView clickHousePassword = u"clickhouse/password";
inline constexpr QStringView otlpEndpoint = u"otlp/endpoint";
inline constexpr QStringView otlpHeaders = u"otlp/headers";
inline constexpr QStringView batchSize = u"backends/batch_size";
inline constexpr QStringView flushIntervalMs = u"backends/flush_interval_ms";
inline constexpr QStringView gzip = u"backends/gzip";
inline constexpr QStringView receiverAddress = u"receiver/address";
inline constexpr QStringView receiverPort = u"receiver/otlp_port";
inline constexpr QStringView gatewayPort = u"receiver/gateway_port";
inline constexpr QStringView receiverToken = u"receiver/token";
inline constexpr QStringView corsOrigins = u"receiver/cors_origins";
inline constexpr QStringView spoolFolder = u"spool/folder";
inline constexpr QStringView spoolLimitMiB = u"spool/limit_mib";
inline constexpr QStringView healthIntervalMs = u"health/interval_ms";
inline constexpr QStringView collectorHealthUrl = u"health/collector_health_url";
inline constexpr QStringView collectorMetricsUrl = u"health/collector_metrics_url";
inline constexpr QStringView grafanaUrl = u"health/grafana_url";
inline constexpr QStringView theme = u"appearance/theme";
inline constexpr QStringView language = u"appearance/language";
} // namespace SettingKey
