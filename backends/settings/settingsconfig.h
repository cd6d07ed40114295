#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "collector/localcollector.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <utility>

class WorkbenchSettings;

/// What the Send and Replay pages' destinations take from the settings: the OTLP endpoint
/// (empty: the workbench's own receiver), headers, the receiver's token (sent only to that
/// receiver), batching, gzip and the spool's limit.
struct SendDefaults
{
    QUrl otlpUrl;
    QList<std::pair<QByteArray, QByteArray>> otlpHeaders;
    QByteArray receiverToken;
    int batchSize = 512;
    int flushIntervalMs = 5000;
    bool gzip = true;
    qint64 spoolMaxBytes = qint64(1) << 30;
};

/// The engines' configurations, filled from the effective settings.
namespace SettingsConfig {

/// Database, user and password of an external ClickHouse (the URL is the caller's).
ClickHouseEndpoint clickHouseCredentials(const WorkbenchSettings& settings);
/// The external ClickHouse the settings name (by flag, environment or saved), with its
/// credentials, and where that came from; false when none is named (the managed one is used).
bool externalClickHouse(const WorkbenchSettings& settings, ClickHouseEndpoint* endpoint, QString* source);
/// Listen address, ports (a port chosen by flag or saved is used or the start fails), bearer
/// token, CORS origins and spool limit of the local collector.
void applyToCollector(const WorkbenchSettings& settings, LocalCollector::Options* options);
/// Headers that cannot be parsed are left out and named in `problems`.
SendDefaults sendDefaults(const WorkbenchSettings& settings, QStringList* problems = nullptr);
/// The spool folder: the saved one, else `dataFolder`/spool.
QString spoolFolder(const WorkbenchSettings& settings, const QString& dataFolder);
/// The local collector's spool file: in the spool folder when one is saved, else beside the
/// managed server's data (LocalCollector::spoolPathIn). The folder is made.
QString collectorSpoolPath(const WorkbenchSettings& settings, const QString& dataDirectory);
/// Whether a change of `key` changes what the running collector does (its listeners, token,
/// CORS origins, spool limit), so it is restarted with them.
bool concernsCollector(QStringView key);

} // namespace SettingsConfig
