#include "querytab.h"

#include "pluralcount.h"
#include "resultsortmodel.h"
#include "widgets/resultchart.h"
#include "widgets/sqleditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QueryTab::QueryTab(QWidget* parent)
    : QWidget(parent)
    , m_editor(new SqlEditor(this))
    , m_resultTabs(new QTabWidget(this))
    , m_grid(new QTableView(this))
    , m_sorted(new ResultSortModel(this))
    , m_sent(new QPlainTextEdit(this))
    , m_chart(new ResultChart(this))
    , m_chartKind(new QComboBox(this))
    , m_chartPage(new QWidget(this))
    , m_status(new QLabel(this))
{
    m_sorted->setResultModel(m_controller.session()->model());
    connect(m_sorted, &ResultSortModel::sortingChanged, this, &QueryTab::refreshStatus);
    m_grid->setModel(m_sorted);
    m_grid->setSortingEnabled(true);
    m_grid->sortByColumn(-1, Qt::AscendingOrder); // arrival order until a header is clicked
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);
    m_grid->horizontalHeader()->setDefaultSectionSize(140);
    m_grid->setAccessibleName(tr("Result"));
    auto* copy = new QAction(tr("Copy"), m_grid);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &QueryTab::copySelection);
    m_grid->addAction(copy);
    m_grid->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_resultTabs->setAccessibleName(tr("Result views"));
    m_sent->setReadOnly(true);
    m_sent->setFont(m_editor->font());
    m_sent->setAccessibleName(tr("SQL sent"));
    m_chartKind->addItem(tr("Automatic"), -1);
    for (const auto kind : { ResultChartData::Kind::TimeSeries, ResultChartData::Kind::Bar, ResultChartData::Kind::Pie,
             ResultChartData::Kind::Stat, ResultChartData::Kind::Table })
        m_chartKind->addItem(ResultChartData::kindName(kind), int(kind));
    m_chartKind->setAccessibleName(tr("Chart type"));
    connect(m_chartKind, &QComboBox::currentIndexChanged, this, &QueryTab::replot);
    auto* savePng = new QPushButton(tr("Save PNG…"), m_chartPage);
    connect(savePng, &QPushButton::clicked, this, &QueryTab::saveChartAs);
    auto* chartBar = new QHBoxLayout;
    chartBar->addWidget(m_chartKind);
    chartBar->addStretch(1);
    chartBar->addWidget(savePng);
    auto* chartLayout = new QVBoxLayout(m_chartPage);
    chartLayout->setContentsMargins(4, 4, 4, 4);
    chartLayout->addLayout(chartBar);
    chartLayout->addWidget(m_chart, 1);
    m_resultTabs->addTab(m_grid, tr("Table"));
    m_resultTabs->addTab(m_chartPage, tr("Chart"));
    m_resultTabs->addTab(m_sent, tr("SQL sent"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto* results = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_resultTabs, 1);
    resultsLayout->addWidget(m_status);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(&m_controller, &QueryController::statementSent, m_sent, &QPlainTextEdit::setPlainText);
    connect(&m_controller, &QueryController::errorAt, m_editor, &SqlEditor::markError);
    connect(&m_controller, &QueryController::statementEnded, this, &QueryTab::statementEnded);
    connect(&m_controller, &QueryController::busyChanged, this, &QueryTab::busyChanged);
    connect(&m_controller, &QueryController::statusChanged, this, &QueryTab::refreshStatus);
    connect(&m_controller, &QueryController::resultSettled, this, &QueryTab::replot);
}

QueryTab::~QueryTab() = default;

void QueryTab::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_controller.setServer(endpoint, info);
}

void QueryTab::run(Scope scope, const Options& options)
{
    if (isBusy())
        return;
    m_editor->clearErrorMark();
    const QTextCursor cursor = m_editor->textCursor();
    if (scope == Scope::Statement && cursor.hasSelection())
        scope = Scope::Selection;
    const QString text = m_editor->toPlainText();
    QList<QueryController::Statement> statements;
    switch (scope) {
    case Scope::All:
        statements = SqlStatementSplitter::split(text);
        break;
    case Scope::Selection: {
        const qsizetype start = cursor.selectionStart();
        statements = SqlStatementSplitter::split(text.mid(start, cursor.selectionEnd() - start));
        for (QueryController::Statement& statement : statements)
            statement.offset += start;
        break;
    }
    case Scope::Statement: {
        const QueryController::Statement statement = SqlStatementSplitter::statementAt(text, cursor.position());
        if (!statement.text.isEmpty())
            statements.append(statement);
        break;
    }
    }
    m_controller.run(statements, options);
}

void QueryTab::refreshStatus()
{
    m_status->setText(statusText());
    Q_EMIT statusChanged();
}

QString QueryTab::statusText() const
{
    if (m_sorted->isSorting())
        return tr("Sorting %Ln row(s)…", nullptr, m_sorted->rowCount()) + u' ' + m_controller.statusText();
    return m_controller.statusText();
}

void QueryTab::cancel()
{
    m_controller.cancel();
}

void QueryTab::copySelection()
{
    QModelIndexList indexes;
    const QModelIndexList selected = m_grid->selectionModel()->selectedIndexes();
    for (const QModelIndex& index : selected)
        indexes.append(m_sorted->mapToSource(index));
    if (!indexes.isEmpty())
        QApplication::clipboard()->setText(m_controller.session()->model()->copyText(indexes));
}

void QueryTab::setChartKind(int kind)
{
    m_chartKind->setCurrentIndex(m_chartKind->findData(kind));
}

void QueryTab::showChartTab()
{
    m_resultTabs->setCurrentWidget(m_chartPage);
}

void QueryTab::replot()
{
    const QueryResultModel& model = *m_controller.session()->model();
    const int chosen = m_chartKind->currentData().toInt();
    const auto kind = chosen >= 0
        ? ResultChartData::Kind(chosen)
        : ResultChartData::choose(ResultChartData::analyse(model.columns()), model.rowCount());
    const QString zoneName = m_controller.serverInfo().timezone();
    const QTimeZone zone = zoneName.isEmpty() ? QTimeZone::utc() : QTimeZone(zoneName.toUtf8());
    m_chart->plot(model, kind, zone);
}

bool QueryTab::saveChart(const QString& path)
{
    return m_chart->savePng(path);
}

void QueryTab::saveChartAs()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the chart"), u"chart.png"_s, tr("PNG images (*.png)"));
    if (!path.isEmpty() && !saveChart(path))
        m_controller.showMessage(tr("Could not write %1").arg(path));
}
