#pragma once

#include "health/clickhousefigures.h"

#include <QAbstractTableModel>
#include <QList>

/// The INSERTs other clients sent that the server refused (system.query_log), newest first, with
/// the server's message: what an SDK that drops failed batches silently never tells its user.
class FailedInsertModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        ClientColumn,
        UserColumn,
        StatementColumn,
        ErrorColumn,
        ColumnCount,
    };

    explicit FailedInsertModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(FailedInsertModel)

    void setFailedInserts(const QList<ClickHouseFigures::FailedInsert>& inserts);
    const ClickHouseFigures::FailedInsert& failedInsert(int row) const { return m_inserts.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ClickHouseFigures::FailedInsert> m_inserts;
};
