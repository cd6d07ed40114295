#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <array>
#include <deque>
#include <variant>

/// The Live page's tail of what the receiver takes: the newest `capacity` records (a ring: the
/// oldest go when it is full, and the count of those is kept), newest first. Records arrive in
/// batches from the receiver's live stream and are shown in one model update per 100 ms, so ten
/// thousand records a second cost ten updates. Paused, records keep arriving into a waiting list
/// (at most `capacity`; beyond that the oldest waiting are dropped and counted) and are shown on
/// resume.
class LiveRecordModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SignalColumn,
        ServiceColumn,
        NameColumn,
        LevelColumn, ///< a span's status, a metric's type, a log's severity
        TraceColumn,
        ColumnCount,
    };
    enum Role
    {
        SignalRole = Qt::UserRole + 1, ///< Signal as int
        SeverityRole, ///< a log's severity number; 0 for spans and metrics
        SearchTextRole, ///< service, name, level and trace of the row, lower case, for the free-text filter
        SourceRole, ///< Source as int
    };
    /// Where a record came from: the workbench's receiver, or a row another client wrote into
    /// the telemetry tables (ClickHouseTail).
    enum class Source
    {
        Receiver,
        Table,
    };
    enum Signal
    {
        Span,
        Metric,
        Log,
        SignalCount,
    };

    explicit LiveRecordModel(int capacity = defaultCapacity, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(LiveRecordModel)

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Records the receiver took.
    void addSpans(const QList<SpanRecord>& spans) { addSpansFrom(spans, Source::Receiver); }
    void addMetrics(const QList<MetricPoint>& points) { addMetricsFrom(points, Source::Receiver); }
    void addLogs(const QList<LogRecord>& logs) { addLogsFrom(logs, Source::Receiver); }
    /// Records read from rows other clients wrote into the tables.
    void addTableSpans(const QList<SpanRecord>& spans) { addSpansFrom(spans, Source::Table); }
    void addTableMetrics(const QList<MetricPoint>& points) { addMetricsFrom(points, Source::Table); }
    void addTableLogs(const QList<LogRecord>& logs) { addLogsFrom(logs, Source::Table); }
    /// Shows what arrived since the last update now (the 100 ms timer calls it).
    void flush();

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// Records waiting to be shown (paused, or until the next update).
    qint64 waitingCount() const { return qint64(m_waiting.size()); }
    /// Records that never reached the list: more than `capacity` arrived while paused.
    qint64 droppedWhilePaused() const { return m_droppedWhilePaused; }
    /// Records that left the list because newer ones filled it.
    qint64 evicted() const { return m_evicted; }
    /// Records never shown: more than `capacity` arrived within one update, and only the newest fit.
    qint64 notShown() const { return m_notShown; }
    /// Records read from the tables (other writers) since the start (or clear()).
    qint64 readFromTables() const { return m_fromTables; }
    /// Everything received per signal since the start (or clear()), shown or not: for the rate chart.
    qint64 received(Signal signal) const { return m_received.at(signal); }
    int capacity() const { return m_capacity; }
    void clear();

    /// Every attribute, the resource and the scope of a row's record, as OTLP JSON laid out.
    QString detailText(int row) const;

    static constexpr int defaultCapacity = 20000;
    static constexpr int updateIntervalMs = 100;

Q_SIGNALS:
    /// Before an update puts `count` new rows on top (and may take as many from the bottom):
    /// a view that keeps its place notes what it shows now.
    void aboutToPrepend(int count);
    /// After that update.
    void prepended(int count);
    /// After each update that added rows or changed the counts.
    void countsChanged();

private:
    struct Entry
    {
        std::variant<SpanRecord, MetricPoint, LogRecord> record;
        quint64 time = 0;
        Signal signal = Span;
        QString service;
        QString name;
        QString level;
        qint32 severity = 0;
        QString trace;
        QString searchText; ///< service, name, level and trace, lower case, for the free-text filter
        Source source = Source::Receiver;
    };

    void addSpansFrom(const QList<SpanRecord>& spans, Source source);
    void addMetricsFrom(const QList<MetricPoint>& points, Source source);
    void addLogsFrom(const QList<LogRecord>& logs, Source source);
    void arrive(Entry entry, Source source);
    /// A log's severity number, from its text when the number is missing (0) and the text names one.
    static qint32 severityOf(const LogRecord& log);
    static QString timeText(quint64 unixNano);

    int m_capacity;
    std::deque<Entry> m_rows; ///< newest first
    std::deque<Entry> m_waiting; ///< oldest first
    bool m_paused = false;
    qint64 m_droppedWhilePaused = 0;
    qint64 m_evicted = 0;
    qint64 m_notShown = 0;
    qint64 m_fromTables = 0;
    std::array<qint64, SignalCount> m_received {};
    QTimer m_updates;
};
