#include "querytab.h"

#include "query/grafanamacroexpander.h"
#include "resultsortmodel.h"
#include "sql/sqlstatementkind.h"
#include "widgets/resultchart.h"
#include "widgets/sqleditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using State = QuerySession::State;

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
    m_sorted->setResultModel(m_session.model());
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

    connect(&m_exporter, &QueryExporter::progressed, this,
        [this](qint64 bytes) { showMessage(tr("Exporting… %1 written").arg(QLocale().formattedDataSize(bytes))); });
    connect(&m_exporter, &QueryExporter::finished, this,
        [this](const ClickHouseError& error, qint64 bytes, qint64 elapsedMs) {
            const QString seconds = QLocale().toString(double(elapsedMs) / 1000.0, 'f', 2);
            if (!error.isError())
                showMessage(
                    tr("Exported %1 to %2 in %3 s").arg(QLocale().formattedDataSize(bytes), m_exportPath, seconds));
            else if (error.kind() == ClickHouseError::Kind::Cancelled)
                showMessage(tr("Export cancelled after %1 s: %2 was left as it was").arg(seconds, m_exportPath));
            else
                showMessage(tr("Export failed: %1 (%2 was left as it was)").arg(error.toString(), m_exportPath));
            Q_EMIT busyChanged(false);
        });
    connect(&m_session, &QuerySession::stateChanged, this, &QueryTab::onStateChanged);
    connect(&m_session, &QuerySession::progressed, this, &QueryTab::refreshStatus);
}

QueryTab::~QueryTab() = default;

void QueryTab::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_info = info;
    m_session.setServer(endpoint, info);
    m_exporter.setServer(endpoint, info);
}

bool QueryTab::canExport() const
{
    return !m_currentSent.isEmpty() && m_session.state() != State::Running && m_queue.isEmpty()
        && !m_exporter.isRunning();
}

void QueryTab::exportResult(const QString& path)
{
    if (!canExport()) {
        if (m_currentSent.isEmpty())
            showMessage(tr("Run a statement first: the export runs it again and writes every row."));
        return;
    }
    m_exportPath = QFileInfo(path).absoluteFilePath();
    showMessage(tr("Exporting to %1…").arg(m_exportPath));
    m_exporter.start(m_currentSent, QueryExporter::formatForPath(path), path, requestSettings());
    Q_EMIT busyChanged(true);
}

void QueryTab::run(Scope scope, const Options& options)
{
    if (isBusy())
        return;
    m_options = options;
    m_message.clear();
    m_editor->clearErrorMark();
    const QTextCursor cursor = m_editor->textCursor();
    if (scope == Scope::Statement && cursor.hasSelection())
        scope = Scope::Selection;
    const QString text = m_editor->toPlainText();
    switch (scope) {
    case Scope::All:
        m_queue = SqlStatementSplitter::split(text);
        break;
    case Scope::Selection: {
        const qsizetype start = cursor.selectionStart();
        m_queue = SqlStatementSplitter::split(text.mid(start, cursor.selectionEnd() - start));
        for (SqlStatementSplitter::Statement& statement : m_queue)
            statement.offset += start;
        break;
    }
    case Scope::Statement: {
        const SqlStatementSplitter::Statement statement = SqlStatementSplitter::statementAt(text, cursor.position());
        m_queue = statement.text.isEmpty() ? QList<SqlStatementSplitter::Statement>() : QList { statement };
        break;
    }
    }
    if (m_queue.isEmpty()) {
        showMessage(tr("Nothing to run: write a statement."));
        return;
    }
    Q_EMIT busyChanged(true);
    runNext();
}

void QueryTab::runNext()
{
    m_current = m_queue.takeFirst();
    const GrafanaMacroExpander::Result expanded = GrafanaMacroExpander::expand(m_current.text, m_options.macros);
    if (!expanded.ok()) {
        fail(tr("Macro error: %1").arg(expanded.error), m_current.offset + qMax<qsizetype>(0, expanded.errorOffset));
        return;
    }
    if (!m_options.readOnly && SqlStatementKind::classify(m_current.text) == SqlStatementKind::Kind::Destructive
        && m_options.confirmDestructive && !m_options.confirmDestructive(m_current.text)) {
        fail(tr("Not run: %1 was not confirmed.").arg(SqlStatementKind::firstKeyword(m_current.text)), -1);
        return;
    }
    m_currentSent = expanded.sql;
    m_sent->setPlainText(expanded.sql);
    m_session.run(expanded.sql, requestSettings());
    refreshStatus();
}

