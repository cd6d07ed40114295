#include "clickhousefigurestile.h"

#include "failedinsertmodel.h"
#include "health/clickhousefiguresprobe.h"
#include "tablefiguresmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QTableView* figuresView(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

ClickHouseFiguresTile::ClickHouseFiguresTile(QWidget* parent)
    : QGroupBox(tr("ClickHouse figures"), parent)
    , m_load(new QLabel(this))
    , m_tablesModel(new TableFiguresModel(this))
    , m_failedHeading(new QLabel(this))
    , m_failedModel(new FailedInsertModel(this))
{
    auto* layout = new QVBoxLayout(this);
    m_load->setTextFormat(Qt::PlainText);
    m_load->setWordWrap(true);
    m_load->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_load);
    m_tablesView = figuresView(m_tablesModel, tr("Telemetry tables"), this);
    // The schema's six tables without a scroll bar.
    m_tablesView->setFixedHeight(m_tablesView->horizontalHeader()->sizeHint().height()
        + 7 * m_tablesView->verticalHeader()->defaultSectionSize() + 2 * m_tablesView->frameWidth());
    m_tablesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_tablesView);
    m_failedHeading->setTextFormat(Qt::PlainText);
    m_failedHeading->setWordWrap(true);
    layout->addWidget(m_failedHeading);
    m_failedView = figuresView(m_failedModel, tr("Failed inserts"), this);
    m_failedView->setMinimumHeight(110);
    layout->addWidget(m_failedView, 1);
    m_load->setText(tr("Waiting for ClickHouse to answer."));
    m_failedHeading->setText(tr("Failed inserts from other clients: not looked at yet."));
}

ClickHouseFiguresTile::~ClickHouseFiguresTile() = default;

QString ClickHouseFiguresTile::loadText() const
{
    return m_load->text();
}

QString ClickHouseFiguresTile::failedInsertsText() const
{
    return m_failedHeading->text();
}

void ClickHouseFiguresTile::setFigures(const ClickHouseFigures& figures)
{
    const QLocale locale;
    if (!figures.error.isEmpty()) {
        m_load->setText(tr("Cannot read the server's figures: %1").arg(figures.error));
        return; // the tables keep what was known
    }
    const QString rate = figures.insertedRowsPerSecond < 0
        ? tr("insert rate: measured from the next look")
        : tr("%1 rows/s inserted").arg(locale.toString(figures.insertedRowsPerSecond, 'f', 1));
    m_load->setText(tr("%1; queries running: %2").arg(rate, locale.toString(figures.queriesRunning)));
    m_tablesModel->setFigures(figures);
    m_failedModel->setFailedInserts(figures.failedInserts);
    if (!figures.failedInsertsUnavailable.isEmpty())
        m_failedHeading->setText(figures.failedInsertsUnavailable);
    else if (figures.failedInserts.isEmpty())
        m_failedHeading->setText(tr("No insert from another client failed in the last 24 hours."));
    else
        m_failedHeading->setText(tr("Inserts from other clients that failed in the last 24 hours: %1 (newest first)")
                                     .arg(figures.failedInserts.size() >= ClickHouseFiguresProbe::failedInsertsLimit
                                             ? tr("the newest %1").arg(locale.toString(figures.failedInserts.size()))
                                             : locale.toString(figures.failedInserts.size())));
    m_failedView->resizeColumnsToContents();
    m_failedView->setVisible(figures.failedInsertsUnavailable.isEmpty());
}
