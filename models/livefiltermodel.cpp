#include "livefiltermodel.h"

#include "liverecordmodel.h"

LiveFilterModel::LiveFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{ }

void LiveFilterModel::changed()
{
    // Qt 6.4 has no begin/endFilterChange; invalidating the filter re-reads every row once.
    invalidateFilter();
}

void LiveFilterModel::setSignalMask(int mask)
{
    if (m_mask == mask)
        return;
    m_mask = mask;
    changed();
}

void LiveFilterModel::setService(const QString& text)
{
    if (m_service == text.trimmed())
        return; // re-reading every row for nothing is what makes typing slow
    m_service = text.trimmed();
    changed();
}

void LiveFilterModel::setName(const QString& text)
{
    if (m_name == text.trimmed())
        return; // re-reading every row for nothing is what makes typing slow
    m_name = text.trimmed();
    changed();
}

void LiveFilterModel::setMinimumSeverity(int severity)
{
    if (m_minimumSeverity == severity)
        return;
    m_minimumSeverity = severity;
    changed();
}

void LiveFilterModel::setSearchText(const QString& text)
{
    if (m_search == text.trimmed().toLower())
        return; // re-reading every row for nothing is what makes typing slow
    m_search = text.trimmed().toLower();
    changed();
}

bool LiveFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    const QModelIndex row = source->index(sourceRow, LiveRecordModel::TimeColumn, sourceParent);
    const int signal = row.data(LiveRecordModel::SignalRole).toInt();
    if (!(m_mask & (1 << signal)))
        return false;
    if (signal == LiveRecordModel::Log && row.data(LiveRecordModel::SeverityRole).toInt() < m_minimumSeverity)
        return false;
    const auto contains = [&](int column, const QString& text) {
        return text.isEmpty()
            || source->index(sourceRow, column, sourceParent).data().toString().contains(text, Qt::CaseInsensitive);
    };
    if (!contains(LiveRecordModel::ServiceColumn, m_service) || !contains(LiveRecordModel::NameColumn, m_name))
        return false;
    return m_search.isEmpty() || row.data(LiveRecordModel::SearchTextRole).toString().contains(m_search);
}
