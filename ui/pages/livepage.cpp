#include "livepage.h"

#include "collector/localcollector.h"
#include "pluralcount.h"
#include "widgets/ratechart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

LivePage::LivePage(QWidget* parent)
    : QWidget(parent)
    , m_follow(new QCheckBox(tr("Follo&w"), this))
    , m_otherWriters(new QCheckBox(tr("&Other writers"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
    , m_signal(new QComboBox(this))
    , m_service(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_rateChart(new RateChart(
          { { tr("spans/s"), QColor(0x37, 0x87, 0xd4) }, { tr("metric points/s"), QColor(0x3f, 0xa3, 0x5b) },
              { tr("logs/s"), QColor(0xe0, 0x8a, 0x1e) } },
          tr("Records per second"), this))
{
    m_filter.setSourceModel(&m_records);
    m_view->setModel(&m_filter);
    m_view->setAccessibleName(tr("Live records"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and no per-row sizing: ten updates a second stay cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(LiveRecordModel::TimeColumn, 100);
    m_view->setColumnWidth(LiveRecordModel::SignalColumn, 60);
    m_view->setColumnWidth(LiveRecordModel::ServiceColumn, 150);
    m_view->setColumnWidth(LiveRecordModel::NameColumn, 280);
    m_view->setColumnWidth(LiveRecordModel::LevelColumn, 110);
    m_detail->setReadOnly(true);
    m_detail->setTabChangesFocus(true); // nothing to type: Tab moves on
    m_detail->setAccessibleName(tr("The selected record"));
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a record to see its attributes, resource and scope."));
    m_status->setAccessibleName(tr("Live status"));
    m_rateChart->setMinimumHeight(220);

    // The list on the left; the selected record over the rates on the right.
    auto* side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_detail);
    side->addWidget(m_rateChart);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    // New records come in on top: following, the view shows them; not following, the record at
    // the top of the view stays there (a filter change is not an arrival and moves nothing).
    connect(&m_records, &LiveRecordModel::aboutToPrepend, this, [this] {
        m_anchor =
            m_follow->isChecked() ? QPersistentModelIndex() : QPersistentModelIndex(m_view->indexAt(QPoint(1, 1)));
    });
    connect(&m_records, &LiveRecordModel::prepended, this, &LivePage::keepPlace);
    connect(&m_records, &LiveRecordModel::countsChanged, this, &LivePage::showCounts);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LivePage::showDetail);
    connect(m_pause, &QPushButton::clicked, this, [this] { m_records.setPaused(!m_records.isPaused()); });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_records.clear();
        m_detail->clear();
        m_rateChart->restart();
    });
    m_chartTimer.setInterval(1000);
    connect(&m_chartTimer, &QTimer::timeout, this, [this] {
        m_rateChart->addTotals({ m_records.received(LiveRecordModel::Span), m_records.received(LiveRecordModel::Metric),
            m_records.received(LiveRecordModel::Log) });
        if (m_records.isPaused())
            showCounts(); // the waiting count grows without a model update
    });
    m_chartTimer.start();
    connect(&m_tail, &ClickHouseTail::spansRead, &m_records, &LiveRecordModel::addTableSpans);
    connect(&m_tail, &ClickHouseTail::metricsRead, &m_records, &LiveRecordModel::addTableMetrics);
    connect(&m_tail, &ClickHouseTail::logsRead, &m_records, &LiveRecordModel::addTableLogs);
    connect(&m_tail, &ClickHouseTail::looked, this, &LivePage::showCounts);
    showCounts();
}

void LivePage::setServer(const ClickHouseEndpoint& endpoint)
{
    m_endpoint = endpoint;
    m_endpoint.database = m_database;
    m_tail.setServer(m_endpoint);
    updateTail();
    showCounts();
}

void LivePage::setTelemetryDatabase(const QString& database)
{
    if (database.isEmpty() || database == m_database)
        return;
    m_database = database;
    if (m_tail.hasServer())
        setServer(m_endpoint);
}

void LivePage::updateTail()
{
    // Looking costs the server a scan of the tables' time column: only while someone watches.
    if (m_tail.hasServer() && m_otherWriters->isChecked() && isVisible() && !window()->isMinimized())
        m_tail.start(tailIntervalMs);
    else
        m_tail.stop();
}

void LivePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    window()->installEventFilter(this);
    updateTail();
}

bool LivePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window() && event->type() == QEvent::WindowStateChange)
        updateTail();
    return QWidget::eventFilter(watched, event);
}

void LivePage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateTail();
}

