#include "healthpage.h"

#include "clickhouse/localclickhouse.h"
#include "clickhousestatussummary.h"
#include "health/clickhouseprobe.h"
#include "widgets/collectortile.h"
#include "widgets/statuscolors.h"
#include "widgets/telemetrydatatile.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}
} // namespace

HealthPage::HealthPage(LocalClickHouse* managed, ClickHouseProbe* probe, TelemetryTablesProbe* tables,
    SampleTelemetryLoader* sampleLoader, const LocalCollector* collector, QWidget* parent)
    : QWidget(parent)
    , m_managed(managed)
    , m_probe(probe)
    , m_dataTile(new TelemetryDataTile(tables, sampleLoader, probe, this))
    , m_collectorTile(new CollectorTile(collector, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    auto* heading = new QLabel(tr("Stack health"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    auto* tile = new QGroupBox(tr("ClickHouse"), this);
    auto* tileLayout = new QVBoxLayout(tile);
    auto* stateRow = new QHBoxLayout;
    m_dot = new QLabel(tile);
    m_dot->setFixedSize(12, 12);
    m_state = valueLabel(tile);
    stateRow->addWidget(m_dot);
    stateRow->addWidget(m_state, 1);
    tileLayout->addLayout(stateRow);

    auto* form = new QFormLayout;
    m_endpoint = valueLabel(tile);
    m_version = valueLabel(tile);
    m_latency = valueLabel(tile);
    m_dataFolder = valueLabel(tile);
    m_schema = valueLabel(tile);
    form->addRow(tr("Endpoint:"), m_endpoint);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Round trip:"), m_latency);
    form->addRow(tr("Data folder:"), m_dataFolder);
    form->addRow(tr("Schema:"), m_schema);
    tileLayout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_startButton = new QPushButton(tr("Start managed server"), tile);
    m_stopButton = new QPushButton(tr("Stop managed server"), tile);
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    buttons->addStretch(1);
    tileLayout->addLayout(buttons);

    m_log = new QPlainTextEdit(tile);
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("When the server fails, what it logged last appears here."));
    m_log->setMaximumBlockCount(500);
    tileLayout->addWidget(m_log, 1);
    layout->addWidget(tile);
    layout->addWidget(m_collectorTile);
    layout->addWidget(m_dataTile);

    auto* later = new QLabel(tr("Health of an OpenTelemetry collector and of Grafana: not built yet."), this);
    later->setEnabled(false);
    layout->addWidget(later);
    layout->addStretch(1);

    if (m_managed) {
        connect(m_startButton, &QPushButton::clicked, m_managed, &LocalClickHouse::start);
        connect(m_stopButton, &QPushButton::clicked, m_managed, &LocalClickHouse::stop);
        connect(m_managed, &LocalClickHouse::stateChanged, this, &HealthPage::refresh);
    } else {
        m_startButton->hide();
        m_stopButton->hide();
    }
    if (m_probe)
        connect(m_probe, &ClickHouseProbe::sampled, this, &HealthPage::refresh);
    refresh();
}

HealthPage::~HealthPage() = default;

QString HealthPage::clickHouseStateText() const
{
    return m_state->text();
}

QString HealthPage::serverLogText() const
{
    return m_log->toPlainText();
}

QString HealthPage::schemaText() const
{
    return m_schema->text();
}

void HealthPage::refresh()
{
    const ClickHouseStatusSummary summary = ClickHouseStatusSummary::summarize(m_managed, m_probe);
    m_state->setText(summary.text);
    m_dot->setStyleSheet(StatusColors::dotStyleSheet(summary.level));

    const bool hasEndpoint = m_probe && m_probe->hasEndpoint();
    m_endpoint->setText(hasEndpoint ? m_probe->endpoint().displayString() : tr("none"));
    const bool sampled = hasEndpoint && m_probe->hasSample() && m_probe->lastSample().reachable;
    m_version->setText(sampled ? m_probe->lastSample().version : tr("unknown"));
    m_latency->setText(sampled ? tr("%1 ms").arg(m_probe->lastSample().latencyMs) : tr("unknown"));

    if (m_managed) {
        m_dataFolder->setText(m_managed->dataDirectory());
        const auto state = m_managed->state();
        m_startButton->setEnabled(state == LocalClickHouse::State::Stopped || state == LocalClickHouse::State::Failed);
        m_stopButton->setEnabled(state == LocalClickHouse::State::Running || state == LocalClickHouse::State::Starting);
        if (state == LocalClickHouse::State::Failed)
            m_log->setPlainText(m_managed->errorString());
        else if (state == LocalClickHouse::State::Starting)
            m_log->clear();
        else if (state == LocalClickHouse::State::Running && !m_managed->schemaError().isEmpty())
            m_log->setPlainText(m_managed->schemaError()); // the server's own message, in full
        if (state != LocalClickHouse::State::Running)
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
    // The box is for failures; an empty one would only take room from the tiles to come.
    m_log->setVisible(!m_log->toPlainText().isEmpty());
}
