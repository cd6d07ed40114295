#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "openedtrace.h"
#include "telemetry/clickhouserowmapper.h"
#include "tracesearchcriteria.h"
#include "tracesummary.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <memory>

class ClickHouseClient;
class ClickHouseReply;

/// Runs the Traces page's queries against ClickHouse without blocking its thread: a search, the
/// opening of one trace (its spans and its logs, asked at once, read into a TraceTree on a pool
/// thread), and the list of services. A new search replaces the one under way (stopped on the
/// server too), and so does a new opening or server: a replaced request's answer is never delivered.
class TraceLoader final : public QObject
{
    Q_OBJECT

public:
    using Dialect = ClickHouseRowMapper::Dialect;

    explicit TraceLoader(QObject* parent = nullptr);
    ~TraceLoader() override;
    Q_DISABLE_COPY_MOVE(TraceLoader)

    void setServer(const ClickHouseEndpoint& endpoint, Dialect dialect);
    bool hasServer() const { return m_client != nullptr; }
    Dialect dialect() const { return m_dialect; }
    QString database() const { return m_endpoint.database; }

    /// The SQL search() runs for `criteria` on this server.
    QString searchSql(const TraceSearchCriteria& criteria) const;
    void search(const TraceSearchCriteria& criteria);
    void open(const QByteArray& traceId);
    void loadServices();
    bool isSearching() const;
    bool isOpening() const { return !m_openingId.isEmpty(); }
    /// The trace being opened; empty when none is.
    QByteArray openingId() const { return m_openingId; }

Q_SIGNALS:
    void searchFinished(const QList<TraceSummary>& traces, const QString& error, qint64 elapsedMs);
    void traceOpened(const OpenedTrace& trace);
    void servicesLoaded(const QStringList& services);

private:
    void onSearchFinished();
    void onOpenPartFinished();
    void abortOpening();

    ClickHouseEndpoint m_endpoint;
    Dialect m_dialect = Dialect::Legacy;
    std::unique_ptr<ClickHouseClient> m_client;
    QPointer<ClickHouseReply> m_search;
    QElapsedTimer m_searchClock;
    QPointer<ClickHouseReply> m_spans;
    QPointer<ClickHouseReply> m_logs;
    QPointer<ClickHouseReply> m_services;
    QByteArray m_openingId;
    QElapsedTimer m_openClock;
    QFutureWatcher<OpenedTrace> m_reading;
    int m_generation = 0; ///< one more for each opening asked for or abandoned
    int m_readingGeneration = 0; ///< the generation of the trace being read
};
