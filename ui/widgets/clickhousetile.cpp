#include "clickhousetile.h"

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhouseschema.h"
#include "clickhouse/localclickhouse.h"
#include "health/clickhouseprobe.h"
#include "sparkline.h"
#include "statuscolors.h"
#include "tablefiguresmodel.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace {
QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText); // server messages are not markup
    label->setWordWrap(true);
    return label;
}
} // namespace

ClickHouseTile::ClickHouseTile(LocalClickHouse* managed, ClickHouseProbe* probe, QWidget* parent)
    : QGroupBox(tr("ClickHouse"), parent)
    , m_managed(managed)
    , m_probe(probe)
{
    auto* tileLayout = new QVBoxLayout(this);
    auto* stateRow = new QHBoxLayout;
    m_dot = new QLabel(this);
    m_dot->setFixedSize(12, 12);
    m_state = valueLabel(this);
    stateRow->addWidget(m_dot);
    stateRow->addWidget(m_state, 1);
    tileLayout->addLayout(stateRow);

    auto* form = new QFormLayout;
    m_endpoint = valueLabel(this);
    m_version = valueLabel(this);
    m_uptime = valueLabel(this);
    m_latency = valueLabel(this);
    m_sparkline = new Sparkline(this);
    m_sparkline->setAccessibleName(tr("Round trips of the last probes"));
    m_sparkline->setToolTip(tr("Round trip of each probe, newest on the right; red ticks: no answer"));
    m_dataFolder = valueLabel(this);
    m_schema = valueLabel(this);
    auto* latencyRow = new QHBoxLayout;
    latencyRow->addWidget(m_latency);
    latencyRow->addWidget(m_sparkline, 1);
    form->addRow(tr("Endpoint:"), m_endpoint);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Uptime:"), m_uptime);
    form->addRow(tr("Round trip:"), latencyRow);
    form->addRow(tr("Data folder:"), m_dataFolder);
    form->addRow(tr("Schema:"), m_schema);
    tileLayout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_startButton = new QPushButton(tr("Start"), this);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_restartButton = new QPushButton(tr("Restart"), this);
    m_verifyButton = new QPushButton(tr("Verify schema"), this);
    m_logButton = new QPushButton(tr("Open server log"), this);
    m_resetButton = new QPushButton(tr("Reset data…"), this);
    m_startButton->setToolTip(tr("Start the managed ClickHouse (and the collector in front of it)"));
    m_stopButton->setToolTip(tr("Stop the managed ClickHouse"));
    m_resetButton->setToolTip(tr("Empty the telemetry tables (asks first)"));
    for (QPushButton* button :
        { m_startButton, m_stopButton, m_restartButton, m_verifyButton, m_logButton, m_resetButton })
        buttons->addWidget(button);
    buttons->addStretch(1);
    tileLayout->addLayout(buttons);
    m_action = valueLabel(this);
    tileLayout->addWidget(m_action);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setTabChangesFocus(true); // nothing to type: Tab moves on
    m_log->setAccessibleName(tr("What the server logged when it failed"));
    m_log->setMaximumBlockCount(500);
    tileLayout->addWidget(m_log, 1);

    if (m_managed) {
        connect(m_startButton, &QPushButton::clicked, m_managed, &LocalClickHouse::start);
        connect(m_stopButton, &QPushButton::clicked, m_managed, &LocalClickHouse::stop);
        connect(m_restartButton, &QPushButton::clicked, this, &ClickHouseTile::restart);
        connect(m_verifyButton, &QPushButton::clicked, this, &ClickHouseTile::verifySchema);
        connect(m_resetButton, &QPushButton::clicked, this, &ClickHouseTile::resetData);
        connect(m_logButton, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_managed->serverLogPath())); });
        connect(m_managed, &LocalClickHouse::stateChanged, this, [this](LocalClickHouse::State state) {
            // Started from the event loop, not from within the server's own signal; and not
            // while the window closes (the app stops the server then).
            if (state == LocalClickHouse::State::Stopped && std::exchange(m_restartPending, false)
                && window()->isVisible())
                QTimer::singleShot(0, m_managed, &LocalClickHouse::start);
            refresh();
        });
    } else {
        for (QPushButton* button :
            { m_startButton, m_stopButton, m_restartButton, m_verifyButton, m_logButton, m_resetButton })
            button->hide();
    }
    if (m_probe)
        connect(m_probe, &ClickHouseProbe::sampled, this, &ClickHouseTile::refresh);
    refresh();
}

ClickHouseTile::~ClickHouseTile() = default;

QString ClickHouseTile::stateText() const
{
    return m_state->text();
}

QString ClickHouseTile::serverLogText() const
{
    return m_log->toPlainText();
}

QString ClickHouseTile::schemaText() const
{
    return m_schema->text();
}

QString ClickHouseTile::actionText() const
{
    return m_action->text();
}

void ClickHouseTile::setFigures(const ClickHouseFigures& figures)
{
    m_uptime->setText(figures.uptimeSeconds >= 0 && figures.error.isEmpty()
            ? TableFiguresModel::durationText(figures.uptimeSeconds)
            : tr("unknown"));
}

void ClickHouseTile::restart()
{
    if (m_managed->state() == LocalClickHouse::State::Stopped || m_managed->state() == LocalClickHouse::State::Failed)
        return m_managed->start();
    m_restartPending = true;
    m_managed->stop();
}

