#pragma once

#include <QSet>
#include <QString>
#include <QVersionNumber>

/// What one ClickHouse server can do, detected once per connection with one query (probeQuery):
/// its version and time zone, and which types, functions, formats and settings it knows. The rest
/// of the workbench asks here instead of assuming: the schema dialect, macro expansion
/// (toStartOfInterval) and the settings a request may carry (an unknown setting fails the whole
/// request on old servers) all depend on it.
class ClickHouseServerInfo final
{
public:
    enum class Dialect
    {
        Modern, ///< Map, TTL, data-skipping indexes: the upstream schema as written
        Legacy, ///< Nested instead of Map, no TTL, no skip indexes (ClickHouse 18.16 in Debian 12)
    };

    ClickHouseServerInfo() = default;

    /// One UNION ALL query, valid on 18.16 and on current servers.
    static QString probeQuery();
    /// Reads probeQuery()'s TabSeparated answer; false when it is not one.
    static bool fromProbeResult(const QString& text, ClickHouseServerInfo* info, QString* error = nullptr);

    bool isValid() const { return !m_version.isNull(); }
    QVersionNumber version() const { return m_version; }
    QString versionString() const { return m_versionString; }
    QString timezone() const { return m_timezone; }
    bool versionAtLeast(int major, int minor = 0) const;

    bool hasType(const QString& name) const { return m_types.contains(name); }
    bool hasFunction(const QString& name) const { return m_functions.contains(name); }
    bool hasFormat(const QString& name) const { return m_formats.contains(name); }
    bool knowsSetting(const QString& name) const { return m_settings.contains(name); }

    /// Map became usable without an experimental flag in 21.8.
    bool hasMap() const { return hasType(QStringLiteral("Map")) && versionAtLeast(21, 8); }
    bool hasDateTime64() const { return hasType(QStringLiteral("DateTime64")); }
    bool hasToStartOfInterval() const { return hasFunction(QStringLiteral("toStartOfInterval")); }
    /// Column and table TTL arrived in 19.6.
    bool hasTtl() const { return versionAtLeast(19, 6); }
    /// Data-skipping indexes (bloom_filter, tokenbf_v1) without the experimental flag: 20.1.
    bool hasSkipIndexes() const { return versionAtLeast(20, 1); }
    Dialect dialect() const { return hasMap() && hasTtl() && hasSkipIndexes() ? Dialect::Modern : Dialect::Legacy; }

    /// The setting names probeQuery() asks about; settings outside this list count as unknown.
    static QStringList probedSettings();

private:
    QVersionNumber m_version;
    QString m_versionString;
    QString m_timezone;
    QSet<QString> m_types;
    QSet<QString> m_functions;
    QSet<QString> m_formats;
    QSet<QString> m_settings;
};
