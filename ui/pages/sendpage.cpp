#include "sendpage.h"

#include "widgets/destinationform.h"
#include "widgets/sendcomposer.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int progressSteps = 1000; ///< the bar's range: counts beyond int are scaled to it

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// The SDKs' user id: the one they keep in ~/.automagik/user_id, read and never written here (the
/// workbench does not touch the SDKs' files); a fresh one when there is none.
QString sdkUserId()
{
    QFile file(QDir::home().filePath(u".automagik/user_id"_s));
    const QString stored = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(200)).trimmed() : QString();
    return stored.isEmpty() ? newUuid() : stored;
}
} // namespace

SendPage::SendPage(const QString& templatesFile, const QString& spoolFolder, QWidget* parent)
    : QWidget(parent)
    , m_templatesFile(templatesFile)
    , m_spoolFolder(spoolFolder)
    , m_userId(sdkUserId())
    , m_sessionId(newUuid())
    , m_runner(std::make_unique<WorkerThread<SendRunner>>(u"send"_s, new SendRunner(), &SendRunner::shutdown))
    , m_composer(new SendComposer(this))
    , m_templates(new QComboBox(this))
    , m_destination(new DestinationForm(this))
{
    m_templates->setAccessibleName(tr("Template"));
    auto* saveTemplate = new QPushButton(tr("Save as template…"), this);
    auto* deleteTemplate = new QPushButton(tr("Delete template"), this);
    deleteTemplate->setObjectName(u"deleteTemplate"_s);
    auto* templateRow = new QHBoxLayout;
    templateRow->addWidget(new QLabel(tr("Template:"), this));
    templateRow->addWidget(m_templates, 1);
    templateRow->addWidget(saveTemplate);
    templateRow->addWidget(deleteTemplate);

    auto* form = new QWidget(this);
    auto* formLayout = new QVBoxLayout(form);
    formLayout->addLayout(templateRow);
    formLayout->addWidget(m_composer);
    formLayout->addWidget(m_destination);
    formLayout->addWidget(buildRepeat());
    formLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Record and destination"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Send, Cancel, the progress and the status stay in view however far the form is scrolled.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addWidget(buildSendBar());
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(buildHistory());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_templates, &QComboBox::activated, this, &SendPage::templateChosen);
    connect(saveTemplate, &QPushButton::clicked, this, &SendPage::askTemplateTitle);
    connect(deleteTemplate, &QPushButton::clicked, this, &SendPage::deleteTemplate);
    connect(m_runner->worker(), &SendRunner::progressed, this, [this](qint64 sent, qint64 total) {
        m_progress->setValue(total > 0 ? int(sent * progressSteps / total) : 0);
        showStatus(tr("Sending: %1 of %2").arg(sent).arg(total));
        Q_EMIT progressed(sent, total);
    });
    connect(m_runner->worker(), &SendRunner::finished, this, &SendPage::finished);
    reloadTemplates();
    repeatChanged();
    setSending(false);
    showSelectedPayload(); // nothing sent yet: nothing to look up
}

SendPage::~SendPage() = default;

QWidget* SendPage::buildRepeat()
{
    auto* group = new QGroupBox(tr("How many"), this);
    m_repeatForm = new QFormLayout(group);
    m_repeat = new QComboBox(group);
    m_repeat->setAccessibleName(tr("Repeat"));
    m_repeat->addItem(tr("Once"), int(Repeat::Once));
    m_repeat->addItem(tr("N times, as fast as the backend takes them"), int(Repeat::Times));
    m_repeat->addItem(tr("At a rate for a duration"), int(Repeat::RateForDuration));
    m_count = new QSpinBox(group);
    m_count->setAccessibleName(tr("Count"));
    m_count->setRange(1, 100'000'000);
    m_count->setValue(100);
    m_rate = new QDoubleSpinBox(group);
    m_rate->setAccessibleName(tr("Rate"));
    m_rate->setRange(0.1, 1'000'000);
    m_rate->setValue(10);
    m_rate->setSuffix(tr(" records/s"));
    m_duration = new QSpinBox(group);
    m_duration->setAccessibleName(tr("Duration"));
    m_duration->setRange(1, 86'400);
    m_duration->setValue(10);
    m_duration->setSuffix(tr(" s"));
    m_repeatForm->addRow(tr("&Send:"), m_repeat);
    m_repeatForm->addRow(tr("&Count:"), m_count);
    m_repeatForm->addRow(tr("&Rate:"), m_rate);
    m_repeatForm->addRow(tr("&Duration:"), m_duration);
    connect(m_repeat, &QComboBox::currentIndexChanged, this, &SendPage::repeatChanged);
    return group;
}

QWidget* SendPage::buildSendBar()
{
    auto* bar = new QWidget(this);
    m_send = new QPushButton(tr("Send"), bar);
    m_send->setDefault(true);
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_cancel = new QPushButton(tr("Cancel"), bar);
    m_progress = new QProgressBar(bar);
    m_progress->setAccessibleName(tr("Send progress"));
    m_progress->setRange(0, progressSteps);
    m_status = new QLabel(bar);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(bar);
    layout->setContentsMargins(8, 4, 8, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    connect(m_send, &QPushButton::clicked, this, &SendPage::send);
    connect(m_cancel, &QPushButton::clicked, this, &SendPage::cancel);
    return bar;
}

QWidget* SendPage::buildHistory()
{
    auto* panel = new QWidget(this);
    m_historyView = new QTableView(panel);
    m_historyView->setModel(&m_history);
    m_historyView->setAccessibleName(tr("Sends"));
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setSectionResizeMode(SendHistoryModel::StatusColumn, QHeaderView::Stretch);
    m_payload = new QPlainTextEdit(panel);
    m_payload->setReadOnly(true);
    m_payload->setTabChangesFocus(true); // nothing to type: Tab moves on
    m_payload->setAccessibleName(tr("Payload"));
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_payload->setPlaceholderText(tr("The payload of a send's first record, as it went on the wire."));
    m_lookUp = new QPushButton(tr("Look it up in Query"), panel);
    m_lookUp->setToolTip(tr("Opens the Query page on the rows this send wrote"));

    auto* splitter = new QSplitter(Qt::Vertical, panel);
    splitter->addWidget(m_historyView);
    splitter->addWidget(m_payload);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_lookUp);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    connect(
        m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SendPage::showSelectedPayload);
    connect(m_lookUp, &QPushButton::clicked, this, &SendPage::lookUp);
    return panel;
}

void SendPage::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_destination->setServer(endpoint, info);
}

