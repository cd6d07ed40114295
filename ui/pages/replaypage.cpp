#include "replaypage.h"

#include "capture/replayreportjson.h"
#include "pluralcount.h"
#include "replaystatustext.h"
#include "widgets/destinationform.h"
#include "widgets/ratechart.h"
#include "widgets/recordbar.h"
#include "widgets/replaycontrols.h"
#include "widgets/verificationview.h"

#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int progressSteps = 1000;
} // namespace

ReplayPage::ReplayPage(const QString& spoolFolder, QWidget* parent)
    : QWidget(parent)
    , m_spoolFolder(spoolFolder)
    , m_indexer(std::make_unique<WorkerThread<CaptureIndexer>>(
          u"capture-index"_s, new CaptureIndexer(), &CaptureIndexer::shutdown))
    , m_runner(std::make_unique<WorkerThread<ReplayRunner>>(u"replay"_s, new ReplayRunner(), &ReplayRunner::shutdown))
{
    setAcceptDrops(true);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildRecords());
    splitter->addWidget(buildReplay());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_indexer->worker(), &CaptureIndexer::indexed, this, &ReplayPage::blockIndexed);
    connect(m_indexer->worker(), &CaptureIndexer::finished, this, &ReplayPage::indexFinished);
    connect(m_runner->worker(), &ReplayRunner::progressed, this, &ReplayPage::showProgress);
    connect(m_runner->worker(), &ReplayRunner::verifying, this, [this] {
        m_verifying = true;
        updateButtons();
        showStatus(tr("Sent; looking for every record in ClickHouse…"));
    });
    connect(m_runner->worker(), &ReplayRunner::finished, this, &ReplayPage::finished);
    setReplaying(false);
}

ReplayPage::~ReplayPage()
{
    // A recording under way is closed without opening it here; a long read stops at its next
    // block (an atomic), so the indexer's thread ends at once.
    disconnect(m_recordBar, nullptr, this, nullptr);
    m_recordBar->stop();
    m_indexer->worker()->cancel();
}

QWidget* ReplayPage::buildRecords()
{
    auto* panel = new QWidget(this);
    auto* open = new QPushButton(tr("Open captures…"), panel);
    open->setToolTip(tr("OpenTelemetry file format (JSON Lines or proto, gzip or zstd) or ClickHouse JSONEachRow "
                        "exports; or drop files on the page"));
    m_filesLabel = new QLabel(tr("No capture open: open one or drop files here."), panel);
    m_filesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signalFilter = new QComboBox(panel);
    m_signalFilter->setAccessibleName(tr("Show signal"));
    m_signalFilter->addItem(tr("All signals"), int(CaptureRecordModel::AllSignals));
    m_signalFilter->addItem(tr("Spans"), int(CaptureRecordModel::Spans));
    m_signalFilter->addItem(tr("Metrics"), int(CaptureRecordModel::Metrics));
    m_signalFilter->addItem(tr("Logs"), int(CaptureRecordModel::Logs));
    m_search = new QLineEdit(panel);
    m_search->setAccessibleName(tr("Search records"));
    m_search->setPlaceholderText(tr("Search service, name, status"));
    m_search->setClearButtonEnabled(true);
    m_recordView = new QTableView(panel);
    m_recordView->setModel(&m_records);
    m_recordView->setAccessibleName(tr("Capture records"));
    m_recordView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recordView->verticalHeader()->hide();
    // Fixed row heights and no per-row sizing: a million rows scroll without measuring each.
    m_recordView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_recordView->verticalHeader()->setDefaultSectionSize(m_recordView->fontMetrics().height() + 6);
    m_recordView->horizontalHeader()->setStretchLastSection(true);
    m_recordView->setColumnWidth(CaptureRecordModel::SignalColumn, 70);
    m_recordView->setColumnWidth(CaptureRecordModel::TimeColumn, 190);
    m_recordView->setColumnWidth(CaptureRecordModel::ServiceColumn, 140);
    m_recordView->setColumnWidth(CaptureRecordModel::NameColumn, 220);
    m_recordBar = new RecordBar(panel);
    m_summary = new QLabel(panel);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(m_filesLabel, 1);
    auto* filter = new QHBoxLayout;
    filter->addWidget(m_signalFilter);
    filter->addWidget(m_search, 1);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(filter);
    layout->addWidget(m_recordView, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_recordBar);

    connect(open, &QPushButton::clicked, this, &ReplayPage::chooseFiles);
    // A finished recording is opened at once, ready to replay.
    connect(m_recordBar, &RecordBar::recordingStopped, this, [this](const QString& path, bool ok) {
        if (ok)
            openFiles({ path });
    });
    connect(m_signalFilter, &QComboBox::currentIndexChanged, this,
        [this] { m_records.setSignalMask(m_signalFilter->currentData().toInt()); });
    connect(m_search, &QLineEdit::textChanged, &m_records, &CaptureRecordModel::setSearchText);
    return panel;
}