bool ClickHouseTile::prepareSchema()
{
    if (!m_managed->isRunning() || (m_schemaOperation && m_schemaOperation->isBusy()))
        return false;
    ClickHouseEndpoint endpoint = m_managed->endpoint();
    endpoint.database.clear();
    m_schemaOperation.reset(); // before the client it uses
    m_schemaClient = std::make_unique<ClickHouseClient>(endpoint);
    m_schemaOperation = std::make_unique<ClickHouseSchema>(m_schemaClient.get(),
        ClickHouseSchemaDefinition::load(m_managed->serverInfo().dialect(), m_managed->schemaDatabase()));
    connect(m_schemaOperation.get(), &ClickHouseSchema::progress, m_action, &QLabel::setText);
    return true;
}

void ClickHouseTile::verifySchema()
{
    if (!prepareSchema())
        return;
    connect(m_schemaOperation.get(), &ClickHouseSchema::finished, this, [this](bool ok, const QString& error) {
        const ClickHouseSchemaReport report = m_schemaOperation->lastReport();
        m_action->setText(!ok         ? tr("Verifying the schema failed: %1").arg(error)
                : report.isComplete() ? tr("The schema in %1 is complete.").arg(m_managed->schemaDatabase())
                                      : tr("The schema is not complete: %1").arg(report.summary()));
        Q_EMIT dataChanged();
    });
    m_action->setText(tr("Verifying the schema…"));
    m_schemaOperation->verify();
}

void ClickHouseTile::resetData()
{
    const auto answer = QMessageBox::warning(this, tr("Reset telemetry data"),
        tr("Empty every table of %1 on the managed ClickHouse? Its traces, metrics and logs are deleted for good.")
            .arg(m_managed->schemaDatabase()),
        QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Reset || !prepareSchema())
        return;
    connect(m_schemaOperation.get(), &ClickHouseSchema::finished, this, [this](bool ok, const QString& error) {
        m_action->setText(ok ? tr("The telemetry tables of %1 are empty.").arg(m_managed->schemaDatabase())
                             : tr("Resetting the data failed: %1").arg(error));
        Q_EMIT dataChanged();
    });
    m_action->setText(tr("Emptying the telemetry tables…"));
    m_schemaOperation->reset();
}

void ClickHouseTile::refresh()
{
    const ClickHouseStatusSummary summary = ClickHouseStatusSummary::summarize(m_managed, m_probe);
    m_level = summary.level;
    m_state->setText(summary.text);
    m_dot->setStyleSheet(StatusColors::dotStyleSheet(summary.level));
    m_dot->setAccessibleName(StatusColors::levelName(summary.level));

    const bool hasEndpoint = m_probe && m_probe->hasEndpoint();
    m_endpoint->setText(hasEndpoint ? m_probe->endpoint().displayString() : tr("none"));
    const bool sampled = hasEndpoint && m_probe->hasSample() && m_probe->lastSample().reachable;
    m_version->setText(sampled ? m_probe->lastSample().version : tr("unknown"));
    m_latency->setText(sampled ? tr("%1 ms").arg(m_probe->lastSample().latencyMs) : tr("unknown"));
    if (!sampled)
        m_uptime->setText(tr("unknown"));
    if (m_probe) {
        QList<double> latencies;
        for (const ClickHouseProbeSample& sample : m_probe->history())
            latencies.append(sample.reachable ? double(sample.latencyMs) : -1.0);
        m_sparkline->setValues(latencies);
    }
    m_sparkline->setColor(StatusColors::color(summary.level));

    if (m_managed) {
        m_dataFolder->setText(m_managed->dataDirectory());
        const auto state = m_managed->state();
        const bool running = state == LocalClickHouse::State::Running;
        m_startButton->setEnabled(state == LocalClickHouse::State::Stopped || state == LocalClickHouse::State::Failed);
        m_stopButton->setEnabled(running || state == LocalClickHouse::State::Starting);
        m_restartButton->setEnabled(state != LocalClickHouse::State::Stopping && !m_restartPending);
        m_verifyButton->setEnabled(running);
        m_resetButton->setEnabled(running);
        m_logButton->setEnabled(QFileInfo::exists(m_managed->serverLogPath()));
        if (state == LocalClickHouse::State::Failed)
            m_log->setPlainText(m_managed->errorString());
        else if (state == LocalClickHouse::State::Starting)
            m_log->clear();
        else if (running && !m_managed->schemaError().isEmpty())
            m_log->setPlainText(m_managed->schemaError()); // the server's own message, in full
        if (!running)
            m_schema->setText(state == LocalClickHouse::State::Starting ? tr("installed at start") : tr("unknown"));
        else if (m_managed->schemaError().isEmpty())
            m_schema->setText(
                tr("%1 installed (%2 dialect)")
                    .arg(m_managed->schemaDatabase(),
                        m_managed->serverInfo().dialect() == ClickHouseServerInfo::Dialect::Modern ? tr("modern")
                                                                                                   : tr("legacy")));
        else
            m_schema->setText(
                tr("not installed in %1; the server's message is below").arg(m_managed->schemaDatabase()));
    } else {
        m_dataFolder->setText(tr("external server (not managed by the workbench)"));
        m_schema->setText(tr("as the server has it ('automagik-workbench schema verify' compares)"));
    }
    // The box is for failures; an empty one would only take room from the other tiles.
    m_log->setVisible(!m_log->toPlainText().isEmpty());
    m_action->setVisible(!m_action->text().isEmpty());
}
