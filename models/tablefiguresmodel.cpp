#include "tablefiguresmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

TableFiguresModel::TableFiguresModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void TableFiguresModel::setFigures(const ClickHouseFigures& figures)
{
    // A handful of tables, looked at every few seconds: replacing them whole keeps it simple.
    beginResetModel();
    m_tables = figures.tables;
    m_takenAt = figures.takenAt;
    endResetModel();
}

QString TableFiguresModel::durationText(qint64 seconds)
{
    const auto count = [](qint64 value) { return int(qMin<qint64>(value, 1'000'000'000)); };
    if (seconds < 120)
        return tr("%n s", nullptr, count(seconds));
    if (seconds < 2 * 3600)
        return tr("%n min", nullptr, count(seconds / 60));
    if (seconds < 2 * 86400)
        return tr("%n h", nullptr, count(seconds / 3600));
    return tr("%n days", nullptr, count(seconds / 86400));
}

QString TableFiguresModel::ageText(qint64 seconds)
{
    return seconds < 0 ? tr("%1 in the future").arg(durationText(-seconds)) : tr("%1 ago").arg(durationText(seconds));
}

int TableFiguresModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TableFiguresModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableFiguresModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClickHouseFigures::Table& table = m_tables.at(index.row());
    const qint64 age = table.newestRow.isValid() && m_takenAt.isValid() ? table.newestRow.secsTo(m_takenAt) : 0;
    if (role == SortRole) {
        switch (Column(index.column())) {
        case TableColumn:
            return table.name;
        case RowsColumn:
            return table.rows;
        case BytesColumn:
            return table.bytesOnDisk;
        case PartsColumn:
            return table.mostPartsInAPartition;
        case NewestRowColumn:
            return table.newestRow.isValid() ? QVariant(age) : QVariant();
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (Column(index.column())) {
        case TableColumn:
            return table.name;
        case RowsColumn:
            return locale.toString(table.rows);
        case BytesColumn:
            return locale.formattedDataSize(table.bytesOnDisk);
        case PartsColumn:
            return locale.toString(table.mostPartsInAPartition);
        case NewestRowColumn:
            return table.newestRow.isValid() ? ageText(age) : u"—"_s;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == NewestRowColumn && table.newestRow.isValid())
        return QLocale().toString(table.newestRow.toLocalTime(), QLocale::LongFormat);
    if (role == Qt::ToolTipRole && index.column() == PartsColumn)
        return tr("Active parts in the partition that has the most. By default ClickHouse 18.16 slows inserts "
                  "down at 150 and refuses them at 300 (parts_to_delay_insert, parts_to_throw_insert; newer "
                  "servers allow more).");
    if (role == Qt::ForegroundRole && index.column() == PartsColumn && table.mostPartsInAPartition >= warningParts)
        return QBrush(table.mostPartsInAPartition >= errorParts ? QColor(0xc6, 0x28, 0x28) : QColor(0xb2, 0x6a, 0x00));
    if (role == Qt::TextAlignmentRole && index.column() != TableColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TableFiguresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TableColumn:
        return tr("Table");
    case RowsColumn:
        return tr("Rows");
    case BytesColumn:
        return tr("On disk");
    case PartsColumn:
        return tr("Most parts");
    case NewestRowColumn:
        return tr("Newest row");
    case ColumnCount:
        break;
    }
    return {};
}