void SendPage::setTelemetryDatabase(const QString& database)
{
    m_destination->setTelemetryDatabase(database);
}

void SendPage::setReceiverUrl(const QUrl& url)
{
    m_destination->setReceiverUrl(url);
}

void SendPage::setBackend(SendTarget::Backend backend)
{
    m_destination->setBackend(backend);
}

void SendPage::setRepeat(Repeat repeat, qint64 count, double rate, int durationSeconds)
{
    m_repeat->setCurrentIndex(m_repeat->findData(int(repeat)));
    m_count->setValue(int(std::clamp<qint64>(count, 1, m_count->maximum())));
    if (rate > 0)
        m_rate->setValue(rate);
    if (durationSeconds > 0)
        m_duration->setValue(durationSeconds);
}

void SendPage::repeatChanged()
{
    const auto repeat = Repeat(m_repeat->currentData().toInt());
    m_repeatForm->setRowVisible(m_count, repeat == Repeat::Times);
    m_repeatForm->setRowVisible(m_rate, repeat == Repeat::RateForDuration);
    m_repeatForm->setRowVisible(m_duration, repeat == Repeat::RateForDuration);
}

bool SendPage::send()
{
    if (m_sending)
        return false;
    SendRequest request;
    SdkIdentity identity;
    QStringList problems;
    if (!m_composer->compose(&request, &identity, &problems)) {
        showStatus(problems.join(u"; "_s));
        return false;
    }
    // As an SDK client: one user, and one session for as long as the page lives.
    identity.userId = m_userId;
    identity.sessionId = m_sessionId;
    switch (Repeat(m_repeat->currentData().toInt())) {
    case Repeat::Once:
        request.count = 1;
        break;
    case Repeat::Times:
        request.count = m_count->value();
        break;
    case Repeat::RateForDuration:
        request.rate = m_rate->value();
        request.count = qMax<qint64>(1, qint64(m_rate->value() * m_duration->value()));
        break;
    }
    SendTarget target;
    QString error;
    const QString spoolName = u"send-%1.spool"_s.arg(SendTarget::backendName(m_destination->backend()));
    QDir().mkpath(m_spoolFolder);
    if (!m_destination->target(QDir(m_spoolFolder).filePath(spoolName), &target, &error)) {
        showStatus(error);
        return false;
    }
    // One record or a few: no reason to wait for a batch to fill.
    target.clickHouse.flushIntervalMs = 200;
    setSending(true);
    m_progress->setValue(0);
    showStatus(problems.isEmpty() ? tr("Sending…") : tr("Sending, without: %1").arg(problems.join(u"; "_s)));
    sendTo(target, request, identity);
    return true;
}

void SendPage::sendTo(const SendTarget& target, const SendRequest& request, const SdkIdentity& identity)
{
    m_destination->aim(
        target,
        [this, request, identity](const SendTarget& ready) {
            m_runner->post([ready, request, identity](SendRunner* runner) { runner->run(ready, request, identity); });
        },
        [this](const QString& error) {
            setSending(false);
            showStatus(error);
        });
}

