#pragma once

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhouseerror.h"

#include <QObject>
#include <QPointer>

#include <memory>

class ClickHouseDownload;
class QSaveFile;

/// QueryExporter's half on its worker thread: the client, the file being written and the
/// download that fills it. The file appears under its name only when the whole answer arrived.
class QueryExportWorker final : public QObject
{
    Q_OBJECT

public:
    QueryExportWorker();
    ~QueryExportWorker() override;
    Q_DISABLE_COPY_MOVE(QueryExportWorker)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void start(
        const QString& sql, const QString& format, const QString& path, const ClickHouseClient::Settings& settings);
    void cancel();

Q_SIGNALS:
    void progressed(qint64 bytes);
    void finished(const ClickHouseError& error, qint64 bytes, qint64 elapsedMs);

private:
    void onDownloadFinished();

    std::unique_ptr<ClickHouseClient> m_client;
    std::unique_ptr<QSaveFile> m_file;
    QPointer<ClickHouseDownload> m_download;
};
