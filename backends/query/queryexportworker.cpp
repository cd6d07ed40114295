#include "queryexportworker.h"

#include "clickhouse/clickhousedownload.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

QueryExportWorker::QueryExportWorker() = default;

QueryExportWorker::~QueryExportWorker()
{
    cancel();
}

void QueryExportWorker::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_client = std::make_unique<ClickHouseClient>(endpoint);
    m_client->setServerInfo(info);
    m_client->setTimeoutMs(300000); // a long aggregation may say nothing for minutes
}

void QueryExportWorker::start(
    const QString& sql, const QString& format, const QString& path, const ClickHouseClient::Settings& settings)
{
    cancel();
    if (!m_client) {
        Q_EMIT finished(ClickHouseError::network(u"no ClickHouse server is set"_s), 0, 0);
        return;
    }
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString reason = m_file->errorString();
        m_file.reset();
        Q_EMIT finished(ClickHouseError::network(u"cannot create %1: %2"_s.arg(path, reason)), 0, 0);
        return;
    }
    m_download = m_client->download(sql, format, m_file.get(), settings);
    connect(m_download, &ClickHouseDownload::progressed, this, &QueryExportWorker::progressed);
    connect(m_download, &ClickHouseDownload::finished, this, &QueryExportWorker::onDownloadFinished);
}

void QueryExportWorker::onDownloadFinished()
{
    ClickHouseDownload* download = m_download.data();
    m_download.clear();
    download->deleteLater();
    ClickHouseError error = download->error();
    if (!error.isError() && !m_file->commit())
        error = ClickHouseError::network(u"cannot write %1: %2"_s.arg(m_file->fileName(), m_file->errorString()));
    else if (error.isError())
        m_file->cancelWriting(); // nothing half-written is left behind under the chosen name
    m_file.reset();
    Q_EMIT finished(error, download->bytesWritten(), download->elapsedMs());
}

void QueryExportWorker::cancel()
{
    if (m_download)
        m_download->cancel(); // finished() follows, synchronously
}
