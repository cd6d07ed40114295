#include "tracespage.h"

#include "clickhouse/clickhouseserverinfo.h"
#include "pluralcount.h"
#include "trace/traceexport.h"
#include "trace/tracesearchsql.h"
#include "traces/tracesearchform.h"
#include "traces/traceview.h"
#include "tracesearchmodel.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

TracesPage::TracesPage(QWidget* parent)
    : QWidget(parent)
    , m_form(new TraceSearchForm(this))
    , m_results(new TraceSearchModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_resultsView(new QTableView(this))
    , m_traceView(new TraceView(this))
    , m_status(new QLabel(this))
{
    m_sorted->setSourceModel(m_results);
    m_sorted->setSortRole(TraceSearchModel::SortRole);
    m_resultsView->setModel(m_sorted);
    m_resultsView->setAccessibleName(tr("Traces found"));
    m_resultsView->setSortingEnabled(true);
    m_resultsView->sortByColumn(TraceSearchModel::StartColumn, Qt::DescendingOrder);
    m_resultsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsView->verticalHeader()->hide();
    m_resultsView->horizontalHeader()->setStretchLastSection(true);
    m_resultsView->setWordWrap(false);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_resultsView);
    split->addWidget(m_traceView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_form, &TraceSearchForm::searchRequested, this, &TracesPage::search);
    connect(m_form, &TraceSearchForm::openAsSqlRequested, this,
        [this] { Q_EMIT openInQuery(m_loader.searchSql(m_form->criteria())); });
    connect(&m_loader, &TraceLoader::searchFinished, this, &TracesPage::onSearchFinished);
    connect(&m_loader, &TraceLoader::traceOpened, this, &TracesPage::onTraceOpened);
    connect(&m_loader, &TraceLoader::servicesLoaded, m_form, &TraceSearchForm::setServices);
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            if (current.isValid())
                openTrace(current.data(TraceSearchModel::TraceIdRole).toByteArray());
        });
    connect(m_traceView, &TraceView::exportRequested, this, &TracesPage::askExport);
    m_status->setText(tr("Waiting for ClickHouse."));
}

TracesPage::~TracesPage() = default;

void TracesPage::setTelemetryDatabase(const QString& database)
{
    if (database.isEmpty() || database == m_database)
        return;
    m_database = database;
    if (m_loader.hasServer())
        setServer(m_endpoint, m_info);
}

void TracesPage::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_endpoint = endpoint;
    m_info = info;
    // The endpoint is the server's: its database is the connection's default, not the tables'.
    ClickHouseEndpoint tables = endpoint;
    tables.database = m_database;
    m_loader.setServer(tables,
        info.dialect() == ClickHouseServerInfo::Dialect::Modern ? TraceLoader::Dialect::Modern
                                                                : TraceLoader::Dialect::Legacy);
    m_loader.loadServices();
    m_status->setText(tr("Search the traces of %1.").arg(endpoint.displayString()));
}

QString TracesPage::statusText() const
{
    return m_status->text();
}

void TracesPage::search()
{
    m_status->setText(tr("Searching…"));
    m_loader.search(m_form->criteria());
    m_loader.loadServices();
}

