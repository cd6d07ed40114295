#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "tablerows.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>

class ClickHouseClient;
class ClickHouseReply;

/// Follows the telemetry tables for the Live page: once a second (while started) it asks
/// `traces`, `metrics` and `logs` for the rows whose time is at or after the newest it has seen,
/// reads them on a pool thread and hands over the records no one has shown yet: rows an
/// application wrote with the SDKs' direct backend, or any other client. What the workbench's
/// receiver took is noted as it streams in (note*), so its rows are not shown a second time when
/// they reach the tables. A row whose time is older than the newest already seen is not picked
/// up: the tables have no arrival time, only the records' own.
class ClickHouseTail final : public QObject
{
    Q_OBJECT

public:
    explicit ClickHouseTail(QObject* parent = nullptr);
    ~ClickHouseTail() override;
    Q_DISABLE_COPY_MOVE(ClickHouseTail)

    /// Rows per table and look: a burst larger than this is taken over several looks.
    static constexpr int rowsPerLook = 2000;
    /// Fingerprints remembered, of shown and noted records: what a second look could see again.
    static constexpr int rememberedRecords = 200000;

    void setServer(const ClickHouseEndpoint& endpoint);
    bool hasServer() const { return m_client != nullptr; }
    /// Looks every `intervalMs` from now on; the first look takes only rows from this moment.
    void start(int intervalMs = 1000);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    /// Looks once now (unless a look is under way).
    void lookNow();
    qint64 looks() const { return m_looks; }
    QString lastError() const { return m_lastError; }

    void noteSpans(const QList<SpanRecord>& spans);
    void noteMetrics(const QList<MetricPoint>& points);
    void noteLogs(const QList<LogRecord>& logs);

Q_SIGNALS:
    void spansRead(const QList<SpanRecord>& spans);
    void metricsRead(const QList<MetricPoint>& points);
    void logsRead(const QList<LogRecord>& logs);
    /// After each look, whether it found anything or failed (lastError()).
    void looked();

private:
    void onAnswer();
    void onRead();
    void remember(quint64 fingerprint);
    void dropReplies();
    QString sqlFor(int table) const;

    ClickHouseEndpoint m_endpoint;
    std::unique_ptr<ClickHouseClient> m_client;
    QPointer<ClickHouseReply> m_replies[3];
    QFutureWatcher<TableRows> m_reading;
    QTimer m_timer;
    quint64 m_fromNs[3] = {}; ///< per table: rows at or after this time are asked for
    QSet<quint64> m_seen;
    std::deque<quint64> m_seenOrder; ///< oldest first, to forget beyond rememberedRecords
    qint64 m_looks = 0;
    QString m_lastError;
};
