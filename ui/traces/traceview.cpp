#include "traceview.h"

#include "pluralcount.h"
#include "spandetailsview.h"
#include "traceformat.h"
#include "tracelogmodel.h"
#include "traceminimap.h"
#include "traceoutline.h"
#include "tracewaterfallview.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

TraceView::TraceView(QWidget* parent)
    : QWidget(parent)
    , m_outline(new TraceOutline(this))
    , m_logModel(new TraceLogModel(this))
    , m_title(new QLabel(this))
    , m_find(new QLineEdit(this))
    , m_matchCount(new QLabel(this))
    , m_previous(new QPushButton(tr("Previous"), this))
    , m_next(new QPushButton(tr("Next"), this))
    , m_nextError(new QPushButton(tr("Next error"), this))
    , m_collapse(new QPushButton(tr("Collapse"), this))
    , m_expand(new QPushButton(tr("Expand all"), this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_waterfall(new TraceWaterfallView(m_outline, this))
    , m_minimap(new TraceMinimap(m_outline, m_waterfall, this))
    , m_tabs(new QTabWidget(this))
    , m_details(new SpanDetailsView(this))
    , m_selectedSpanLogs(new QCheckBox(tr("Only the selected span's logs"), this))
    , m_logTable(new QTableView(this))
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_matchCount->setMinimumWidth(
        m_matchCount->fontMetrics().horizontalAdvance(tr("%1 found").arg(QLocale().toString(99999))));
    m_find->setAccessibleName(tr("Find in trace"));
    m_find->setPlaceholderText(tr("Find in trace: name, service, attribute or key=value"));
    m_find->setClearButtonEnabled(true);
    m_previous->setShortcut(QKeySequence(QKeySequence::FindPrevious));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next->setShortcut(QKeySequence(QKeySequence::FindNext));
    m_next->setAccessibleName(tr("Next match"));
    // Ctrl+F reaches the find field from anywhere in the trace, as in a browser.
    auto* find = new QAction(tr("Find in trace"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_find, [this] {
        m_find->setFocus(Qt::ShortcutFocusReason);
        m_find->selectAll();
    });
    addAction(find);
    m_nextError->setToolTip(tr("Select the next span with an error status"));
    m_collapse->setToolTip(tr("Show only the root spans and their children"));
    m_export->setToolTip(tr("Save the trace and its logs as an OTLP JSON Lines capture the Replay page opens"));
    m_logTable->setModel(m_logModel);
    m_logTable->setAccessibleName(tr("Logs of the trace"));
    m_logTable->horizontalHeader()->setStretchLastSection(true);
    m_logTable->verticalHeader()->hide();
    m_logTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logTable->setWordWrap(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_find, 1);
    bar->addWidget(m_matchCount);
    for (QPushButton* button : { m_previous, m_next, m_nextError, m_collapse, m_expand, m_export })
        bar->addWidget(button);

    auto* logsPage = new QWidget(this);
    auto* logsLayout = new QVBoxLayout(logsPage);
    logsLayout->setContentsMargins(0, 0, 0, 0);
    logsLayout->addWidget(m_selectedSpanLogs);
    logsLayout->addWidget(m_logTable);
    m_tabs->setAccessibleName(tr("Span and logs"));
    m_tabs->addTab(m_details, tr("Span"));
    m_tabs->addTab(logsPage, tr("Logs"));

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_waterfall);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_minimap);
    layout->addWidget(split, 1);

    // Each change looks through every span: it runs once the typing pauses (Enter runs it at once).
    m_typing.setSingleShot(true);
    m_typing.setInterval(150);
    connect(m_find, &QLineEdit::textChanged, &m_typing, qOverload<>(&QTimer::start));
    connect(&m_typing, &QTimer::timeout, this, &TraceView::applySearch);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        applySearch();
        selectNextMatch(true);
    });
    connect(m_previous, &QPushButton::clicked, this, [this] { selectNextMatch(false); });
    connect(m_next, &QPushButton::clicked, this, [this] { selectNextMatch(true); });
    connect(m_nextError, &QPushButton::clicked, this, &TraceView::selectNextError);
    connect(m_collapse, &QPushButton::clicked, this, [this] { m_outline->collapseBelow(1); });
    connect(m_expand, &QPushButton::clicked, m_outline, &TraceOutline::expandAll);
    connect(m_export, &QPushButton::clicked, this, &TraceView::exportRequested);
    connect(m_outline, &TraceOutline::matchesChanged, this, &TraceView::updateMatchLabel);
    connect(m_outline, &TraceOutline::selectionChanged, this, &TraceView::onSelectionChanged);
    connect(m_selectedSpanLogs, &QCheckBox::toggled, this, &TraceView::updateLogFilter);
    setTrace({});
}

