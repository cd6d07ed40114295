#include "failedinsertmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

FailedInsertModel::FailedInsertModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void FailedInsertModel::setFailedInserts(const QList<ClickHouseFigures::FailedInsert>& inserts)
{
    beginResetModel();
    m_inserts = inserts;
    endResetModel();
}

int FailedInsertModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_inserts.size());
}

int FailedInsertModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FailedInsertModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClickHouseFigures::FailedInsert& insert = m_inserts.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case TimeColumn:
            return QLocale().toString(insert.time.toLocalTime(), QLocale::ShortFormat);
        case ClientColumn:
            return insert.address.isEmpty() ? insert.client : tr("%1 from %2").arg(insert.client, insert.address);
        case UserColumn:
            return insert.user;
        case StatementColumn:
            return insert.query.simplified();
        case ErrorColumn:
            return insert.error.simplified();
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && (index.column() == StatementColumn || index.column() == ErrorColumn))
        return index.column() == StatementColumn ? insert.query : insert.error;
    return {};
}

QVariant FailedInsertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case ClientColumn:
        return tr("Client");
    case UserColumn:
        return tr("User");
    case StatementColumn:
        return tr("Statement");
    case ErrorColumn:
        return tr("Server's message");
    case ColumnCount:
        break;
    }
    return {};
}