void TracesPage::onSearchFinished(const QList<TraceSummary>& traces, const QString& error, qint64 elapsedMs)
{
    if (!error.isEmpty()) {
        m_status->setText(tr("The search failed: %1").arg(error));
        return;
    }
    m_results->setTraces(traces);
    m_resultsView->resizeColumnsToContents();
    const QLocale locale;
    const int limit = TraceSearchCriteria().limit;
    m_status->setText(traces.size() >= limit
            ? tr("The newest %1 traces that match, in %2 ms; narrow the search to see older ones.")
                  .arg(locale.toString(traces.size()), locale.toString(elapsedMs))
            : tr("%Ln trace(s) found in %1 ms.", nullptr, PluralCount::n(traces.size()))
                  .arg(locale.toString(elapsedMs)));
    // The trace the user picked, while it opens, else the one on the waterfall, stays picked when
    // the new results have it. A pick still opening is left to finish even when they do not; with
    // neither, the newest result opens, whatever the sort. A trace this page opened by itself is
    // not a pick: a narrower search replaces it.
    const bool pickOpening = m_loader.isOpening() && m_loader.openingId() == m_picked;
    int open = m_results->rowOf(pickOpening ? m_picked : m_traceView->trace().traceId);
    if (open < 0 && pickOpening)
        return;
    if (open < 0)
        open = m_results->newestRow();
    if (open < 0)
        return;
    m_selecting = true;
    m_resultsView->setCurrentIndex(m_sorted->mapFromSource(m_results->index(open, 0)));
    m_selecting = false;
}

void TracesPage::openTrace(const QByteArray& traceId)
{
    if (traceId.isEmpty()
        || (traceId == m_traceView->trace().traceId && m_loader.isOpening() == false
            && !m_traceView->trace().tree.isEmpty()))
        return;
    if (!m_selecting)
        m_picked = traceId;
    m_status->setText(tr("Opening trace %1…").arg(QString::fromUtf8(traceId)));
    m_loader.open(traceId);
}

void TracesPage::onTraceOpened(const OpenedTrace& trace)
{
    if (!trace.error.isEmpty()) {
        m_status->setText(tr("Trace %1 could not be opened: %2").arg(QString::fromUtf8(trace.traceId), trace.error));
        return;
    }
    m_traceView->setTrace(trace);
    const QLocale locale;
    QString text =
        tr("Trace %1: %2 and %3 read in %4 ms.")
            .arg(QString::fromUtf8(trace.traceId), tr("%Ln span(s)", nullptr, PluralCount::n(trace.tree.size())),
                tr("%Ln log(s)", nullptr, PluralCount::n(trace.logs.size())), locale.toString(trace.elapsedMs));
    if (trace.spansTruncated)
        text += u' ' + tr("Only its first %1 spans are shown.").arg(locale.toString(TraceSearchSql::spanLimit));
    if (trace.logsTruncated)
        text += u' ' + tr("Only its first %1 logs are listed.").arg(locale.toString(TraceSearchSql::logLimit));
    if (trace.badRows > 0)
        text += u' '
            + tr("%Ln row(s) could not be read (%1).", nullptr, PluralCount::n(trace.badRows)).arg(trace.firstBadRow);
    m_status->setText(text);
}

bool TracesPage::exportTrace(const QString& path, QString* error) const
{
    if (m_traceView->trace().tree.isEmpty()) {
        *error = tr("No trace is open.");
        return false;
    }
    return TraceExport::write(m_traceView->trace(), path, error);
}

void TracesPage::askExport()
{
    const QString suggested = u"trace-%1.jsonl"_s.arg(QString::fromUtf8(m_traceView->trace().traceId));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export trace"), suggested, tr("OTLP JSON Lines (*.jsonl);;Gzipped OTLP JSON Lines (*.jsonl.gz)"));
    if (path.isEmpty())
        return;
    if (m_exporting.contains(path)) {
        // Two writers would interleave their lines in one file.
        QMessageBox::warning(
            this, tr("Export trace"), tr("%1 is still being written; wait for it to finish.").arg(path));
        return;
    }
    m_exporting.insert(path);
    // Encoding 100,000 spans takes a while: a pool thread writes the file.
    m_status->setText(tr("Writing the trace to %1…").arg(path));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_exporting.remove(path);
        const QString error = watcher->result();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export trace"), tr("The trace could not be written: %1").arg(error));
        else
            m_status->setText(tr("Trace written to %1.").arg(path));
    });
    watcher->setFuture(QtConcurrent::run([trace = m_traceView->trace(), path] {
        QString error;
        return TraceExport::write(trace, path, &error) ? QString() : error;
    }));
}
