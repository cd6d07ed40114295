#pragma once

#include "trace/tracesummary.h"

#include <QAbstractTableModel>
#include <QList>

/// The traces a search found, one row each: start, root span, services, spans, errors, duration
/// and id. SortRole gives each column's value to sort by (numbers as numbers).
class TraceSearchModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StartColumn,
        RootColumn,
        ServicesColumn,
        SpansColumn,
        ErrorsColumn,
        DurationColumn,
        TraceIdColumn,
        ColumnCount,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        TraceIdRole,
    };

    explicit TraceSearchModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TraceSearchModel)

    void setTraces(const QList<TraceSummary>& traces);
    const TraceSummary& trace(int row) const { return m_traces.at(row); }
    /// The row of the trace with this id, or -1.
    int rowOf(const QByteArray& traceId) const;
    /// The row of the trace that started last, or -1 when there is none.
    int newestRow() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TraceSummary> m_traces;
};