QWidget* ReplayPage::buildReplay()
{
    auto* panel = new QWidget(this);
    m_controls = new ReplayControls(panel);
    m_destination = new DestinationForm(panel);
    auto* form = new QWidget(panel);
    auto* formLayout = new QVBoxLayout(form);
    formLayout->addWidget(m_controls);
    formLayout->addWidget(m_destination);
    formLayout->addStretch(1);
    auto* scroll = new QScrollArea(panel);
    scroll->setAccessibleName(tr("Replay options"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The controls scroll up and down, never sideways: the splitter keeps them whole.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(form->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());

    m_start = new QPushButton(tr("Replay"), panel);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_start->setToolTip(tr("Replay the open captures (Ctrl+Enter)"));
    m_pause = new QPushButton(tr("Pause"), panel);
    m_cancel = new QPushButton(tr("Cancel"), panel);
    m_progress = new QProgressBar(panel);
    m_progress->setAccessibleName(tr("Replay progress"));
    m_progress->setRange(0, progressSteps);
    m_status = new QLabel(panel);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rateChart = new RateChart(panel);
    m_rateChart->setMinimumHeight(170);
    m_rateChart->setMaximumHeight(220);
    m_verification = new VerificationView(panel);
    m_saveReport = new QPushButton(tr("Save report…"), panel);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    // The chart and the verification side by side: the options above keep most of the height.
    auto* verification = new QVBoxLayout;
    verification->addWidget(m_verification, 1);
    verification->addWidget(m_saveReport, 0, Qt::AlignRight);
    auto* results = new QHBoxLayout;
    results->addWidget(m_rateChart, 1);
    results->addLayout(verification, 1);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addLayout(results);

    connect(m_start, &QPushButton::clicked, this, &ReplayPage::start);
    connect(m_pause, &QPushButton::clicked, this, &ReplayPage::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, &ReplayPage::cancel);
    connect(m_saveReport, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the replay report"), u"replay-report.json"_s, tr("JSON (*.json)"));
        if (!path.isEmpty())
            saveReport(path);
    });
    return panel;
}

void ReplayPage::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_destination->setServer(endpoint, info);
}

void ReplayPage::setTelemetryDatabase(const QString& database)
{
    m_destination->setTelemetryDatabase(database);
}

void ReplayPage::setReceiverUrl(const QUrl& url)
{
    m_destination->setReceiverUrl(url);
}

void ReplayPage::setCollector(LocalCollector* collector)
{
    m_recordBar->setCollector(collector);
}

void ReplayPage::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open captures"), QString(),
        tr("Captures (*.jsonl *.json *.jsonl.gz *.json.gz *.zst *.pb *.proto *.bin);;All files (*)"));
    if (!files.isEmpty())
        openFiles(files);
}

void ReplayPage::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ReplayPage::dropEvent(QDropEvent* event)
{
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files.append(url.toLocalFile());
    }
    if (!files.isEmpty()) {
        event->acceptProposedAction();
        openFiles(files);
    }
}

void ReplayPage::openFiles(const QStringList& files)
{
    m_files = files;
    m_records.reset(files);
    m_indexing = true;
    const quint64 generation = ++m_generation;
    // The read under way (or queued) stops: only this generation is wanted; late blocks are stale.
    m_indexer->worker()->want(generation);
    QStringList names;
    for (const QString& file : files)
        names.append(QFileInfo(file).fileName());
    m_filesLabel->setText(names.join(u", "_s));
    m_filesLabel->setToolTip(files.join(u'\n'));
    m_summary->setText(tr("Reading…"));
    m_indexer->post([files, generation](CaptureIndexer* indexer) { indexer->index(files, generation); });
    updateButtons(); // a replay under way goes on: it has its own copy of the files
}

void ReplayPage::blockIndexed(const CaptureIndexBlock& block)
{
    if (block.generation != m_generation)
        return;
    m_records.appendBlock(block);
    const QString read =
        block.totalBytes > 0 ? tr(" (reading: %1%)").arg(block.bytesRead * 100 / block.totalBytes) : QString();
    m_summary->setText(summaryText() + read);
}

void ReplayPage::indexFinished(quint64 generation, bool cancelled, const QString& error)
{
    if (generation != m_generation)
        return;
    m_indexing = false;
    QString text = summaryText();
    if (cancelled)
        text += tr(" (reading stopped)");
    if (!error.isEmpty())
        text += u"\n"_s + error;
    m_summary->setText(text);
    m_summary->setToolTip(m_records.problemTexts().join(u'\n'));
    updateButtons();
    Q_EMIT indexingFinished();
}

QString ReplayPage::summaryText() const
{
    QString text = m_records.summaryText();
    const qint64 problems = m_records.problemCount();
    if (problems > 0)
        text += tr("; %Ln line(s) could not be read (hover for where and why)", nullptr, PluralCount::n(problems));
    return text;
}

