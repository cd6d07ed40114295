#include "tracelogmodel.h"

#include "traceformat.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

TraceLogModel::TraceLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void TraceLogModel::setLogs(const QList<TraceLog>& logs, const QHash<QByteArray, QString>& spanNames)
{
    m_logs = logs;
    m_spanNames = spanNames;
    m_spanFilter.clear();
    rebuild();
}

void TraceLogModel::setSpanFilter(const QByteArray& spanId)
{
    if (spanId == m_spanFilter)
        return;
    m_spanFilter = spanId;
    rebuild();
}

void TraceLogModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    for (qsizetype i = 0; i < m_logs.size(); ++i) {
        if (m_spanFilter.isEmpty() || m_logs.at(i).spanId == m_spanFilter)
            m_rows.append(i);
    }
    endResetModel();
}

int TraceLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TraceLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceLog& log = m_logs.at(m_rows.at(index.row()));
    // OTLP severity numbers: 17 and up are ERROR and FATAL, 13 to 16 WARN.
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn) {
        if (log.record.severityNumber >= 17)
            return QBrush(QColor(0xd4, 0x43, 0x3a));
        if (log.record.severityNumber >= 13)
            return QBrush(QColor(0xc9, 0x8a, 0x12));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return TraceFormat::time(log.record.timeUnixNano);
    case SeverityColumn:
        return QString::fromUtf8(log.record.severityText);
    case ServiceColumn:
        return QString::fromUtf8(serviceNameOf(log.record.resource));
    case SpanColumn:
        if (log.spanId.isEmpty())
            return tr("(the trace)");
        return m_spanNames.value(log.spanId, tr("(span %1, not in the trace)").arg(QString::fromUtf8(log.spanId)));
    case BodyColumn:
        return QString::fromUtf8(log.record.body.toDisplayUtf8());
    }
    return {};
}

QVariant TraceLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case ServiceColumn:
        return tr("Service");
    case SpanColumn:
        return tr("Span");
    case BodyColumn:
        return tr("Body");
    }
    return {};
}