QWidget* LivePage::buildFilters()
{
    auto* bar = new QWidget(this);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest record in view"));
    m_otherWriters->setChecked(true);
    m_otherWriters->setToolTip(tr("Also show the rows other clients write into the telemetry tables (in italics), "
                                  "looking once a second while this page is shown"));
    connect(m_otherWriters, &QCheckBox::toggled, this, &LivePage::updateTail);
    m_pause->setToolTip(tr("Stop the list from moving; records keep arriving and are shown on resume"));
    m_clear->setToolTip(tr("Empty the list and the counts"));
    m_signal->setAccessibleName(tr("Signals shown"));
    m_signal->addItem(tr("All signals"), 0b111);
    m_signal->addItem(tr("Spans"), 1 << LiveRecordModel::Span);
    m_signal->addItem(tr("Metrics"), 1 << LiveRecordModel::Metric);
    m_signal->addItem(tr("Logs"), 1 << LiveRecordModel::Log);
    m_service->setPlaceholderText(tr("Service"));
    m_service->setAccessibleName(tr("Service filter"));
    m_service->setClearButtonEnabled(true);
    m_name->setPlaceholderText(tr("Name"));
    m_name->setAccessibleName(tr("Name filter"));
    m_name->setClearButtonEnabled(true);
    m_severity->setAccessibleName(tr("Lowest log severity"));
    m_severity->addItem(tr("Any severity"), 0);
    m_severity->addItem(tr("Debug and up"), 5);
    m_severity->addItem(tr("Info and up"), 9);
    m_severity->addItem(tr("Warn and up"), 13);
    m_severity->addItem(tr("Error and up"), 17);
    m_severity->addItem(tr("Fatal"), 21);
    m_search->setPlaceholderText(tr("Search service, name, level and trace id"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    connect(m_signal, &QComboBox::currentIndexChanged, this,
        [this] { m_filter.setSignalMask(m_signal->currentData().toInt()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this,
        [this] { m_filter.setMinimumSeverity(m_severity->currentData().toInt()); });
    // Typing filters once it pauses, not at every key: each change reads every row again.
    m_typing.setSingleShot(true);
    m_typing.setInterval(150);
    connect(&m_typing, &QTimer::timeout, this, &LivePage::applyTextFilters);
    for (QLineEdit* edit : { m_service, m_name, m_search })
        connect(edit, &QLineEdit::textChanged, &m_typing, qOverload<>(&QTimer::start));
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToTop();
    });

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_follow);
    layout->addWidget(m_otherWriters);
    layout->addWidget(m_pause);
    layout->addWidget(m_clear);
    layout->addSpacing(12);
    layout->addWidget(m_signal);
    layout->addWidget(m_service, 1);
    layout->addWidget(m_name, 2);
    layout->addWidget(m_severity);
    layout->addWidget(m_search, 2);
    return bar;
}

void LivePage::setCollector(LocalCollector* collector)
{
    if (!collector || m_listening)
        return;
    m_listening = true;
    connect(collector, &LocalCollector::spansReceived, &m_records, &LiveRecordModel::addSpans);
    connect(collector, &LocalCollector::metricsReceived, &m_records, &LiveRecordModel::addMetrics);
    connect(collector, &LocalCollector::logsReceived, &m_records, &LiveRecordModel::addLogs);
    // What the receiver shows is noted, so that its rows are not shown again from the tables.
    connect(collector, &LocalCollector::spansReceived, &m_tail, &ClickHouseTail::noteSpans);
    connect(collector, &LocalCollector::metricsReceived, &m_tail, &ClickHouseTail::noteMetrics);
    connect(collector, &LocalCollector::logsReceived, &m_tail, &ClickHouseTail::noteLogs);
    showCounts();
}

void LivePage::keepPlace()
{
    if (m_follow->isChecked())
        m_view->scrollToTop();
    else if (m_anchor.isValid())
        m_view->scrollTo(m_anchor, QAbstractItemView::PositionAtTop);
    m_anchor = QPersistentModelIndex();
}

void LivePage::showCounts()
{
    const QLocale locale;
    QString text;
    if (!m_listening && !m_tail.hasServer()) {
        text = tr("The live tail needs the workbench's receiver, which runs with the managed ClickHouse.");
    } else {
        if (!m_listening)
            text = tr("Without the workbench's receiver (it runs with the managed ClickHouse), only rows other "
                      "clients write into the tables are shown. ");
        text += tr("%1 shown of %2 kept (the newest %3 at most)")
                    .arg(locale.toString(m_filter.rowCount()), locale.toString(m_records.rowCount()),
                        locale.toString(m_records.capacity()));
        if (m_records.isPaused())
            text += tr(" · paused: %1 waiting").arg(locale.toString(m_records.waitingCount()));
        if (m_records.droppedWhilePaused() > 0)
            text += tr(" · %1 not kept while paused (more than the list holds)")
                        .arg(locale.toString(m_records.droppedWhilePaused()));
        if (m_records.evicted() > 0)
            text += tr(" · %1 older records left the list").arg(locale.toString(m_records.evicted()));
        if (m_records.readFromTables() > 0)
            text += tr(" · %1 read from the tables (other writers)").arg(locale.toString(m_records.readFromTables()));
        if (m_tail.rowsNotShown() > 0)
            text += tr(" · %Ln row(s) of the tables not shown (more than %1 stamped with one second)", nullptr,
                PluralCount::n(m_tail.rowsNotShown()))
                        .arg(locale.toString(ClickHouseTail::rowsPerLook));
        if (!m_tail.lastError().isEmpty())
            text += tr(" · reading the tables: %1").arg(m_tail.lastError());
        if (m_records.notShown() > 0)
            text += tr(" · %1 never shown (more than the list holds came within one update)")
                        .arg(locale.toString(m_records.notShown()));
    }
    m_status->setText(text);
    m_pause->setText(
        m_records.isPaused() ? tr("&Resume (%1)").arg(locale.toString(m_records.waitingCount())) : tr("&Pause"));
}

void LivePage::applyTextFilters()
{
    m_typing.stop();
    m_filter.setService(m_service->text());
    m_filter.setName(m_name->text());
    m_filter.setSearchText(m_search->text());
}

void LivePage::showDetail()
{
    const QModelIndex current = m_filter.mapToSource(m_view->currentIndex());
    m_detail->setPlainText(current.isValid() ? m_records.detailText(current.row()) : QString());
}

QString LivePage::statusText() const
{
    return m_status->text();
}
