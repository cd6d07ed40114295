#pragma once

#include "capture/captureindexer.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>
#include <QStringList>

#include <vector>

/// The records of the captures opened on the Replay page, one row each (signal, time, service,
/// name, status, file), filled block by block while a CaptureIndexer reads them, so the first
/// rows show at once. Rows are 24 bytes; their texts are numbers into one string table that
/// holds each distinct text once (log bodies are cut to 200 bytes for it). A filter by signal
/// and a search (in service, name and status) select the rows shown, by one pass over the rows
/// and one test per distinct string. A summary tells records per signal, time span and services.
class CaptureRecordModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SignalColumn,
        TimeColumn,
        ServiceColumn,
        NameColumn,
        StatusColumn,
        FileColumn,
        ColumnCount,
    };

    enum Role
    {
        TimeRole = Qt::UserRole + 1, ///< quint64 unix nanoseconds
        SignalRole, ///< CaptureIndexRow::Signal as an int
    };

    /// Signals shown, as bits.
    enum SignalMask
    {
        Spans = 1,
        Metrics = 2,
        Logs = 4,
        AllSignals = Spans | Metrics | Logs,
    };

    struct Summary
    {
        qint64 records[3] = { 0, 0, 0 }; ///< spans, metric points, logs
        quint64 firstTime = 0; ///< 0 when there is none
        quint64 lastTime = 0;
        QMap<QString, qint64> services; ///< records per service.name (summary() fills it)
        qint64 problems = 0;
        qint64 total() const { return records[0] + records[1] + records[2]; }
    };

    explicit CaptureRecordModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(CaptureRecordModel)

    /// Forgets every row; the files' names are shown in the File column.
    void reset(const QStringList& files);
    void appendBlock(const CaptureIndexBlock& block);

    void setSignalMask(int mask);
    /// Case-insensitive text looked for in service, name and status; empty shows everything.
    void setSearchText(const QString& text);
    int signalMask() const { return m_mask; }
    Summary summary() const;
    /// "1,234 spans, 56 metric points, 7 logs from 3 services, 2026-11-30 10:00:00 to 10:05:12".
    QString summaryText() const;
    QStringList problemTexts() const { return m_problemTexts; }
    /// Lines that could not be read (summary().problems without building the services map).
    qint64 problemCount() const { return m_summary.problems; }
    qint64 recordCount() const { return m_rows.size(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString signalName(CaptureIndexRow::Signal signal);

private:
    bool isFiltered() const { return m_mask != AllSignals || !m_search.isEmpty(); }
    bool accepts(const CaptureIndexRow& row) const;
    /// Recomputes which strings match the search and which rows are shown.
    void refilter();
    const CaptureIndexRow& rowAt(int row) const;

    QStringList m_files;
    QList<CaptureIndexRow> m_rows;
    QStringList m_strings;
    std::vector<char> m_stringMatches; ///< per string: contains the search text
    std::vector<qint64> m_serviceRecords; ///< per string: records whose service it is
    QList<quint32> m_serviceIds; ///< the strings that are a service, in the order first seen
    QList<quint32> m_shown; ///< rows shown when filtered
    int m_mask = AllSignals;
    QString m_search;
    Summary m_summary;
    QStringList m_problemTexts;
};
