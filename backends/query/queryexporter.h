#pragma once

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhouseerror.h"
#include "common/workerthread.h"
#include "queryexportworker.h"

#include <QObject>

/// Exports a query's whole result to a file, CSV, TSV or JSON, by running it again with that
/// output format and writing the answer to disk as it arrives, on a thread of its own: neither
/// the grid's row cap nor memory limits what is exported, and the GUI never waits on the disk.
/// The file is replaced only when the export is complete; a failed or cancelled one leaves
/// nothing behind.
class QueryExporter final : public QObject
{
    Q_OBJECT

public:
    enum class Format
    {
        Csv, ///< CSVWithNames: a header line, RFC 4180 quoting
        Tsv, ///< TabSeparatedWithNames
        Json, ///< ClickHouse's JSON: {"meta": [...], "data": [{...}], "rows": n, ...}
    };

    explicit QueryExporter(QObject* parent = nullptr);
    ~QueryExporter() override;
    Q_DISABLE_COPY_MOVE(QueryExporter)

    static QString clickHouseFormat(Format format);
    /// From the file name's extension (.csv, .tsv/.tab, .json); CSV when unknown.
    static Format formatForPath(const QString& path);

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    /// `sql` is one statement without a FORMAT clause; one export at a time.
    void start(const QString& sql, Format format, const QString& path, const ClickHouseClient::Settings& settings = {});
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressed(qint64 bytes);
    void finished(const ClickHouseError& error, qint64 bytes, qint64 elapsedMs);

private:
    WorkerThread<QueryExportWorker> m_worker;
    bool m_running = false;
};