ClickHouseClient::Settings QueryTab::requestSettings() const
{
    // 2, not 1: the request's own settings (compression, ...) stay allowed.
    if (m_options.readOnly)
        return { { u"readonly"_s, u"2"_s } };
    return {};
}

void QueryTab::showMessage(const QString& message)
{
    m_message = message;
    refreshStatus();
}

void QueryTab::refreshStatus()
{
    m_status->setText(statusText());
    Q_EMIT statusChanged();
}

void QueryTab::fail(const QString& message, qsizetype editorOffset)
{
    m_queue.clear();
    if (editorOffset >= 0)
        m_editor->markError(editorOffset);
    showMessage(message);
    Q_EMIT statementEnded(m_current.text, message, true);
    Q_EMIT busyChanged(false);
}

void QueryTab::onStateChanged(State state)
{
    refreshStatus();
    // The chart follows the rows once they stop arriving (not on every block: a million rows
    // would be charted a hundred times).
    if (state == State::Finished || state == State::Cancelled || state == State::MoreAvailable
        || state == State::Failed)
        replot();
    switch (state) {
    case State::Finished:
        Q_EMIT statementEnded(m_current.text, statusText(), false);
        if (!m_queue.isEmpty())
            runNext();
        else
            Q_EMIT busyChanged(false);
        break;
    case State::Cancelled:
        m_queue.clear();
        Q_EMIT statementEnded(m_current.text, statusText(), true);
        Q_EMIT busyChanged(false);
        break;
    case State::Failed: {
        m_queue.clear();
        // "Syntax error: failed at position 8": 1-based, in the SQL that was sent. It maps to the
        // editor where the sent text and the statement agree up to there (no macro before it).
        static const QRegularExpression position(u"at position (\\d+)"_s);
        const QRegularExpressionMatch match = position.match(m_session.error().message());
        qsizetype offset = m_current.offset;
        if (match.hasMatch()) {
            const qsizetype inSent = match.captured(1).toLongLong() - 1;
            if (inSent >= 0 && inSent <= m_current.text.size()
                && QStringView(m_currentSent).left(inSent) == QStringView(m_current.text).left(inSent))
                offset += inSent;
        }
        // The server refused this statement: show where. A lost connection is not the SQL's fault.
        if (m_session.error().kind() == ClickHouseError::Kind::Server)
            m_editor->markError(offset);
        if (m_options.readOnly && m_session.error().code() == 164) // READONLY
            showMessage(m_session.statusText() + u' ' + tr("Read-only is on: turn it off to change data."));
        Q_EMIT statementEnded(m_current.text, m_session.error().toString(), true);
        Q_EMIT busyChanged(false);
        break;
    }
    case State::Idle:
    case State::Running:
    case State::MoreAvailable:
        break;
    }
}

QString QueryTab::statusText() const
{
    if (!m_message.isEmpty())
        return m_message;
    if (m_sorted->isSorting())
        return tr("Sorting %1 rows…").arg(QLocale().toString(m_sorted->rowCount())) + u' ' + m_session.statusText();
    return m_session.statusText();
}

QString QueryTab::sentSql() const
{
    return m_currentSent;
}

void QueryTab::cancel()
{
    m_queue.clear();
    m_session.cancel();
    m_exporter.cancel();
}

void QueryTab::loadMore()
{
    m_session.loadMore();
}

void QueryTab::loadAll()
{
    m_session.loadAll();
}

void QueryTab::copySelection()
{
    QModelIndexList indexes;
    const QModelIndexList selected = m_grid->selectionModel()->selectedIndexes();
    for (const QModelIndex& index : selected)
        indexes.append(m_sorted->mapToSource(index));
    if (!indexes.isEmpty())
        QApplication::clipboard()->setText(m_session.model()->copyText(indexes));
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
    const QueryResultModel& model = *m_session.model();
    const int chosen = m_chartKind->currentData().toInt();
    const auto kind = chosen >= 0
        ? ResultChartData::Kind(chosen)
        : ResultChartData::choose(ResultChartData::analyse(model.columns()), model.rowCount());
    const QTimeZone zone = m_info.timezone().isEmpty() ? QTimeZone::utc() : QTimeZone(m_info.timezone().toUtf8());
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
        showMessage(tr("Could not write %1").arg(path));
}
