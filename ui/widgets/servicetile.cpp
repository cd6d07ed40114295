#include "servicetile.h"

#include "health/servicehealthprobe.h"
#include "sparkline.h"
#include "statuscolors.h"
#include "tablefiguresmodel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using Level = ClickHouseStatusSummary::Level;

namespace {
QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText); // a service's answer is not markup
    label->setWordWrap(true);
    return label;
}
} // namespace

ServiceTile::ServiceTile(const QString& title, ServiceHealthProbe* probe, QWidget* parent)
    : QGroupBox(title, parent)
    , m_probe(probe)
{
    auto* layout = new QVBoxLayout(this);
    auto* stateRow = new QHBoxLayout;
    m_dot = new QLabel(this);
    m_dot->setFixedSize(12, 12);
    m_state = valueLabel(this);
    stateRow->addWidget(m_dot);
    stateRow->addWidget(m_state, 1);
    layout->addLayout(stateRow);
    auto* form = new QFormLayout;
    m_endpoint = valueLabel(this);
    m_version = valueLabel(this);
    m_uptime = valueLabel(this);
    m_latency = valueLabel(this);
    m_sparkline = new Sparkline(this);
    m_sparkline->setAccessibleName(tr("Round trips of the last looks at %1").arg(title));
    m_figures = valueLabel(this);
    auto* latencyRow = new QHBoxLayout;
    latencyRow->addWidget(m_latency);
    latencyRow->addWidget(m_sparkline, 1);
    form->addRow(tr("Endpoint:"), m_endpoint);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Uptime:"), m_uptime);
    form->addRow(tr("Round trip:"), latencyRow);
    form->addRow(tr("Figures:"), m_figures);
    layout->addLayout(form);
    connect(m_probe, &ServiceHealthProbe::sampled, this, &ServiceTile::refresh);
    refresh();
}

ServiceTile::~ServiceTile() = default;

QString ServiceTile::stateText() const
{
    return m_state->text();
}

QString ServiceTile::figuresText() const
{
    return m_figures->text();
}

QString ServiceTile::versionText() const
{
    return m_version->text();
}

void ServiceTile::refresh()
{
    const QLocale locale;
    QStringList where;
    for (const QUrl& url : { m_probe->healthUrl(), m_probe->metricsUrl() }) {
        if (!url.isEmpty())
            where.append(url.toString());
    }
    m_endpoint->setText(where.isEmpty() ? tr("not set") : where.join(u'\n'));
    const bool sampled = m_probe->hasSample();
    const ServiceHealthSample sample = m_probe->lastSample();
    if (!m_probe->isConfigured()) {
        m_level = Level::Idle;
        m_state->setText(tr("Not looked at: give its address in Settings, Health"));
    } else if (!sampled) {
        m_level = Level::Pending;
        m_state->setText(tr("Looking…"));
    } else if (!sample.reachable) {
        m_level = Level::Error;
        m_state->setText(tr("Not reachable: %1").arg(sample.error));
    } else if (!sample.healthy) {
        m_level = Level::Error;
        m_state->setText(tr("Unhealthy: %1").arg(sample.error.isEmpty() ? sample.state : sample.error));
    } else {
        m_level = Level::Ok;
        m_state->setText(sample.state.isEmpty() ? tr("Healthy") : tr("Healthy: %1").arg(sample.state));
        if (!sample.error.isEmpty()) // its metrics did not answer: say why the figures are missing
            m_state->setText(tr("%1 (%2)").arg(m_state->text(), sample.error));
    }
    m_dot->setStyleSheet(StatusColors::dotStyleSheet(m_level));
    m_dot->setAccessibleName(StatusColors::levelName(m_level));
    m_version->setText(sampled && !sample.version.isEmpty() ? sample.version : tr("unknown"));
    m_uptime->setText(
        sampled && sample.uptimeSeconds >= 0 ? TableFiguresModel::durationText(sample.uptimeSeconds) : tr("unknown"));
    m_latency->setText(sampled && sample.reachable ? tr("%1 ms").arg(sample.latencyMs) : tr("unknown"));
    QList<double> latencies;
    for (const ServiceHealthSample& each : m_probe->history())
        latencies.append(each.reachable ? double(each.latencyMs) : -1.0);
    m_sparkline->setValues(latencies);
    m_sparkline->setColor(StatusColors::color(m_level));
    QStringList figures;
    for (const auto& [label, value] : sample.figures)
        figures.append(tr("%1: %2").arg(label, locale.toString(value, 'f', 0)));
    m_figures->setText(figures.isEmpty() ? tr("none") : figures.join(u'\n'));
}
