#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "tablerows.h"
#include "tailseconds.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class ClickHouseClient;
class ClickHouseReply;

/// Follows the telemetry tables for the Live page: rows an application wrote with the SDKs'
/// direct backend, or any other client. Once a second (while started) it asks `traces`,
/// `metrics` and `logs` how many rows each second of the last `watchedSeconds` holds, reads the
/// seconds whose count changed, on a pool thread, and hands over the records not shown yet
/// (TailSeconds). So a row stamped with an earlier time than rows already shown (a long span, a
/// batch exported late) is still found, as long as its second is watched. What the workbench's
/// receiver took is noted as it streams in (note*), so its rows are not shown a second time when
/// they reach the tables. Rows stamped before start() are not shown.
class ClickHouseTail final : public QObject
{
    Q_OBJECT

public:
    explicit ClickHouseTail(QObject* parent = nullptr);
    ~ClickHouseTail() override;
    Q_DISABLE_COPY_MOVE(ClickHouseTail)

    /// Rows read per table and look: a burst larger than this is taken over several looks; a
    /// single second holding more shows this many of its rows, and the rest are counted as not shown.
    static constexpr int rowsPerLook = 20000;
    /// How far back a late row is looked for.
    static constexpr int watchedSeconds = 300;
    /// How far ahead of this clock a row's time may be and still be watched: a writer with a wrong
    /// clock must not fill the memory with seconds no one reaches.
    static constexpr int aheadSeconds = 60;
    /// Fingerprints remembered per table: beyond them the oldest seconds stop being watched.
    static constexpr int rememberedRecords = 200000;

    void setServer(const ClickHouseEndpoint& endpoint);
    bool hasServer() const { return m_client != nullptr; }
    /// Looks every `intervalMs` from now on, for rows stamped from the next second on (the
    /// receiver's records of this second were not noted while the tail was stopped).
    void start(int intervalMs = 1000);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    /// Looks once now (unless a look is under way).
    void lookNow();
    qint64 looks() const { return m_looks; }
    /// What went wrong in the last look, per table; empty when nothing did.
    QString lastError() const { return m_lastError; }
    /// Rows never shown because a single second held more than rowsPerLook of them.
    qint64 rowsNotShown() const;

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
    enum class Phase
    {
        Idle,
        Counting,
        Reading,
        Parsing
    };
    static constexpr int tableCount = 3;

    bool allAnswered() const;
    void onCounted();
    void onRowsAnswered();
    void onParsed();
    void finishLook();
    /// Forgets everything seen and drops a look under way: the tail begins again from now.
    void restart();
    void dropReplies();
    QString tableName(int table) const;
    QString countSql(int table) const;
    QString readSql(int table) const;
    void failTable(int table, const QString& error);
    template<typename Record>
    /// `lastWatched`: the newest second the count looks at, taken once per batch.
    void noteRecord(int table, quint32 second, quint32 lastWatched, const Record& record);

    ClickHouseEndpoint m_endpoint;
    std::unique_ptr<ClickHouseClient> m_client;
    Phase m_phase = Phase::Idle;
    QPointer<ClickHouseReply> m_replies[tableCount];
    QFutureWatcher<TableRows> m_parsing;
    quint64 m_generation = 0; ///< a new server makes a look under way moot
    quint64 m_parsingGeneration = 0;
    QTimer m_timer;
    quint32 m_startSecond = 0;
    TailSeconds m_seconds[tableCount];
    QList<TailSeconds::Count> m_reading[tableCount]; ///< the seconds this look reads, with their counts
    QStringList m_errors;
    qint64 m_looks = 0;
    QString m_lastError;
};