void TraceView::setTrace(const OpenedTrace& trace)
{
    // The trace shown before may hold 100,000 spans, and freeing them took the window's thread
    // tens of milliseconds: its last reference goes on a pool thread, once the models let go.
    OpenedTrace previous = std::exchange(m_trace, trace);
    const TraceTree& tree = trace.tree;
    m_logModel->setLogs(trace.logs, trace.spanNames);
    m_outline->setTree(tree);
    (void)QtConcurrent::run([previous = std::move(previous)] {});
    m_logTable->resizeColumnsToContents();
    if (tree.isEmpty()) {
        m_title->setText(trace.traceId.isEmpty() ? tr("No trace open")
                                                 : tr("Trace %1 has no spans").arg(QString::fromUtf8(trace.traceId)));
    } else {
        //: The root span's name · its spans · its services · its duration · its logs
        m_title->setText(tr("<b>%1</b> · %2 · %3 · %4 · %5")
                             .arg(QString::fromUtf8(tree.span(tree.roots().first()).record.name).toHtmlEscaped(),
                                 tr("%Ln span(s)", nullptr, PluralCount::n(tree.size())),
                                 tr("%Ln service(s)", nullptr, PluralCount::n(tree.services().size())),
                                 TraceFormat::duration(tree.endNs() - tree.startNs()),
                                 tr("%Ln log(s)", nullptr, PluralCount::n(trace.logs.size()))));
        m_title->setToolTip(tr("Trace id %1").arg(QString::fromUtf8(trace.traceId)));
        m_outline->select(tree.roots().first());
    }
    for (QWidget* control : { static_cast<QWidget*>(m_find), static_cast<QWidget*>(m_nextError),
             static_cast<QWidget*>(m_collapse), static_cast<QWidget*>(m_expand), static_cast<QWidget*>(m_export) })
        control->setEnabled(!tree.isEmpty());
    updateMatchLabel();
}

void TraceView::applySearch()
{
    m_typing.stop();
    m_outline->setSearchText(m_find->text());
}

void TraceView::onSelectionChanged(qsizetype span)
{
    m_details->showSpan(m_outline->tree(), span);
    updateLogFilter();
}

void TraceView::updateLogFilter()
{
    const qsizetype span = m_outline->selected();
    const bool only = m_selectedSpanLogs->isChecked() && span >= 0;
    m_logModel->setSpanFilter(only ? m_outline->tree().span(span).id : QByteArray());
    m_tabs->setTabText(1, tr("Logs (%1)").arg(QLocale().toString(m_logModel->rowCount())));
}

void TraceView::setLogsOfSelectedSpanOnly(bool only)
{
    m_selectedSpanLogs->setChecked(only);
}

void TraceView::showLogs()
{
    m_tabs->setCurrentIndex(1);
}

void TraceView::updateMatchLabel()
{
    const bool searching = !m_outline->searchText().trimmed().isEmpty();
    m_matchCount->setText(searching ? tr("%1 found").arg(QLocale().toString(m_outline->matches().size())) : QString());
    m_previous->setEnabled(!m_outline->matches().isEmpty());
    m_next->setEnabled(!m_outline->matches().isEmpty());
}

void TraceView::selectNextMatch(bool forward)
{
    const qsizetype span = m_outline->nextMatch(forward);
    if (span >= 0)
        m_outline->select(span);
}

void TraceView::selectNextError()
{
    const qsizetype span = m_outline->nextError();
    if (span >= 0)
        m_outline->select(span);
}
