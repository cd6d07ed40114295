#pragma once

#include "trace/tracespan.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

/// The logs of an opened trace, by time: all of them, or only those of one span. The span column
/// names the span each log belongs to (logs whose span the trace does not have say so).
class TraceLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SeverityColumn,
        ServiceColumn,
        SpanColumn,
        BodyColumn,
        ColumnCount,
    };

    explicit TraceLogModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TraceLogModel)

    /// `spanNames` maps stored span ids to span names.
    void setLogs(const QList<TraceLog>& logs, const QHash<QByteArray, QString>& spanNames);
    /// Only the logs of this span (empty: every log of the trace).
    void setSpanFilter(const QByteArray& spanId);
    QByteArray spanFilter() const { return m_spanFilter; }
    qsizetype totalCount() const { return m_logs.size(); }
    const TraceLog& log(int row) const { return m_logs.at(m_rows.at(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    QList<TraceLog> m_logs;
    QHash<QByteArray, QString> m_spanNames;
    QByteArray m_spanFilter;
    QList<qsizetype> m_rows;
};
