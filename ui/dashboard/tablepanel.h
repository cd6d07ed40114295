#pragma once

#include "panelcontent.h"

class QTableView;
class ResultSortModel;

/// Grafana's table panel: the first query's rows in a sortable grid, in the page's theme.
class TablePanel final : public PanelContent
{
    Q_OBJECT

public:
    explicit TablePanel(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TablePanel)

    void showResults(const DashboardSession& session, int panel) override;
    QTableView* view() const { return m_view; }

protected:
    void themeChanged() override;

private:
    QTableView* m_view;
    ResultSortModel* m_sorted;
};