bool ReplayPage::start()
{
    if (m_replaying)
        return false;
    if (m_files.isEmpty()) {
        showStatus(tr("Open a capture first"));
        return false;
    }
    ReplayEngine::Options options;
    QString error;
    if (!m_controls->options(&options, &error)) {
        showStatus(error);
        return false;
    }
    options.files = m_files;
    SendTarget target;
    QDir().mkpath(m_spoolFolder);
    const QString spool =
        QDir(m_spoolFolder).filePath(u"replay-%1.spool"_s.arg(SendTarget::backendName(m_destination->backend())));
    if (!m_destination->target(spool, &target, &error)) {
        showStatus(error);
        return false;
    }
    target.clickHouse.mode = ClickHouseBackendConfig::Mode::Throughput;
    const bool verify = m_controls->verifyAfterwards();
    // The engine measures its progress in bytes read, which runs ahead of what is sent (it reads
    // a block before sending it); the count of records to send is better, when the listing knows it.
    m_expectedRecords = 0;
    if (!m_indexing && m_controls->loops() > 0 && !m_controls->filtersByNameOrService()) {
        const CaptureRecordModel::Summary summary = m_records.summary();
        for (int signal = 0; signal < 3; ++signal) {
            if (m_controls->signalMask() & (1 << signal))
                m_expectedRecords += summary.records[signal];
        }
        m_expectedRecords *= m_controls->loops();
    }
    setReplaying(true);
    m_lastOutcome.reset();
    m_verification->clear();
    m_rateChart->restart();
    m_progress->setValue(0);
    showStatus(tr("Starting…"));
    m_destination->aim(
        target,
        [this, options, verify](const SendTarget& ready) {
            ReplayRunner::Verification verification;
            verification.wanted = verify;
            verification.endpoint = m_destination->storeOf(ready);
            verification.dialect = m_destination->storeDialect(ready);
            m_runner->post(
                [options, ready, verification](ReplayRunner* runner) { runner->run(options, ready, verification); });
        },
        [this](const QString& message) {
            setReplaying(false);
            showStatus(message);
        });
    return true;
}

void ReplayPage::togglePause()
{
    if (!m_replaying)
        return;
    m_paused = !m_paused;
    if (m_paused)
        m_runner->post([](ReplayRunner* runner) { runner->pause(); });
    else
        m_runner->post([](ReplayRunner* runner) { runner->resume(); });
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
}

void ReplayPage::cancel()
{
    if (m_destination->isAiming()) {
        m_destination->cancelAim();
        setReplaying(false);
        showStatus(tr("Cancelled before anything was sent"));
        return;
    }
    if (!m_replaying)
        return;
    m_runner->post([](ReplayRunner* runner) { runner->cancel(); });
    showStatus(tr("Cancelling: what was handed over is still delivered…"));
}

void ReplayPage::showProgress(const ReplayEngine::Progress& progress)
{
    const ReplayStatusText::ProgressLine line = ReplayStatusText::progress(progress, m_expectedRecords);
    if (line.fraction < 0)
        m_progress->setRange(0, 0); // looping until cancelled: no end to measure against
    else {
        m_progress->setRange(0, progressSteps);
        m_progress->setValue(int(line.fraction * progressSteps));
    }
    showStatus(line.text);
    m_rateChart->addTotals(progress.sent, progress.failed);
    if (m_replaying && !m_engineRunning) {
        m_engineRunning = true; // now a pause reaches an engine
        updateButtons();
    }
    Q_EMIT progressed(progress);
}

void ReplayPage::finished(const ReplayRunner::Outcome& outcome)
{
    m_lastOutcome = outcome; // before setReplaying(), which offers to save its report
    setReplaying(false);
    const ReplayEngine::Summary& s = outcome.summary;
    m_progress->setRange(0, progressSteps);
    if (!s.cancelled && s.error.isEmpty())
        m_progress->setValue(progressSteps);
    showStatus(ReplayStatusText::finished(s));
    m_verification->show(outcome);
    Q_EMIT replayFinished();
}

bool ReplayPage::saveReport(const QString& path)
{
    if (!m_lastOutcome) {
        showStatus(tr("There is no finished replay to report"));
        return false;
    }
    const QJsonObject report = ReplayReportJson::summary(
        m_lastOutcome->summary, m_lastOutcome->verified ? &m_lastOutcome->verification : nullptr);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(report).toJson()) < 0 || !file.commit()) {
        showStatus(tr("The report was not saved: %1").arg(file.errorString()));
        return false;
    }
    showStatus(tr("Saved the report to %1").arg(path));
    return true;
}

void ReplayPage::setReplaying(bool replaying)
{
    m_replaying = replaying;
    m_engineRunning = false; // Pause waits for the engine's first progress
    m_verifying = false;
    if (!replaying)
        m_paused = false;
    updateButtons();
}

void ReplayPage::updateButtons()
{
    m_start->setEnabled(!m_replaying && !m_files.isEmpty());
    m_pause->setEnabled(m_replaying && m_engineRunning && !m_verifying);
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    // Once the records are sent the verification runs to its end (its timeout bounds it).
    m_cancel->setEnabled(m_replaying && !m_verifying);
    m_saveReport->setEnabled(!m_replaying && m_lastOutcome.has_value());
}

void ReplayPage::showStatus(const QString& text)
{
    m_status->setText(text);
}

QString ReplayPage::statusText() const
{
    return m_status->text();
}
