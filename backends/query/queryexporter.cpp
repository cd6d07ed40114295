#include "queryexporter.h"

#include "queryexportworker.h"

using namespace Qt::StringLiterals;

QueryExporter::QueryExporter(QObject* parent)
    : QObject(parent)
    , m_worker(u"query export"_s, new QueryExportWorker, &QueryExportWorker::cancel)
{
    connect(m_worker.worker(), &QueryExportWorker::progressed, this, &QueryExporter::progressed);
    connect(m_worker.worker(), &QueryExportWorker::finished, this,
        [this](const ClickHouseError& error, qint64 bytes, qint64 elapsedMs) {
            m_running = false;
            Q_EMIT finished(error, bytes, elapsedMs);
        });
}

QueryExporter::~QueryExporter() = default;

QString QueryExporter::clickHouseFormat(Format format)
{
    switch (format) {
    case Format::Tsv:
        return u"TabSeparatedWithNames"_s;
    case Format::Json:
        return u"JSON"_s;
    case Format::Csv:
        break;
    }
    return u"CSVWithNames"_s;
}

QueryExporter::Format QueryExporter::formatForPath(const QString& path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(u".tsv"_s) || lower.endsWith(u".tab"_s))
        return Format::Tsv;
    if (lower.endsWith(u".json"_s))
        return Format::Json;
    return Format::Csv;
}

void QueryExporter::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_worker.post([endpoint, info](QueryExportWorker* worker) { worker->setServer(endpoint, info); });
}

void QueryExporter::start(
    const QString& sql, Format format, const QString& path, const ClickHouseClient::Settings& settings)
{
    if (m_running)
        return;
    m_running = true;
    m_worker.post([sql, format = clickHouseFormat(format), path, settings](
                      QueryExportWorker* worker) { worker->start(sql, format, path, settings); });
}

void QueryExporter::cancel()
{
    if (m_running)
        m_worker.post([](QueryExportWorker* worker) { worker->cancel(); });
}
