#include "tracesearchmodel.h"

#include "traceformat.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

TraceSearchModel::TraceSearchModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void TraceSearchModel::setTraces(const QList<TraceSummary>& traces)
{
    beginResetModel();
    m_traces = traces;
    endResetModel();
}

int TraceSearchModel::rowOf(const QByteArray& traceId) const
{
    for (int row = 0; row < m_traces.size(); ++row) {
        if (m_traces.at(row).traceId == traceId)
            return row;
    }
    return -1;
}

int TraceSearchModel::newestRow() const
{
    int newest = -1;
    for (int row = 0; row < m_traces.size(); ++row) {
        if (newest < 0 || m_traces.at(row).startNs > m_traces.at(newest).startNs)
            newest = row;
    }
    return newest;
}

int TraceSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_traces.size());
}

int TraceSearchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceSearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceSummary& trace = m_traces.at(index.row());
    if (role == TraceIdRole)
        return trace.traceId;
    if (role == SortRole) {
        switch (index.column()) {
        case StartColumn:
            return trace.startNs;
        case RootColumn:
            return QString(trace.rootService + u' ' + trace.rootName);
        case ServicesColumn:
            return trace.services.join(u", "_s);
        case SpansColumn:
            return trace.spans;
        case ErrorsColumn:
            return trace.errors;
        case DurationColumn:
            return trace.durationNs;
        case TraceIdColumn:
            return QString::fromUtf8(trace.traceId);
        }
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == ErrorsColumn && trace.errors > 0)
        return QBrush(QColor(0xd4, 0x43, 0x3a));
    if (role == Qt::TextAlignmentRole) {
        const bool number =
            index.column() == SpansColumn || index.column() == ErrorsColumn || index.column() == DurationColumn;
        return QVariant::fromValue(
            Qt::Alignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case StartColumn:
        return TraceFormat::time(trace.startNs);
    case RootColumn:
        return trace.rootService.isEmpty() ? trace.rootName : tr("%1: %2").arg(trace.rootService, trace.rootName);
    case ServicesColumn:
        return trace.services.join(u", "_s);
    case SpansColumn:
        return locale.toString(trace.spans);
    case ErrorsColumn:
        return locale.toString(trace.errors);
    case DurationColumn:
        return TraceFormat::duration(trace.durationNs);
    case TraceIdColumn:
        return QString::fromUtf8(trace.traceId);
    }
    return {};
}

QVariant TraceSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return tr("Start");
    case RootColumn:
        return tr("Root span");
    case ServicesColumn:
        return tr("Services");
    case SpansColumn:
        return tr("Spans");
    case ErrorsColumn:
        return tr("Errors");
    case DurationColumn:
        return tr("Duration");
    case TraceIdColumn:
        return tr("Trace id");
    }
    return {};
}