void SendPage::cancel()
{
    if (m_destination->isAiming()) {
        m_destination->cancelAim();
        setSending(false);
        showStatus(tr("Cancelled before anything was sent"));
        return;
    }
    if (m_sending) {
        m_runner->post([](SendRunner* runner) { runner->cancel(); });
        showStatus(tr("Cancelling: what was handed over is still delivered…"));
    }
}

void SendPage::finished(const SendRunner::Outcome& outcome)
{
    setSending(false);
    m_history.add(outcome);
    m_historyView->selectRow(0);
    showSelectedPayload();
    const auto& statistics = outcome.summary.statistics;
    m_progress->setValue(outcome.summary.sent >= outcome.request.count ? progressSteps : m_progress->value());
    const QString requests = statistics.requests == 1
        ? tr("1 request in %1 ms").arg(outcome.totalMs)
        : tr("%1 requests in %2 ms").arg(statistics.requests).arg(outcome.totalMs);
    showStatus(u"%1 (%2)"_s.arg(SendHistoryModel::statusText(outcome), requests));
    Q_EMIT sendFinished();
}

void SendPage::showSelectedPayload()
{
    const QModelIndex current = m_historyView->currentIndex();
    m_payload->setPlainText(current.isValid() ? current.data(SendHistoryModel::PayloadRole).toString() : QString());
    m_lookUp->setEnabled(current.isValid() && m_history.outcome(current.row()).summary.sent > 0);
}

void SendPage::lookUp()
{
    const QModelIndex current = m_historyView->currentIndex();
    if (current.isValid())
        Q_EMIT openInQuery(
            SendHistoryModel::lookUpSql(m_history.outcome(current.row()), m_destination->telemetryDatabase()));
}

void SendPage::setSending(bool sending)
{
    m_sending = sending;
    m_send->setEnabled(!sending);
    m_cancel->setEnabled(sending);
}

void SendPage::showStatus(const QString& text)
{
    m_status->setText(text);
}

QLineEdit* SendPage::clickHouseUrlEdit() const
{
    return m_destination->clickHouseUrlEdit();
}

QLineEdit* SendPage::otlpUrlEdit() const
{
    return m_destination->otlpUrlEdit();
}

QString SendPage::statusText() const
{
    return m_status->text();
}

void SendPage::reloadTemplates(const QString& select)
{
    QStringList problems;
    m_templateList = SendTemplate::builtIns() + SendTemplate::load(m_templatesFile, &problems);
    m_templates->clear();
    m_templates->addItem(tr("(your own record)"));
    for (const SendTemplate& item : std::as_const(m_templateList))
        m_templates->addItem(item.builtIn ? item.title : tr("%1 (saved)").arg(item.title));
    if (!select.isEmpty()) {
        for (int i = 0; i < m_templateList.size(); ++i) {
            if (!m_templateList.at(i).builtIn && m_templateList.at(i).title == select)
                m_templates->setCurrentIndex(i + 1);
        }
    }
    if (!problems.isEmpty())
        showStatus(tr("Some saved templates could not be read: %1").arg(problems.join(u"; "_s)));
}

void SendPage::templateChosen(int index)
{
    if (index >= 1 && index <= m_templateList.size())
        m_composer->applyTemplate(m_templateList.at(index - 1));
}

void SendPage::askTemplateTitle()
{
    bool ok = false;
    const QString title = QInputDialog::getText(
        this, tr("Save as template"), tr("Title:"), QLineEdit::Normal, m_composer->nameEdit()->text(), &ok);
    if (ok && !title.trimmed().isEmpty())
        saveTemplate(title.trimmed());
}

bool SendPage::saveTemplate(const QString& title)
{
    QList<SendTemplate> saved;
    for (const SendTemplate& item : std::as_const(m_templateList)) {
        if (!item.builtIn && item.title != title)
            saved.append(item);
    }
    saved.append(m_composer->toTemplate(title));
    QString error;
    if (!SendTemplate::save(m_templatesFile, saved, &error)) {
        showStatus(tr("The template was not saved: %1").arg(error));
        return false;
    }
    reloadTemplates(title);
    showStatus(tr("Saved the template \"%1\"").arg(title));
    return true;
}

void SendPage::deleteTemplate()
{
    const int index = m_templates->currentIndex() - 1;
    if (index < 0 || index >= m_templateList.size() || m_templateList.at(index).builtIn) {
        showStatus(tr("Only a saved template can be deleted"));
        return;
    }
    QList<SendTemplate> kept = m_templateList;
    const QString title = kept.takeAt(index).title;
    QString error;
    if (!SendTemplate::save(m_templatesFile, kept, &error)) {
        showStatus(tr("The template was not deleted: %1").arg(error));
        return;
    }
    reloadTemplates();
    showStatus(tr("Deleted the template \"%1\"").arg(title));
}
