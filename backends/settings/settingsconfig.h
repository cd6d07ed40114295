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
/// Listen address, ports (a port chosen by flag or saved is used or the start fails), bearer
/// token, CORS origins and spool limit of the local collector.
void applyToCollector(const WorkbenchSettings& settings, LocalCollector::Options* options);
/// Headers that cannot be parsed are left out and named in `problems`.
SendDefaults sendDefaults(const WorkbenchSettings& settings, QStringList* problems = nullptr);
/// The spool folder: the saved one, else `dataFolder`/spool.
QString spoolFolder(const WorkbenchSettings& settings, const QString& dataFolder);

} // namespace SettingsConfig
