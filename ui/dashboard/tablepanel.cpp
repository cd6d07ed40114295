#include "tablepanel.h"

#include "dashboardsession.h"
#include "queryresultmodel.h"
#include "resultsortmodel.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

TablePanel::TablePanel(QWidget* parent)
    : PanelContent(parent)
    , m_view(new QTableView(this))
    , m_sorted(new ResultSortModel(this))
{
    m_view->setModel(m_sorted);
    m_view->setAccessibleName(tr("Table"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    themeChanged();
}

void TablePanel::showResults(const DashboardSession& session, int panel)
{
    const QList<const QueryResultModel*> results = session.panelResults(panel);
    // The sorting proxy only reads the model; the session keeps it.
    m_sorted->setResultModel(results.isEmpty() ? nullptr : const_cast<QueryResultModel*>(results.first()));
    m_view->resizeColumnsToContents();
}

void TablePanel::themeChanged()
{
    QPalette palette = m_view->palette();
    palette.setColor(QPalette::Base, theme().panel);
    palette.setColor(QPalette::AlternateBase, theme().dark ? theme().panel.lighter(112) : theme().panel.darker(103));
    palette.setColor(QPalette::Text, theme().text);
    palette.setColor(QPalette::Window, theme().panel);
    palette.setColor(QPalette::WindowText, theme().text);
    palette.setColor(QPalette::Button, theme().panel);
    palette.setColor(QPalette::ButtonText, theme().secondaryText);
    m_view->setPalette(palette);
    m_view->horizontalHeader()->setPalette(palette);
}
