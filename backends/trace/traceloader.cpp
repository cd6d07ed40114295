#include "traceloader.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhousetsv.h"
#include "tracesearchsql.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {
const ClickHouseClient::Settings jsonRows { { u"default_format"_s, u"JSONEachRow"_s } };
const ClickHouseClient::Settings tsvRows { { u"default_format"_s, u"TabSeparated"_s } };
} // namespace

TraceLoader::TraceLoader(QObject* parent)
    : QObject(parent)
{
    connect(&m_reading, &QFutureWatcherBase::finished, this, [this] {
        if (m_reading.future().resultCount() == 0)
            return;
        // The future would keep its copy until the next trace and free it on this thread then: the
        // watcher lets go of it now (a finished, empty future in its place; not takeResult(), which
        // leaves the future unfinished for ever to a waitForFinished()).
        OpenedTrace trace = m_reading.result();
        m_reading.setFuture(QFuture<OpenedTrace>());
        if (m_readingGeneration != m_generation) {
            // Another trace (or server) was asked for while this one was read: it goes, off this thread.
            (void)QtConcurrent::run([dropped = std::move(trace)] {});
            return;
        }
        m_openingId.clear();
        trace.elapsedMs = m_openClock.elapsed();
        Q_EMIT traceOpened(trace);
    });
}

TraceLoader::~TraceLoader()
{
    ClickHouseReply::discard(&m_search, this);
    ClickHouseReply::discard(&m_services, this);
    abortOpening();
    ClickHouseClient::retire(std::move(m_client)); // lets the kills reach the server
    m_reading.waitForFinished();
}

void TraceLoader::setServer(const ClickHouseEndpoint& endpoint, Dialect dialect)
{
    ClickHouseReply::discard(&m_search, this);
    ClickHouseReply::discard(&m_services, this);
    abortOpening();
    m_endpoint = endpoint;
    m_dialect = dialect;
    ClickHouseClient::retire(std::move(m_client));
    m_client = std::make_unique<ClickHouseClient>(endpoint);
}

QString TraceLoader::searchSql(const TraceSearchCriteria& criteria) const
{
    return TraceSearchSql::search(criteria, m_endpoint.database, m_dialect);
}

void TraceLoader::search(const TraceSearchCriteria& criteria)
{
    ClickHouseReply::discard(&m_search, this);
    if (!m_client) {
        Q_EMIT searchFinished({}, tr("No ClickHouse server is connected yet."), 0);
        return;
    }
    m_searchClock.start();
    m_search = m_client->query(searchSql(criteria), tsvRows);
    connect(m_search, &ClickHouseReply::finished, this, &TraceLoader::onSearchFinished);
}

bool TraceLoader::isSearching() const
{
    return !m_search.isNull();
}

void TraceLoader::onSearchFinished()
{
    ClickHouseReply* reply = m_search;
    m_search = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    QList<TraceSummary> traces;
    QString error;
    if (!reply->isOk())
        error = reply->error().toString();
    else
        TraceSummary::fromTsv(reply->text(), &traces, &error);
    Q_EMIT searchFinished(traces, error, m_searchClock.elapsed());
}

void TraceLoader::open(const QByteArray& traceId)
{
    if (!traceId.isEmpty() && traceId == m_openingId)
        return; // already on its way
    abortOpening();
    if (!m_client) {
        OpenedTrace failed;
        failed.traceId = traceId;
        failed.error = tr("No ClickHouse server is connected yet.");
        Q_EMIT traceOpened(failed);
        return;
    }
    m_openingId = traceId;
    m_openClock.start();
    m_spans = m_client->query(TraceSearchSql::spans(traceId, m_endpoint.database), jsonRows);
    m_logs = m_client->query(TraceSearchSql::logs(traceId, m_endpoint.database), jsonRows);
    connect(m_spans, &ClickHouseReply::finished, this, &TraceLoader::onOpenPartFinished);
    connect(m_logs, &ClickHouseReply::finished, this, &TraceLoader::onOpenPartFinished);
}

void TraceLoader::onOpenPartFinished()
{
    if (m_openingId.isEmpty() || !m_spans || !m_logs || !m_spans->isFinished() || !m_logs->isFinished())
        return;
    ClickHouseReply* spans = m_spans;
    ClickHouseReply* logs = m_logs;
    m_spans = nullptr;
    m_logs = nullptr;
    spans->deleteLater(); // one of them is emitting finished() right now
    logs->deleteLater();
    for (ClickHouseReply* reply : { spans, logs }) {
        if (!reply->isOk()) {
            OpenedTrace failed;
            failed.traceId = m_openingId;
            failed.error = reply->error().toString();
            failed.elapsedMs = m_openClock.elapsed();
            m_openingId.clear();
            Q_EMIT traceOpened(failed);
            return;
        }
    }
    // Reading 10,000 rows takes longer than a frame: a pool thread reads them.
    m_readingGeneration = m_generation;
    m_reading.setFuture(QtConcurrent::run(&OpenedTrace::read, m_openingId, spans->body(), logs->body()));
}

void TraceLoader::abortOpening()
{
    ++m_generation; // a trace being read now is not delivered
    ClickHouseReply::discard(&m_spans, this);
    ClickHouseReply::discard(&m_logs, this);
    m_openingId.clear();
}

void TraceLoader::loadServices()
{
    if (!m_client)
        return;
    ClickHouseReply::discard(&m_services, this);
    ClickHouseReply* reply = m_client->query(TraceSearchSql::services(m_endpoint.database), tsvRows);
    m_services = reply;
    connect(reply, &ClickHouseReply::finished, this, [this, reply] {
        m_services = nullptr;
        reply->deleteLater();
        if (!reply->isOk())
            return;
        QStringList services;
        for (const QStringList& row : ClickHouseTsv::rows(reply->text())) {
            if (!row.isEmpty())
                services.append(row.first());
        }
        Q_EMIT servicesLoaded(services);
    });
}
