#pragma once

#include "health/clickhousefigures.h"

#include <QAbstractTableModel>
#include <QList>

/// The telemetry tables as the Health page lists them: rows and bytes on disk (system.parts), the
/// most active parts in one partition (a warning from `warningParts` on, as merges fall behind,
/// and an error from `errorParts`, near where ClickHouse starts refusing inserts), and how old
/// the newest row is (ingest lag). The thresholds are ClickHouse 18.16's defaults.
class TableFiguresModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TableColumn,
        RowsColumn,
        BytesColumn,
        PartsColumn,
        NewestRowColumn,
        ColumnCount,
    };

    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< the number behind a cell (age in seconds for the newest row)
    };

    explicit TableFiguresModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TableFiguresModel)

    /// The tables of `figures`, their ages taken at `figures.takenAt`.
    void setFigures(const ClickHouseFigures& figures);
    const ClickHouseFigures::Table& table(int row) const { return m_tables.at(row); }

    /// "12 s", "4 min", "3 h", "2 days".
    static QString durationText(qint64 seconds);
    /// "12 s ago", "4 min ago", or "… in the future" for a clock ahead of the server's.
    static QString ageText(qint64 seconds);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static constexpr int warningParts = 100;
    static constexpr int errorParts = 250;

private:
    QList<ClickHouseFigures::Table> m_tables;
    QDateTime m_takenAt;
};
