#pragma once

#include "clickhouse/clickhouseserverinfo.h"
#include "trace/openedtrace.h"
#include "trace/traceloader.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class TraceSearchForm;
class TraceSearchModel;
class TraceView;

/// The Traces page: search traces in the telemetry tables (TraceSearchForm), list them sortable
/// (TraceSearchModel), and open one on a waterfall with its spans' details and its logs
/// (TraceView). Queries run through a TraceLoader and an export on a pool thread: nothing waits
/// on the GUI thread. A search keeps the trace the user picked while it opens, else the open
/// trace, when it finds it again; a pick still opening finishes even when it does not; otherwise
/// the newest trace found opens.
class TracesPage final : public QWidget
{
    Q_OBJECT

public:
    explicit TracesPage(QWidget* parent = nullptr);
    ~TracesPage() override;
    Q_DISABLE_COPY_MOVE(TracesPage)

    /// The server to search; its telemetry tables are in setTelemetryDatabase()'s database.
    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    /// The database of the telemetry tables ("telemetry" unless told otherwise).
    void setTelemetryDatabase(const QString& database);
    TraceSearchForm* form() const { return m_form; }
    TraceLoader* loader() { return &m_loader; }
    TraceSearchModel* results() const { return m_results; }
    QTableView* resultsView() const { return m_resultsView; }
    TraceView* traceView() const { return m_traceView; }
    QString statusText() const;

    void search();
    void openTrace(const QByteArray& traceId);
    /// Writes the open trace as a capture, here and now (Export… does it on a pool thread); false
    /// with `error` when there is none or it fails.
    bool exportTrace(const QString& path, QString* error) const;

Q_SIGNALS:
    void openInQuery(const QString& sql);

private:
    void onSearchFinished(const QList<TraceSummary>& traces, const QString& error, qint64 elapsedMs);
    void onTraceOpened(const OpenedTrace& trace);
    void askExport();

    TraceLoader m_loader;
    TraceSearchForm* m_form;
    TraceSearchModel* m_results;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_resultsView;
    TraceView* m_traceView;
    QLabel* m_status;
    QString m_database = QStringLiteral("telemetry");
    ClickHouseEndpoint m_endpoint;
    ClickHouseServerInfo m_info;
    QSet<QString> m_exporting; ///< files an export is writing
    QByteArray m_picked; ///< the trace last opened by the user (not by a search)
    bool m_selecting = false; ///< a search is selecting the trace it opens
};
