#pragma once

#include "health/clickhousefigures.h"

#include <QGroupBox>

class FailedInsertModel;
class TableFiguresModel;
class QLabel;
class QTableView;

/// The ClickHouse figures of the Health page: insert rate and queries running, the telemetry
/// tables (rows, bytes on disk, most parts in a partition, age of the newest row) and the
/// inserts of other clients that the server refused, each with the server's message.
class ClickHouseFiguresTile final : public QGroupBox
{
    Q_OBJECT

public:
    explicit ClickHouseFiguresTile(QWidget* parent = nullptr);
    ~ClickHouseFiguresTile() override;
    Q_DISABLE_COPY_MOVE(ClickHouseFiguresTile)

    void setFigures(const ClickHouseFigures& figures);

    QString loadText() const;
    QString failedInsertsText() const;
    TableFiguresModel* tablesModel() const { return m_tablesModel; }
    FailedInsertModel* failedInsertsModel() const { return m_failedModel; }
    QTableView* failedInsertsView() const { return m_failedView; }

private:
    QLabel* m_load;
    TableFiguresModel* m_tablesModel;
    QTableView* m_tablesView;
    QLabel* m_failedHeading;
    FailedInsertModel* m_failedModel;
    QTableView* m_failedView;
};
